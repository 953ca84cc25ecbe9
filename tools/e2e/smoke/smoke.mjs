/**
 * The runtime smoke program: what a user does first with the SDK, installed from a registry.
 *
 * Plain JavaScript (ESM) on purpose, so that Node, Bun and Deno all run this very file without a
 * TypeScript loader. It imports only the public entry points of the published packages.
 *
 * Settings come from the environment:
 *   PINGONE_API_URL, PINGONE_AUTH_URL   the hosts (the emulator's, in the e2e test)
 *   PINGONE_ENVIRONMENT_ID              the environment to work in, where the worker application lives
 *   PINGONE_CLIENT_ID, PINGONE_CLIENT_SECRET   the worker application's credentials
 *   SMOKE_USER_COUNT (default 7), SMOKE_PAGE_SIZE (default 3)   more users than one page holds
 *
 * It exits with status 1 on the first failure; on success its last line starts with `SMOKE OK`,
 * followed by JSON naming the runtime and version that ran it.
 */
import { createAuthClient, createPkce, requestClientCredentialsToken } from '@pingone-sdk/auth';
import { clientCredentials, NotFoundError, PingOneError, paginate } from '@pingone-sdk/core';
import { detectImageFormat } from '@pingone-sdk/images';
import {
  createManagementClient,
  createPopulation,
  createUser,
  deletePopulation,
  deleteUser,
  getUser,
  listUsers,
  updateUser,
} from '@pingone-sdk/management';

/** Which runtime runs this file, and its version, as it says itself. */
function describeRuntime() {
  if (globalThis.Deno) return { runtime: 'deno', version: globalThis.Deno.version.deno };
  if (globalThis.Bun) return { runtime: 'bun', version: globalThis.Bun.version };
  return { runtime: 'node', version: globalThis.process.versions.node };
}

function readEnvironment() {
  if (globalThis.process?.env) return globalThis.process.env;
  return globalThis.Deno.env.toObject();
}

function exit(code) {
  if (globalThis.Deno) globalThis.Deno.exit(code);
  globalThis.process.exit(code);
}

function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}

const environment = readEnvironment();
function required(name) {
  const value = environment[name];
  if (!value) throw new Error(`set ${name}`);
  return value;
}

async function main() {
  const runtime = describeRuntime();
  const apiUrl = required('PINGONE_API_URL');
  const authUrl = required('PINGONE_AUTH_URL');
  const environmentId = required('PINGONE_ENVIRONMENT_ID');
  const clientId = required('PINGONE_CLIENT_ID');
  const clientSecret = required('PINGONE_CLIENT_SECRET');
  const userCount = Number(environment.SMOKE_USER_COUNT ?? 7);
  const pageSize = Number(environment.SMOKE_PAGE_SIZE ?? 3);
  const log = (line) => console.log(`[${runtime.runtime} ${runtime.version}] ${line}`);

  // 1. A worker token through the client credentials grant, cached by the provider.
  const token = clientCredentials({ environmentId, clientId, clientSecret, authUrl });
  const accessToken = await token.getToken();
  check(typeof accessToken === 'string' && accessToken.length > 20, 'clientCredentials gave a token');
  log('got a worker token (clientCredentials)');

  const client = createManagementClient({ baseUrl: apiUrl, environmentId, token });
  const runId = `${runtime.runtime}-${runtime.version}-${Date.now().toString(36)}`;

  // 2. A population and some users in it.
  const { data: population } = await createPopulation({
    client,
    body: { name: `e2e smoke ${runId}`, description: 'made by tools/e2e/smoke/smoke.mjs' },
  });
  check(typeof population.id === 'string', 'createPopulation returned an id');
  const created = [];
  try {
    for (let index = 0; index < userCount; index += 1) {
      const username = `smoke-${runId}-${index}`;
      const { data: user } = await createUser({
        client,
        body: { username, email: `${username}@example.com`, population: { id: population.id } },
      });
      check(user.username === username, `createUser returned ${username}`);
      created.push(user);
    }
    log(`created population ${population.id} and ${created.length} users`);

    // 3. List them across more than one page: whole pages, then item by item.
    const query = { filter: `population.id eq "${population.id}"`, limit: pageSize };
    let pages = 0;
    let listedOnPages = 0;
    for await (const page of paginate(listUsers, { client, query }).pages()) {
      pages += 1;
      listedOnPages += page._embedded.users.length;
    }
    const listed = [];
    for await (const user of paginate(listUsers, { client, query })) listed.push(user.username);
    const expectedPages = Math.ceil(userCount / pageSize);
    check(pages === expectedPages && pages > 1, `listed ${pages} pages, expected ${expectedPages} (> 1)`);
    check(listedOnPages === userCount, `pages held ${listedOnPages} users, expected ${userCount}`);
    check(
      listed.length === userCount && created.every((user) => listed.includes(user.username)),
      'paginate yielded every created user once',
    );
    log(`listed ${listed.length} users over ${pages} pages of ${pageSize} (paginate)`);

    // 4. Read one, change one.
    const first = created[0];
    const { data: read } = await getUser({ client, path: { userId: first.id } });
    check(read.id === first.id && read.username === first.username, 'getUser read the user back');
    const { data: updated } = await updateUser({
      client,
      path: { userId: first.id },
      body: { nickname: 'Ada' },
    });
    check(updated.nickname === 'Ada', 'updateUser changed the nickname');
    log(`read ${read.username} and updated its nickname`);

    // 5. A missing user is a NotFoundError, a PingOneError with status 404.
    try {
      await getUser({ client, path: { userId: '00000000-0000-4000-8000-000000000000' } });
      throw new Error('check failed: getUser of a missing user did not throw');
    } catch (error) {
      check(error instanceof NotFoundError, `expected NotFoundError, got ${error?.name}: ${error?.message}`);
      check(error instanceof PingOneError && error.status === 404, 'NotFoundError is a PingOneError 404');
      log(`a missing user throws NotFoundError (404 ${error.code})`);
    }
  } finally {
    // 6. Clean up what this run made, even after a failure.
    for (const user of created) await deleteUser({ client, path: { userId: user.id } });
    await deletePopulation({ client, path: { populationId: population.id } });
  }
  let gone = false;
  try {
    await getUser({ client, path: { userId: created[0].id } });
  } catch (error) {
    gone = error instanceof NotFoundError;
  }
  check(gone, 'a deleted user reads as NotFoundError');
  log(`deleted ${created.length} users and the population`);

  // 7. The auth and images packages load and work here too: WebCrypto PKCE, the token endpoint, magic bytes.
  const pkce = await createPkce();
  check(pkce.method === 'S256' && /^[A-Za-z0-9_-]{43}$/.test(pkce.challenge), 'createPkce made an S256 pair');
  const authClient = createAuthClient({ authUrl, environmentId, clientId, clientSecret });
  const tokens = await requestClientCredentialsToken({ client: authClient });
  check(typeof tokens.accessToken === 'string' && tokens.accessToken.length > 20, 'auth token request');
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  check(detectImageFormat(png) === 'png', 'detectImageFormat knows a PNG');
  log('auth (PKCE, client credentials) and images (format detection) work');

  console.log(`SMOKE OK ${JSON.stringify(runtime)}`);
}

try {
  await main();
} catch (error) {
  console.error(`SMOKE FAILED: ${error?.stack ?? error}`);
  if (error?.cause) console.error('cause:', error.cause);
  exit(1);
}
