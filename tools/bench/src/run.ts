import { Octokit } from '@octokit/core';
import okta from '@okta/okta-sdk-nodejs';
import { paginate, version } from '@pingone-sdk/core';
import { createManagementClient, getUser, listUsers } from '@pingone-sdk/management';
import { ManagementClient } from 'auth0';
import ky, { HTTPError } from 'ky';
import { canMeasureHeap, median, peakHeapGrowth, table, timeOnce, timeSequential } from './measure.js';
import { environmentId, pageSize, startServerProcess, totalUsers, userId } from './server.js';

/**
 * `pnpm bench`: what the SDK costs over a raw `fetch` on loopback, where the network costs least and the
 * SDK's own work shows most.
 *
 * (a) One generated call (`getUser`) against a raw `fetch` with the same headers, bare ky with the options
 *     the SDK gives its ky instance, and the anchors reading a user with a static token: `@octokit/core`,
 *     `@okta/okta-sdk-nodejs` (its response cache off, so that every call is sent) and auth0's
 *     `ManagementClient` (its fetch pointed at the loopback server, since it only speaks https to its
 *     domain). Sequential requests, rounds interleaved so that a busy machine slows every variant alike;
 *     the median of the rounds' mean per-request time.
 * (b) `paginate(listUsers)` over 100,000 users in pages of 1,000 against a hand-written loop following
 *     `_links.next.href`: median time of the rounds, and the peak heap growth (settled, after gc) of a run.
 *
 * Tune with BENCH_REQUESTS (per round, default 2000), BENCH_ROUNDS (default 3), BENCH_PAGE_ROUNDS (default 3).
 */

/** `list` starting at index `start` (modulo its length): the variants take turns going first. */
function rotated<T>(list: T[], start: number): T[] {
  const at = start % list.length;
  return [...list.slice(at), ...list.slice(0, at)];
}

