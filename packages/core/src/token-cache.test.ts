import { describe, expect, it, vi } from 'vitest';
import { createTokenCache, type IssuedToken } from './token-cache.js';

/** A token endpoint under the test's control: each call returns a promise the test settles. */
function controllableFetcher() {
  const pending: Array<{ resolve: (token: IssuedToken) => void; reject: (error: unknown) => void }> = [];
  const fetchToken = vi.fn(
    () =>
      new Promise<IssuedToken>((resolve, reject) => {
        pending.push({ resolve, reject });
      }),
  );
  return {
    fetchToken,
    issue(accessToken: string, expiresIn = 3600) {
      pending.shift()?.resolve({ accessToken, expiresIn });
    },
    fail(error: unknown) {
      pending.shift()?.reject(error);
    },
  };
}

function fakeClock(start = 1_000_000) {
  let time = start;
  return {
    now: () => time,
    advance(seconds: number) {
      time += seconds * 1000;
    },
  };
}

describe('createTokenCache', () => {
  it('reuses a token until expires_in minus the refresh window (default 60 s), then refreshes', async () => {
    const clock = fakeClock();
    let count = 0;
    const fetchToken = vi.fn(async () => ({ accessToken: `t${++count}`, expiresIn: 3600 }));
    const cache = createTokenCache(fetchToken, { now: clock.now });

    expect(await cache.getToken()).toBe('t1');
    clock.advance(3539);
    expect(await cache.getToken()).toBe('t1');
    expect(fetchToken).toHaveBeenCalledTimes(1);
    clock.advance(1); // 3540 s = 3600 − 60: stale
    expect(await cache.getToken()).toBe('t2');
    expect(fetchToken).toHaveBeenCalledTimes(2);
    clock.advance(3539);
    expect(await cache.getToken()).toBe('t2');
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('takes a configurable refresh window', async () => {
    const clock = fakeClock();
    let count = 0;
    const fetchToken = vi.fn(async () => ({ accessToken: `t${++count}`, expiresIn: 3600 }));
    const cache = createTokenCache(fetchToken, { now: clock.now, refreshWindowSeconds: 300 });
    await cache.getToken();
    clock.advance(3299);
    expect(await cache.getToken()).toBe('t1');
    clock.advance(1);
    expect(await cache.getToken()).toBe('t2');
  });

  it('keeps a token shorter-lived than the window for half its lifetime', async () => {
    const clock = fakeClock();
    let count = 0;
    const fetchToken = vi.fn(async () => ({ accessToken: `t${++count}`, expiresIn: 30 }));
    const cache = createTokenCache(fetchToken, { now: clock.now });
    await cache.getToken();
    clock.advance(14);
    expect(await cache.getToken()).toBe('t1');
    clock.advance(1);
    expect(await cache.getToken()).toBe('t2');
  });

  it('shares one in-flight request among 1,000 concurrent callers', async () => {
    const endpoint = controllableFetcher();
    const cache = createTokenCache(endpoint.fetchToken);
    const waiters = Array.from({ length: 1000 }, () => cache.getToken());
    expect(endpoint.fetchToken).toHaveBeenCalledTimes(1);
    endpoint.issue('shared');
    expect(new Set(await Promise.all(waiters))).toEqual(new Set(['shared']));
    expect(endpoint.fetchToken).toHaveBeenCalledTimes(1);
  });

  it('shares the refresh of a stale token too', async () => {
    const clock = fakeClock();
    const endpoint = controllableFetcher();
    const cache = createTokenCache(endpoint.fetchToken, { now: clock.now });
    const first = cache.getToken();
    endpoint.issue('old');
    await first;
    clock.advance(3600);
    const waiters = Array.from({ length: 50 }, () => cache.getToken());
    endpoint.issue('new');
    expect(new Set(await Promise.all(waiters))).toEqual(new Set(['new']));
    expect(endpoint.fetchToken).toHaveBeenCalledTimes(2);
  });

  it('rejects every waiter of a failed request and caches nothing', async () => {
    const endpoint = controllableFetcher();
    const cache = createTokenCache(endpoint.fetchToken);
    const failure = new Error('invalid_client');
    const waiters = Array.from({ length: 10 }, () => cache.getToken());
    endpoint.fail(failure);
    const results = await Promise.allSettled(waiters);
    expect(results.every((result) => result.status === 'rejected' && result.reason === failure)).toBe(true);

    const next = cache.getToken();
    expect(endpoint.fetchToken).toHaveBeenCalledTimes(2);
    endpoint.issue('recovered');
    expect(await next).toBe('recovered');
  });

  it("lets one caller's abort end only that caller's wait", async () => {
    const endpoint = controllableFetcher();
    const cache = createTokenCache(endpoint.fetchToken);
    const controller = new AbortController();
    const impatient = cache.getToken({ signal: controller.signal });
    const patient = cache.getToken();
    controller.abort(new Error('gave up'));
    await expect(impatient).rejects.toThrow('gave up');
    endpoint.issue('for-the-patient');
    expect(await patient).toBe('for-the-patient');
    expect(await cache.getToken({ signal: new AbortController().signal })).toBe('for-the-patient');
    expect(endpoint.fetchToken).toHaveBeenCalledTimes(1);
  });

  it('rejects at once for an already aborted signal', async () => {
    const endpoint = controllableFetcher();
    const cache = createTokenCache(endpoint.fetchToken);
    await expect(cache.getToken({ signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('invalidate(token) forgets the cached token, so the next call fetches a new one', async () => {
    let count = 0;
    const fetchToken = vi.fn(async () => ({ accessToken: `t${++count}`, expiresIn: 3600 }));
    const cache = createTokenCache(fetchToken);
    expect(await cache.getToken()).toBe('t1');
    cache.invalidate('t1');
    expect(await cache.getToken()).toBe('t2');
  });

  it('ignores a late invalidate for a token already replaced', async () => {
    let count = 0;
    const fetchToken = vi.fn(async () => ({ accessToken: `t${++count}`, expiresIn: 3600 }));
    const cache = createTokenCache(fetchToken);
    await cache.getToken();
    cache.invalidate('t1');
    expect(await cache.getToken()).toBe('t2');
    cache.invalidate('t1'); // a 401 that arrives late for the old token
    expect(await cache.getToken()).toBe('t2');
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });
});
