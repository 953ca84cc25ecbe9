import { clientCredentials, type PingOneError, paginate } from '@pingone-sdk/core';
import {
  createManagementClient,
  createUser,
  deleteUser,
  getUser,
  listUsers,
  updateUser,
} from '@pingone-sdk/management';
import { startEmulatorProcess } from './emulator-process.js';

/**
 * `pnpm soak`: many calls at once against the emulator with 1-second tokens and its random faults on,
 * to show that nothing is lost, nothing is done twice, tokens roll over with one request each, and the
 * heap stays flat. Not a test: it prints its figures (the README quotes them).
 *
 * Each task creates a user (POST), reads it (GET), changes it (PATCH), lists a page (GET) and deletes it
 * (DELETE): five calls. Tune with SOAK_CALLS (default 20000), SOAK_CONCURRENCY (50), SOAK_SEED (7).
 */

const calls = Number(process.env.SOAK_CALLS ?? 20_000);
const concurrency = Number(process.env.SOAK_CONCURRENCY ?? 50);
const seed = Number(process.env.SOAK_SEED ?? 7);
const callsPerTask = 5;

// Faults the SDK's policy answers by retrying (503, 429, a dropped GET) or by failing in a typed way
// (a 500 after a POST, a cut body): those failures are expected; any other is a defect.
const faults = {
  errorRate: 0.02,
  errorStatuses: [500, 502, 503, 504],
  dropRate: 0.005,
  malformedRate: 0.002,
  rateLimit: { requestsPerSecond: 400 },
  seed,
  target: 'all' as const,
};
const expectedFailures = new Set([
  'ServerError',
  'ConnectionError',
  'MalformedResponseError',
  'RateLimitError',
  'AuthenticationError 200',
]);
const isExpected = (key: string) => expectedFailures.has(key);