const requestsPerRound = Number(process.env.BENCH_REQUESTS ?? 2000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const pageRounds = Number(process.env.BENCH_PAGE_ROUNDS ?? 3);
const token = 'static';

const server = await startServerProcess();
const startedAt = performance.now();
try {
  const baseUrl = `${server.origin}/v1`;
  const userUrl = `${baseUrl}/environments/${environmentId}/users/${userId}`;
  const collectionUrl = `${baseUrl}/environments/${environmentId}/users?limit=${pageSize}`;
  const headers = {
    Authorization: `Bearer ${token}`,
    Accept: 'application/json',
    'User-Agent': `pingone-sdk/${version}`,
  };
  const client = createManagementClient({ baseUrl, environmentId, token });

  // Bare ky with the options the SDK's client gives its own ky instance (see core's retry-policy.ts).
  const refused = new Set([429, 503]);
  const bareKy = ky.create({
    headers,
    timeout: 30_000,
    retry: {
      limit: 2,
      methods: ['get', 'put', 'head', 'delete', 'options', 'post', 'patch'],
      statusCodes: [408, 429, 500, 502, 503, 504],
      afterStatusCodes: [429, 503],
      maxRetryAfter: 30_000,
      backoffLimit: 10_000,
      delay: (attempt) => 500 * 2 ** (attempt - 1),
      jitter: true,
      retryOnTimeout: false,
      shouldRetry: ({ error }) =>
        error instanceof HTTPError &&
        (error.request.method === 'POST' || error.request.method === 'PATCH') &&
        !refused.has(error.response.status)
          ? false
          : undefined,
    },
    throwHttpErrors: (status) => status >= 400,
    fetch: (input, init) => fetch(input, init),
  });
  const octokit = new Octokit({ auth: token, baseUrl: server.origin });
  const oktaClient = new okta.Client({
    orgUrl: server.origin,
    token,
    cacheMiddleware: null,
    testing: { disableHttpsCheck: true },
  } as ConstructorParameters<typeof okta.Client>[0]);
  const auth0Domain = 'https://pingone-bench.test';
  const auth0 = new ManagementClient({
    domain: 'pingone-bench.test',
    token,
    fetch: (input, init) => fetch(String(input).replace(auth0Domain, server.origin), init),
  });

  const callVariants: Array<[string, () => Promise<unknown>]> = [
    [
      'raw fetch',
      async () => {
        const response = await fetch(userUrl, { headers });
        if (!response.ok) throw new Error(`status ${response.status}`);
        return response.json();
      },
    ],
    ['bare ky (same options)', () => bareKy.get(userUrl).json()],
    ['SDK getUser()', async () => (await getUser({ client, path: { userId } })).data],
    [
      '@octokit/core request()',
      async () =>
        (
          await octokit.request('GET /v1/environments/{environmentId}/users/{userId}', {
            environmentId,
            userId,
          })
        ).data,
    ],
    ['@okta/okta-sdk-nodejs getUser()', () => oktaClient.userApi.getUser({ userId })],
    ['auth0 ManagementClient users.get()', () => auth0.users.get(userId)],
  ];

  console.log(
    `pingone-sdk bench · node ${process.version} · ${rounds} rounds × ${requestsPerRound} sequential requests per variant\n`,
  );
  for (const [, call] of callVariants) await timeSequential(Math.min(500, requestsPerRound), call);

  // Within a round the variants take turns in blocks, so that a burst of load elsewhere on the machine
  // hits them alike; each round's figure is its mean per request.
  const blocks = Math.max(1, Math.round(requestsPerRound / 250));
  const wallPerRequest = new Map<string, number[]>(callVariants.map(([name]) => [name, []]));
  const cpuPerRequest = new Map<string, number[]>(callVariants.map(([name]) => [name, []]));
  for (let round = 0; round < rounds; round += 1) {
    const spent = new Map<string, { wall: number; cpu: number }>(
      callVariants.map(([name]) => [name, { wall: 0, cpu: 0 }]),
    );
    for (let block = 0; block < blocks; block += 1) {
      for (const [name, call] of rotated(callVariants, block)) {
        const { wall, cpu } = await timeSequential(Math.ceil(requestsPerRound / blocks), call);
        const total = spent.get(name);
        if (total) {
          total.wall += wall;
          total.cpu += cpu;
        }
      }
    }
    for (const [name, total] of spent) {
      const count = blocks * Math.ceil(requestsPerRound / blocks);
      wallPerRequest.get(name)?.push(total.wall / count);
      cpuPerRequest.get(name)?.push(total.cpu / count);
    }
  }
  const rawWall = median(wallPerRequest.get('raw fetch') ?? []);
  const rawCpu = median(cpuPerRequest.get('raw fetch') ?? []);
  const kyWall = median(wallPerRequest.get('bare ky (same options)') ?? []);
  const kyCpu = median(cpuPerRequest.get('bare ky (same options)') ?? []);
  console.log(
    '(a) one call: GET a user (wall: elapsed per request; CPU: this process only, the server runs apart)',
  );
  console.log(
    table([
      [
        'variant',
        'wall µs/request',
        'rounds (µs)',
        'vs raw fetch',
        'vs bare ky',
        'CPU µs/request',
        'vs raw fetch',
        'vs bare ky',
      ],
      ...callVariants.map(([name]) => {
        const wall = wallPerRequest.get(name) ?? [];
        const cpu = cpuPerRequest.get(name) ?? [];
        return [
          name,
          median(wall).toFixed(0),
          wall.map((sample) => sample.toFixed(0)).join(' / '),
          `${(median(wall) / rawWall).toFixed(2)}×`,
          `${(median(wall) / kyWall).toFixed(2)}×`,
          median(cpu).toFixed(0),
          `${(median(cpu) / rawCpu).toFixed(2)}×`,
          `${(median(cpu) / kyCpu).toFixed(2)}×`,
        ];
      }),
    ]),
  );
  const callRatio = median(wallPerRequest.get('SDK getUser()') ?? []) / kyWall;
  const callCpuRatio = median(cpuPerRequest.get('SDK getUser()') ?? []) / kyCpu;

  // (b) pagination
  const handWritten = async (sample?: () => void) => {
    let count = 0;
    let pages = 0;
    let next: string | undefined = collectionUrl;
    while (next) {
      const response = await fetch(next, { headers });
      if (!response.ok) throw new Error(`status ${response.status}`);
      const page = (await response.json()) as {
        _links?: { next?: { href?: string } };
        _embedded: { users: unknown[] };
      };
      for (const _user of page._embedded.users) count += 1;
      next = page._links?.next?.href;
      if (++pages % 10 === 0) sample?.();
    }
    return count;
  };
  const withPaginate = async (sample?: () => void) => {
    let count = 0;
    let lastUsername = '';
    for await (const user of paginate(listUsers, { client, query: { limit: pageSize } })) {
      // Typed from the generated operation: `user` is a User, `username` a string.
      lastUsername = user.username;
      if (++count % (pageSize * 10) === 0) sample?.();
    }
    if (lastUsername !== `user${totalUsers - 1}`) throw new Error(`unexpected last user ${lastUsername}`);
    return count;
  };
  const pageVariants: Array<[string, (sample?: () => void) => Promise<number>]> = [
    ['hand-written fetch loop', handWritten],
    ['SDK paginate(listUsers)', withPaginate],
  ];
  for (const [name, run] of pageVariants) {
    const count = await run();
    if (count !== totalUsers) throw new Error(`${name} saw ${count} users, not ${totalUsers}`);
  }
  const durations = new Map<string, number[]>(pageVariants.map(([name]) => [name, []]));
  const cpuDurations = new Map<string, number[]>(pageVariants.map(([name]) => [name, []]));
  for (let round = 0; round < pageRounds; round += 1) {
    for (const [name, run] of rotated(pageVariants, round)) {
      const { wall, cpu } = await timeOnce(() => run());
      durations.get(name)?.push(wall);
      cpuDurations.get(name)?.push(cpu);
    }
  }
  const growth = new Map<string, number>();
  for (const [name, run] of pageVariants) growth.set(name, await peakHeapGrowth((sample) => run(sample)));
  const rawPages = median(durations.get('hand-written fetch loop') ?? []);
  const rawPagesCpu = median(cpuDurations.get('hand-written fetch loop') ?? []);
  const megabytes = (bytes: number) => (canMeasureHeap ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : 'n/a');
  console.log(`\n(b) ${totalUsers.toLocaleString('en')} users in pages of ${pageSize.toLocaleString('en')}`);
  console.log(
    table([
      ['variant', 'wall ms', 'rounds (ms)', 'vs hand loop', 'CPU ms', 'vs hand loop', 'peak heap growth'],
      ...pageVariants.map(([name]) => {
        const samples = durations.get(name) ?? [];
        const cpu = cpuDurations.get(name) ?? [];
        return [
          name,
          median(samples).toFixed(0),
          samples.map((sample) => sample.toFixed(0)).join(' / '),
          `${(median(samples) / rawPages).toFixed(2)}×`,
          median(cpu).toFixed(0),
          `${(median(cpu) / rawPagesCpu).toFixed(2)}×`,
          megabytes(growth.get(name) ?? 0),
        ];
      }),
    ]),
  );
  const pageRatio = median(durations.get('SDK paginate(listUsers)') ?? []) / rawPages;

  console.log(
    `\nratios: generated call ${callRatio.toFixed(2)}× bare ky (CPU ${callCpuRatio.toFixed(2)}×; goal ≤ 1.05×) · paginate ${pageRatio.toFixed(2)}× hand loop (goal ≤ 1.05×)`,
  );
  if (!canMeasureHeap)
    console.log('heap growth not measured: run node with --expose-gc (the bench script does)');
  console.log(`done in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
} finally {
  server.stop();
}
