import { getEventListeners } from 'node:events';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type LoopbackServer,
  realDelay,
  sendJson,
  startLoopbackServer,
  waitUntil,
} from '../test/loopback-server.js';
import { createClient } from './client.js';
import type { HttpMethod } from './client-types.js';
import { ConnectionError, RateLimitError, ServerError } from './errors.js';
import type { RetryOptions } from './retry-policy.js';

let server: LoopbackServer;
let baseUrl: string;

beforeAll(async () => {
  server = await startLoopbackServer();
  baseUrl = `${server.origin}/v1`;
  // Node's fetch (undici) starts a process-wide housekeeping timer on its first request. Make that request
  // on the real clock, so that the fake timers some tests install never capture that timer.
  await (await fetch(server.origin)).text();
});
afterAll(() => server.close());
beforeEach(() => server.reset());
afterEach(() => {
  // In this order: the setTimeout spy wraps the fake one, so it must go before the fake timers do.
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** Near-instant backoff, so that tests about *whether* a call is retried run fast. */
const fast: RetryOptions = { delay: () => 1 };

/** Answers the listed statuses in turn (then 200), with optional headers per answer. */
function answers(...steps: Array<number | 'drop' | [number, Record<string, string>]>): void {
  let index = 0;
  server.handle((_request, response, raw) => {
    const step = steps[index++] ?? 200;
    if (step === 'drop') return raw.socket.destroy();
    const [status, headers] = Array.isArray(step) ? step : [step, {}];
    sendJson(
      response,
      status,
      status === 200 ? { ok: true } : { code: 'X', message: `status ${status}` },
      headers,
    );
  });
}

async function outcome(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'ok',
    (error: unknown) => error,
  );
}

describe('what is retried', () => {
  it.each([408, 429, 500, 502, 503, 504])('retries GET on %i', async (status) => {
    answers(status);
    const client = createClient({ baseUrl, retry: fast });
    await expect(client.get({ url: '/x' })).resolves.toMatchObject({ data: { ok: true } });
    expect(server.requests).toHaveLength(2);
  });

  it.each([400, 401, 403, 404, 409, 413, 501])('does not retry GET on %i', async (status) => {
    answers(status);
    const client = createClient({ baseUrl, retry: fast });
    await expect(client.get({ url: '/x' })).rejects.toMatchObject({ status });
    expect(server.requests).toHaveLength(1);
  });

  it.each(['PUT', 'DELETE', 'HEAD', 'OPTIONS'] as const)(
    'retries the idempotent %s on 500',
    async (method) => {
      answers(500);
      const client = createClient({ baseUrl, retry: fast });
      await client.request({ method, url: '/x' });
      expect(server.requests).toHaveLength(2);
    },
  );

  it('retries GET when the connection drops', async () => {
    answers('drop');
    const client = createClient({ baseUrl, retry: fast });
    await expect(client.get({ url: '/x' })).resolves.toMatchObject({ data: { ok: true } });
    expect(server.requests).toHaveLength(2);
  });

  describe.each(['POST', 'PATCH'] as const)('%s (not idempotent)', (method: HttpMethod) => {
    it.each([429, 503])('is retried on %i: the request was refused unprocessed', async (status) => {
      answers(status);
      const client = createClient({ baseUrl, retry: fast });
      await client.request({ method, url: '/x', body: { a: 1 } });
      expect(server.requests).toHaveLength(2);
      expect(server.requests.map((request) => request.body)).toEqual(['{"a":1}', '{"a":1}']);
    });

    it.each([408, 500, 502, 504])('is sent exactly once when answered %i', async (status) => {
      answers(status, status, status);
      const client = createClient({ baseUrl, retry: fast });
      await expect(client.request({ method, url: '/x', body: { a: 1 } })).rejects.toMatchObject({ status });
      expect(server.requests).toHaveLength(1);
    });

    it('is sent exactly once when the connection drops', async () => {
      answers('drop', 'drop', 'drop');
      const client = createClient({ baseUrl, retry: fast });
      await expect(client.request({ method, url: '/x', body: { a: 1 } })).rejects.toBeInstanceOf(
        ConnectionError,
      );
      expect(server.requests).toHaveLength(1);
    });
  });
});

describe('checking the options', () => {
  it.each([
    [{ limit: -1 }, 'retry.limit'],
    [{ limit: 1.5 }, 'retry.limit'],
    [{ maxRetryAfter: -1 }, 'retry.maxRetryAfter'],
    [{ backoffLimit: Number.NaN }, 'retry.backoffLimit'],
    [{ delay: 500 as unknown as () => number }, 'retry.delay'],
  ])('refuses %j, naming %s, before sending', async (retry, parameter) => {
    answers(200);
    expect(() => createClient({ baseUrl, retry })).toThrow(expect.objectContaining({ parameter }));
    const client = createClient({ baseUrl });
    await expect(client.get({ url: '/x', retry })).rejects.toMatchObject({ parameter });
    expect(server.requests).toHaveLength(0);
  });
});

describe('how many times', () => {
  it('retries twice by default (three attempts), then throws the last answer', async () => {
    answers(503, 502, 500, 200);
    const client = createClient({ baseUrl, retry: fast });
    const error = await outcome(client.get({ url: '/x' }));
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 500 });
    expect(server.requests).toHaveLength(3);
  });

  it('retries a dropped connection twice by default, then throws ConnectionError', async () => {
    answers('drop', 'drop', 'drop', 200);
    const client = createClient({ baseUrl, retry: fast });
    await expect(client.get({ url: '/x' })).rejects.toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(3);
  });

  it('sends a single attempt with retry: false on the client', async () => {
    answers(503, 200);
    const client = createClient({ baseUrl, retry: false });
    await expect(client.get({ url: '/x' })).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
  });

  it('sends a single attempt with retry: false on the call', async () => {
    answers(503, 200);
    const client = createClient({ baseUrl, retry: fast });
    await expect(client.get({ url: '/x', retry: false })).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
  });

  it('takes retry: { limit } from the client', async () => {
    answers(503, 503, 503, 503, 200);
    const client = createClient({ baseUrl, retry: { ...fast, limit: 4 } });
    await expect(client.get({ url: '/x' })).resolves.toMatchObject({ data: { ok: true } });
    expect(server.requests).toHaveLength(5);
  });

  it('lets a call override the client limit', async () => {
    answers(503, 503, 200);
    const client = createClient({ baseUrl, retry: { ...fast, limit: 5 } });
    await expect(client.get({ url: '/x', retry: { ...fast, limit: 1 } })).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(2);
    server.reset();
    answers(503, 503, 200);
    const noRetries = createClient({ baseUrl, retry: false });
    await expect(noRetries.get({ url: '/x', retry: { ...fast, limit: 2 } })).resolves.toMatchObject({
      data: { ok: true },
    });
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry an attempt that timed out: the server may still be working on it', async () => {
    server.handle(() => {
      // never answers
    });
    const client = createClient({ baseUrl, timeout: 100, retry: fast });
    await expect(client.get({ url: '/x' })).rejects.toMatchObject({ name: 'TimeoutError', timeout: 100 });
    expect(server.requests).toHaveLength(1);
  });

  it('returns the RateLimitError with retryAfter when the retries run out', async () => {
    answers([429, { 'retry-after': '0' }], [429, { 'retry-after': '0' }], [429, { 'retry-after': '3' }]);
    const client = createClient({ baseUrl });
    const error = await outcome(client.get({ url: '/x' }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfter: 3 });
    expect(server.requests).toHaveLength(3);
  });
});

