/**
 * The smoke steps: what a user does first with the SDK, installed from a registry. Plain JavaScript
 * (ESM) that imports only the public entry points of the published packages, so that every runtime runs
 * it as it is (Node, Bun, Deno) or bundled the way its users bundle (workerd, a browser).
 *
 * `settings`: { apiUrl, authUrl, environmentId, clientId, clientSecret, userCount?, pageSize? }, where
 * the environment is the one the worker application lives in. `runtime`: { runtime, version }, to name
 * what this run made. `log(line)` receives progress. Throws on the first failed check.
 */
import {
  createAuthClient,
  createPkce,
  requestClientCredentialsToken,
  TokenVerificationError,
  verifyAccessToken,
} from '@pingone-sdk/auth';
import { listDecisionEndpoints } from '@pingone-sdk/authorize';
import { clientCredentials, NotFoundError, PingOneError, paginate } from '@pingone-sdk/core';
import { listCredentialTypes } from '@pingone-sdk/credentials';
import { listConnectors } from '@pingone-sdk/davinci';
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
import { getMfaSettings } from '@pingone-sdk/mfa';
import { createRiskEvaluation } from '@pingone-sdk/protect';
import { listVerifyPolicies } from '@pingone-sdk/verify';

function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}

export async function runSmokeSteps(settings, runtime, log) {
  const { apiUrl, authUrl, environmentId, clientId, clientSecret } = settings;
  for (const [name, value] of Object.entries({ apiUrl, authUrl, environmentId, clientId, clientSecret })) {
    if (typeof value !== 'string' || value === '') throw new Error(`smoke settings: ${name} is missing`);
  }
  const userCount = settings.userCount ?? 7;
  const pageSize = settings.pageSize ?? 3;

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
    body: { name: `e2e smoke ${runId}`, description: 'made by tools/e2e/smoke/smoke-steps.mjs' },
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
  // What an API at the edge does with a bearer token: verify it against the environment's JWKS (WebCrypto).
  const claims = await verifyAccessToken({ client: authClient, token: tokens.accessToken });
  check(
    claims.iss === `${authUrl}/${environmentId}/as`,
    `verifyAccessToken checked the issuer (${claims.iss})`,
  );
  const [header, payload, signature] = tokens.accessToken.split('.');
  const tampered = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
  try {
    await verifyAccessToken({ client: authClient, token: tampered });
    throw new Error('check failed: a tampered token verified');
  } catch (error) {
    check(
      error instanceof TokenVerificationError,
      `a tampered token is refused (${error?.name}: ${error?.message})`,
    );
  }
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  check(detectImageFormat(png) === 'png', 'detectImageFormat knows a PNG');
  log('auth (PKCE, client credentials, token verification) and images (format detection) work');

  // 8. Each service package, installed on its own, calls its API through the same management client.
  const { data: mfaSettings } = await getMfaSettings({ client });
  check(typeof mfaSettings.pairing?.maxAllowedDevices === 'number', 'mfa: getMfaSettings');
  const { data: endpoints } = await listDecisionEndpoints({ client });
  check(Array.isArray(endpoints._embedded.decisionEndpoints), 'authorize: listDecisionEndpoints');
  const { data: evaluation } = await createRiskEvaluation({
    client,
    body: { event: { ip: '198.51.100.23', user: { id: `smoke-${runId}`, type: 'EXTERNAL' } } },
  });
  check(
    ['LOW', 'MEDIUM', 'HIGH'].includes(evaluation.result?.level),
    `protect: createRiskEvaluation gave a level (${evaluation.result?.level})`,
  );
  const { data: verifyPolicies } = await listVerifyPolicies({ client });
  check(
    verifyPolicies._embedded.verifyPolicies.some((policy) => policy.default === true),
    'verify: listVerifyPolicies has the default policy',
  );
  const { data: credentialTypes } = await listCredentialTypes({ client });
  check(Array.isArray(credentialTypes._embedded.items), 'credentials: listCredentialTypes');
  const { data: connectors } = await listConnectors({ client });
  check(connectors._embedded.connectors.length > 0, 'davinci: listConnectors');
  log(
    `mfa, authorize, protect (risk ${evaluation.result.level}), verify, credentials and davinci answer on the management client`,
  );
}
