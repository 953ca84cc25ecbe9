/**
 * The quickstart: a worker application's token, a population, a few hundred users, paging, filtering,
 * an update and a delete, then clean-up.
 *
 * It runs against whatever the environment variables name:
 *   PINGONE_ENVIRONMENT_ID   the environment to work in
 *   PINGONE_CLIENT_ID        a worker application's client id …
 *   PINGONE_CLIENT_SECRET    … and secret
 *   PINGONE_REGION           NA (default), EU, CA, AU, SG or AP
 *   PINGONE_ADMIN_ENVIRONMENT_ID  where the worker application lives (default: PINGONE_ENVIRONMENT_ID)
 *   PINGONE_API_URL, PINGONE_AUTH_URL  host overrides, set by `pnpm demo` to point at the emulator
 */
import { clientCredentials, NotFoundError, paginate } from '@pingone-sdk/core';
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
import { isMain, type TenantSettings, tenantFromEnvironment } from './tenant.js';

export interface QuickstartSettings extends TenantSettings {
  /** How many users to create. @default 300 */
  userCount?: number;
}

/** Runs `work` over `items` with at most `concurrency` calls in flight. */
async function forEachConcurrently<T>(
  items: T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

export async function runQuickstart(
  settings: QuickstartSettings,
): Promise<{ listed: number; pages: number }> {
  const log = settings.log ?? console.log;
  const userCount = settings.userCount ?? 300;
  const token = clientCredentials({
    environmentId: settings.adminEnvironmentId ?? settings.environmentId,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    region: settings.region,
    authUrl: settings.authUrl,
  });
  const client = createManagementClient({
    region: settings.region,
    baseUrl: settings.apiUrl,
    environmentId: settings.environmentId,
    token,
  });

  await token.getToken();
  log('✓ got a worker token with the client credentials grant');

  const runId = Date.now().toString(36);
  const { data: population } = await createPopulation({
    client,
    body: { name: `SDK quickstart ${runId}`, description: 'Created by the pingone-sdk quickstart' },
  });
  log(`✓ created population "${population.name}" (${population.id})`);

  try {
    const usernames = Array.from(
      { length: userCount },
      (_, index) => `quickstart-${runId}-${String(index).padStart(4, '0')}`,
    );
    const started = Date.now();
    await forEachConcurrently(usernames, 10, async (username) => {
      await createUser({
        client,
        body: {
          username,
          email: `${username}@example.com`,
          name: { given: 'Quick', family: `Start ${username.slice(-4)}` },
          population: { id: population.id },
        },
      });
    });
    log(`✓ created ${userCount} users in ${Date.now() - started} ms`);

    let listed = 0;
    let pages = 0;
    const inPopulation = `population.id eq "${population.id}"`;
    for await (const page of paginate(listUsers, {
      client,
      query: { filter: inPopulation, limit: 100 },
    }).pages()) {
      pages += 1;
      listed += page._embedded.users.length;
    }
    log(`✓ paged through ${listed} users in ${pages} pages of up to 100`);

    const prefix = `quickstart-${runId}-000`;
    const matches: string[] = [];
    for await (const user of paginate(listUsers, { client, query: { filter: `username sw "${prefix}"` } })) {
      matches.push(user.username);
    }
    log(`✓ filter username sw "${prefix}" matched ${matches.length} users`);

    const { data: first } = await listUsers({ client, query: { filter: `username eq "${usernames[0]}"` } });
    const user = first._embedded.users[0];
    if (!user) throw new Error(`user ${usernames[0]} was not found by filter`);
    const { data: updated } = await updateUser({
      client,
      path: { userId: user.id },
      body: { nickname: 'Ada' },
    });
    log(`✓ updated ${updated.username}: nickname is now "${updated.nickname}"`);

    await deleteUser({ client, path: { userId: user.id } });
    try {
      await getUser({ client, path: { userId: user.id } });
      throw new Error('a deleted user could still be read');
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      log(`✓ deleted ${user.username}; reading it again answers 404 ${error.code}`);
    }

    // Clean up, so that the quickstart leaves a real tenant as it found it.
    const remaining: string[] = [];
    for await (const member of paginate(listUsers, { client, query: { filter: inPopulation } }))
      remaining.push(member.id);
    await forEachConcurrently(remaining, 10, async (userId) => {
      await deleteUser({ client, path: { userId } });
    });
    return { listed, pages };
  } finally {
    await deletePopulation({ client, path: { populationId: population.id } });
    log(`✓ cleaned up: users and population "${population.name}" deleted`);
  }
}

if (isMain(import.meta.url)) {
  const tenant = tenantFromEnvironment();
  if (!tenant) {
    throw new Error(
      'Set PINGONE_ENVIRONMENT_ID, PINGONE_CLIENT_ID and PINGONE_CLIENT_SECRET (see the comment at the top of examples/quickstart.ts)',
    );
  }
  await runQuickstart(tenant);
}