const heapUsed = () => {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
};
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const emulator = await startEmulatorProcess({ tokenLifetimeSeconds: 1, faults });
try {
  const tokenUrl = `${emulator.authUrl}/${emulator.environmentId}/as/token`;
  const tokenAttempts = { sent: 0, issued: 0 };
  const api = { attempts: 0, unauthorized: 0 };
  const tokensUsed = new Set<string>();
  const countingFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const isToken = request.url === tokenUrl;
    if (isToken) tokenAttempts.sent++;
    else {
      api.attempts++;
      const authorization = request.headers.get('authorization');
      if (authorization) tokensUsed.add(authorization);
    }
    const response = await fetch(request);
    if (isToken && response.ok) tokenAttempts.issued++;
    if (!isToken && response.status === 401) api.unauthorized++;
    return response;
  };
  const client = createManagementClient({
    baseUrl: emulator.apiUrl,
    environmentId: emulator.environmentId,
    fetch: countingFetch,
    token: clientCredentials({
      environmentId: emulator.environmentId,
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      authUrl: emulator.authUrl,
      fetch: countingFetch,
    }),
  });

  const failures = new Map<string, number>();
  const unexpected: string[] = [];
  let done = 0;
  let succeeded = 0;
  const attempt = async (call: () => Promise<unknown>): Promise<boolean> => {
    done++;
    try {
      await call();
      succeeded++;
      return true;
    } catch (error) {
      const { name, message } = error as Error;
      const status = (error as PingOneError).status;
      // clientCredentials reports a cut token answer (malformedRate on the auth host) as AuthenticationError 200.
      const key = name === 'AuthenticationError' ? `${name} ${status}` : name;
      failures.set(key, (failures.get(key) ?? 0) + 1);
      if (!isExpected(key) && unexpected.length < 10) unexpected.push(`${key}: ${message}`);
      return false;
    }
  };

  const runTask = async (index: number) => {
    const username = `soak-${index}`;
    let userId: string | undefined;
    await attempt(async () => {
      const { data } = await createUser({
        client,
        body: {
          username,
          email: `${username}@example.com`,
          population: { id: emulator.defaultPopulationId },
        },
      });
      userId = data.id;
    });
    // Without the user's id the task still makes its five calls, on the listing.
    const path = userId ? { userId } : undefined;
    await attempt(() => (path ? getUser({ client, path }) : listUsers({ client, query: { limit: 1 } })));
    await attempt(() =>
      path
        ? updateUser({ client, path, body: { nickname: 'soaked' } })
        : listUsers({ client, query: { limit: 1 } }),
    );
    await attempt(() => listUsers({ client, query: { limit: 5, filter: `username eq "${username}"` } }));
    await attempt(() => (path ? deleteUser({ client, path }) : listUsers({ client, query: { limit: 1 } })));
  };

  // Warm up (JIT, connection pool, first token) before the heap baseline.
  await runTask(-1);
  const heapBefore = heapUsed();
  const started = performance.now();
  let next = 0;
  const tasks = Math.ceil(calls / callsPerTask);
  let peakHeap = heapBefore;
  // Settled heap at each quarter of the run: growth that continues quarter after quarter is a leak.
  const heapAtQuarter: number[] = [];
  const quarters = new Set([1, 2, 3].map((quarter) => Math.floor((tasks * quarter) / 4)));
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 250);
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tasks) {
        if (quarters.has(next)) heapAtQuarter.push(heapUsed());
        await runTask(next++);
      }
    }),
  );
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  const heapAfter = heapUsed();

  // Duplicates: users of this run that exist more than once (a create that landed twice).
  const seen = new Map<string, number>();
  for await (const user of paginate(listUsers, {
    client,
    query: { filter: 'username sw "soak-"', limit: 1000 },
  })) {
    seen.set(user.username ?? '', (seen.get(user.username ?? '') ?? 0) + 1);
  }
  const duplicates = [...seen.values()].reduce((sum, count) => sum + (count - 1), 0);
  const duplicateRefusals = failures.get('BadRequestError') ?? 0;

  const failed = done - succeeded;
  const unexpectedCount = [...failures]
    .filter(([key]) => !isExpected(key))
    .reduce((sum, [, n]) => sum + n, 0);
  const rows: Array<[string, string]> = [
    [
      'calls',
      `${done} in ${seconds.toFixed(1)} s (${Math.round(done / seconds)}/s) at concurrency ${concurrency}`,
    ],
    ['succeeded', `${succeeded}`],
    ['failed (expected: injected faults the policy does not retry)', `${failed - unexpectedCount}`],
    ['failed unexpectedly', `${unexpectedCount}`],
    ['failures by class', [...failures].map(([name, count]) => `${name} ${count}`).join(', ') || 'none'],
    ['HTTP attempts to the API (retries included)', `${api.attempts}`],
    ['401 answers (a token used past its life)', `${api.unauthorized}`],
    [
      'token requests sent / answered with a token / distinct tokens used (rollovers)',
      `${tokenAttempts.sent} / ${tokenAttempts.issued} / ${tokensUsed.size}`,
    ],
    ['token requests per rollover', (tokenAttempts.sent / Math.max(1, tokensUsed.size)).toFixed(2)],
    ['users created twice', `${duplicates} (refused duplicate creates: ${duplicateRefusals})`],
    [
      'heap before / at each quarter / after (settled, after gc)',
      `${[heapBefore, ...heapAtQuarter, heapAfter].map(megabytes).join(' / ')} (peak ${megabytes(peakHeap)})`,
    ],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`pingone-sdk soak · node ${process.version} · faults ${JSON.stringify(faults)}\n`);
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
  if (unexpected.length) console.log(`\nfirst unexpected failures:\n  ${unexpected.join('\n  ')}`);
  if (!globalThis.gc) console.log('\n(heap figures unsettled: run node with --expose-gc)');
  process.exitCode = unexpectedCount === 0 && duplicates === 0 ? 0 : 1;
} finally {
  emulator.stop();
}