/**
 * Fake clock for waits: records the wait the client takes between attempts, so that a test can advance the
 * fake clock exactly that far (HTTP itself stays real).
 */
function fakeClock(now = Date.parse('2025-01-01T00:00:00Z')): number[] {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now });
  const backoffWaits: number[] = [];
  const fakeSetTimeout = globalThis.setTimeout;
  vi.spyOn(globalThis, 'setTimeout').mockImplementation(((
    handler: (...args: unknown[]) => void,
    milliseconds?: number,
    ...args: unknown[]
  ) => {
    if (new Error().stack?.includes('/ky/distribution/utils/delay.')) backoffWaits.push(milliseconds ?? 0);
    return fakeSetTimeout(handler, milliseconds, ...args);
  }) as typeof setTimeout);
  return backoffWaits;
}

/** Advances the fake clock to just before and then just after `wait`, checking the retry goes out only then. */
async function expectRetryAfter(wait: number, attempts: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(wait - 1);
  await realDelay(30);
  expect(server.requests).toHaveLength(attempts - 1);
  await vi.advanceTimersByTimeAsync(1);
  await waitUntil(() => server.requests.length === attempts, 2_000, `attempt ${attempts}`);
}

describe('how long it waits', () => {
  it('honours Retry-After in seconds', async () => {
    const waits = fakeClock();
    answers([429, { 'retry-after': '2' }]);
    const client = createClient({ baseUrl });
    const call = client.get({ url: '/x' });
    await waitUntil(() => waits.length === 1, 2_000, 'the backoff wait');
    expect(waits).toEqual([2_000]);
    await expectRetryAfter(2_000, 2);
    await expect(call).resolves.toMatchObject({ data: { ok: true } });
  });

  it('honours Retry-After as an HTTP date, for a POST refused with 503', async () => {
    const waits = fakeClock();
    answers([503, { 'retry-after': new Date(Date.now() + 3_000).toUTCString() }]);
    const client = createClient({ baseUrl });
    const call = client.post({ url: '/x', body: {} });
    await waitUntil(() => waits.length === 1, 2_000, 'the backoff wait');
    expect(waits).toEqual([3_000]);
    await expectRetryAfter(3_000, 2);
    await expect(call).resolves.toMatchObject({ data: { ok: true } });
  });

  it('caps Retry-After at maxRetryAfter (default 60 s)', async () => {
    const waits = fakeClock();
    answers([429, { 'retry-after': '3600' }]);
    const client = createClient({ baseUrl, retry: { maxRetryAfter: 5_000 } });
    const capped = client.get({ url: '/x' });
    await waitUntil(() => waits.length === 1, 2_000, 'the backoff wait');
    expect(waits).toEqual([5_000]);
    await expectRetryAfter(5_000, 2);
    await capped;

    server.reset();
    waits.length = 0;
    answers([429, { 'retry-after': '3600' }]);
    const byDefault = createClient({ baseUrl, timeout: 120_000 }).get({ url: '/x' });
    await waitUntil(() => waits.length === 1, 2_000, 'the backoff wait');
    expect(waits).toEqual([60_000]);
    await expectRetryAfter(60_000, 2);
    await byDefault;
  });

  it('never waits on Retry-After longer than the per-attempt timeout', async () => {
    const waits = fakeClock();
    answers([503, { 'retry-after': '3600' }]);
    const call = createClient({ baseUrl, timeout: 4_000 }).get({ url: '/x' });
    await waitUntil(() => waits.length === 1, 2_000, 'the backoff wait');
    expect(waits).toEqual([4_000]);
    await expectRetryAfter(4_000, 2);
    await call;
  });

  it('backs off exponentially with full jitter, capped at backoffLimit', async () => {
    const waits = fakeClock();
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    answers(500, 500, 500, 500);
    const call = outcome(
      createClient({ baseUrl, retry: { limit: 3, backoffLimit: 800 } }).get({ url: '/x' }),
    );
    await waitUntil(() => waits.length === 1, 2_000, 'the first backoff wait');
    expect(waits).toEqual([250]); // 0.5 × 500 ms
    await expectRetryAfter(250, 2);
    await waitUntil(() => waits.length === 2, 2_000, 'the second backoff wait');
    expect(waits[1]).toBe(500); // 0.5 × 1000 ms
    await expectRetryAfter(500, 3);
    await waitUntil(() => waits.length === 3, 2_000, 'the third backoff wait');
    expect(waits[2]).toBe(800); // 0.5 × 2000 ms, capped at 800
    await expectRetryAfter(800, 4);
    expect(await call).toBeInstanceOf(ServerError);
  });

  it('spreads waits with jitter (no two clients in step)', async () => {
    const waits = fakeClock();
    const random = vi.spyOn(Math, 'random').mockReturnValueOnce(0.1).mockReturnValueOnce(0.9);
    answers(502, 200, 502, 200);
    const client = createClient({ baseUrl, retry: { limit: 1 } });
    const first = outcome(client.get({ url: '/a' }));
    await waitUntil(() => waits.length === 1, 2_000, 'the first backoff wait');
    await vi.advanceTimersByTimeAsync(500);
    await first;
    const second = outcome(client.get({ url: '/b' }));
    await waitUntil(() => waits.length === 2, 2_000, 'the second backoff wait');
    await vi.advanceTimersByTimeAsync(500);
    await second;
    expect(random).toHaveBeenCalled();
    expect(waits[0]).toBeCloseTo(50);
    expect(waits[1]).toBeCloseTo(450);
  });
});

