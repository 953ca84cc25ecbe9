import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LoopbackServer, sendJson, startLoopbackServer } from '../test/loopback-server.js';
import { createClient } from './client.js';
import type { Logger } from './logger.js';

let server: LoopbackServer;
let baseUrl: string;
let lines: string[];
const logger: Logger = { debug: (line) => lines.push(line) };

beforeAll(async () => {
  server = await startLoopbackServer();
  baseUrl = `${server.origin}/v1`;
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  lines = [];
});

describe('logger', () => {
  it('logs the request and its answer with status and timing', async () => {
    server.handle((_request, response) => sendJson(response, 200, { id: 'u1' }));
    const client = createClient({ baseUrl, environmentId: 'env-1', logger });
    await client.get({
      url: '/environments/{environmentId}/users/{userId}',
      path: { userId: 'u1' },
      query: { a: 1 },
    });
    const url = `${baseUrl}/environments/env-1/users/u1?a=1`;
    expect(lines).toEqual([
      `→ GET ${url}`,
      expect.stringMatching(new RegExp(`^← 200 GET ${escapeRegExp(url)} \\(\\d+ ms\\)$`)),
    ]);
  });

  it('logs retries and the final status of a failed call', async () => {
    let count = 0;
    server.handle((_request, response) => sendJson(response, ++count === 1 ? 503 : 404, { message: 'x' }));
    const client = createClient({ baseUrl, logger, retry: { delay: () => 1 } });
    await expect(client.get({ url: '/x' })).rejects.toMatchObject({ status: 404 });
    expect(lines).toEqual([
      `→ GET ${baseUrl}/x`,
      `retry 1 of GET ${baseUrl}/x after status 503`,
      expect.stringMatching(/^← 404 GET .*\/v1\/x \(\d+ ms\)$/),
    ]);
  });

  it('logs the replay after a 401', async () => {
    let current = 'old';
    server.handle((request, response) =>
      request.headers.authorization === 'Bearer new'
        ? sendJson(response, 200, {})
        : sendJson(response, 401, {}),
    );
    const client = createClient({
      baseUrl,
      logger,
      token: {
        getToken: async () => current,
        invalidate: () => {
          current = 'new';
        },
      },
    });
    await client.get({ url: '/x' });
    expect(lines).toContain(`replaying GET ${baseUrl}/x once with a new token after 401`);
    expect(lines.at(-1)).toMatch(/^← 200 GET/);
  });

  it('writes nothing without a logger', async () => {
    server.handle((_request, response) => sendJson(response, 200, {}));
    await createClient({ baseUrl }).get({ url: '/x' });
    expect(lines).toEqual([]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