describe('cancellation and timeouts', () => {
  it('stops the body download when the signal aborts after the headers arrived', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"users": [');
      // …and the rest never comes.
    });
    const client = createClient({ baseUrl });
    const controller = new AbortController();
    const call = outcome(client.get({ url: '/x', signal: controller.signal }));
    await waitUntil(() => server.requests.length === 1);
    await realDelay(50);
    controller.abort(new Error('caller gave up'));
    expect(await call).toMatchObject({ message: 'caller gave up' });
  });

  it('leaves nothing attached to a long-lived signal once a call ends, however it ends', async () => {
    // A signal shared by every call of a process (a shutdown signal, say) must not collect a listener or a
    // dependent signal per call: runtimes keep those alive as long as the signal itself.
    const shutdown = new AbortController();
    const any = vi.spyOn(AbortSignal, 'any');
    answers(200, 404, 503, 'drop', 'drop', 'drop');
    const client = createClient({ baseUrl, retry: fast });
    await client.get({ url: '/ok', signal: shutdown.signal });
    await outcome(client.get({ url: '/missing', signal: shutdown.signal }));
    await outcome(client.get({ url: '/retried', signal: shutdown.signal }));
    await outcome(client.get({ url: '/dropped', signal: shutdown.signal }));
    expect(server.requests.length).toBeGreaterThanOrEqual(5);
    expect(getEventListeners(shutdown.signal, 'abort')).toHaveLength(0);
    expect(any.mock.calls.some(([signals]) => [...signals].includes(shutdown.signal))).toBe(false);
  });

  it('ends the call promptly when its signal aborts during a backoff wait', async () => {
    answers([503, { 'retry-after': '30' }]);
    const client = createClient({ baseUrl });
    const controller = new AbortController();
    const call = outcome(client.get({ url: '/x', signal: controller.signal }));
    await waitUntil(() => server.requests.length === 1);
    await realDelay(20);
    const abortedAt = performance.now();
    controller.abort(new Error('caller gave up'));
    const error = await call;
    expect(performance.now() - abortedAt).toBeLessThan(500);
    expect(error).toMatchObject({ message: 'caller gave up' });
    expect(server.requests).toHaveLength(1);
  });

  it('ends the call promptly when its signal aborts during an attempt', async () => {
    server.handle(() => {
      // never answers
    });
    const client = createClient({ baseUrl });
    const controller = new AbortController();
    const call = outcome(client.get({ url: '/x', signal: controller.signal }));
    await waitUntil(() => server.requests.length === 1);
    controller.abort();
    const error = await call;
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(server.requests).toHaveLength(1);
  });

  it('does not send anything for an already aborted signal', async () => {
    answers(200);
    const client = createClient({ baseUrl, token: 'static' });
    await expect(client.get({ url: '/x', signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(server.requests).toHaveLength(0);
  });

  it('applies the timeout to each attempt, not to the whole call', async () => {
    let count = 0;
    server.handle((_request, response) => {
      count += 1;
      const status = count === 1 ? 503 : 200;
      setTimeout(() => sendJson(response, status, { ok: status === 200 }), 400);
    });
    const client = createClient({ baseUrl, timeout: 700, retry: fast });
    const startedAt = performance.now();
    await expect(client.get({ url: '/x' })).resolves.toMatchObject({ data: { ok: true } });
    // Two attempts of ~400 ms: each within the 700 ms limit, together beyond it.
    expect(performance.now() - startedAt).toBeGreaterThan(700);
    expect(server.requests).toHaveLength(2);
  });
});

describe('streamed bodies', () => {
  it('sends a stream once and does not retry it, since its bytes are gone', async () => {
    answers(503, 200);
    const client = createClient({ baseUrl, retry: fast });
    const body = new Blob(['streamed']).stream();
    await expect(
      client.put({ url: '/x', body, headers: { 'content-type': 'text/plain' } }),
    ).rejects.toBeInstanceOf(ServerError);
    expect(server.requests.map((request) => request.body)).toEqual(['streamed']);
  });
});

describe('logging retries', () => {
  it('logs each retry with its reason', async () => {
    answers(503, 'drop');
    const lines: string[] = [];
    const client = createClient({ baseUrl, retry: fast, logger: { debug: (line) => lines.push(line) } });
    await client.get({ url: '/x' });
    expect(lines.filter((line) => line.startsWith('retry'))).toEqual([
      `retry 1 of GET ${baseUrl}/x after status 503`,
      `retry 2 of GET ${baseUrl}/x after a connection failure`,
    ]);
  });
});
