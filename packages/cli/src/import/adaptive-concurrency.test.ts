import { describe, expect, it } from 'vitest';
import { AdaptiveConcurrency } from './adaptive-concurrency.js';

describe('AdaptiveConcurrency', () => {
  it('starts at the initial limit, bounded by the maximum', () => {
    expect(new AdaptiveConcurrency({ initial: 4, maximum: 16 }).limit).toBe(4);
    expect(new AdaptiveConcurrency({ initial: 40, maximum: 16 }).limit).toBe(16);
    expect(new AdaptiveConcurrency({ initial: 0 }).limit).toBe(1);
  });

  it('grows by one after as many good answers as the current limit', () => {
    const concurrency = new AdaptiveConcurrency({ initial: 2, maximum: 4 });
    concurrency.succeeded();
    expect(concurrency.limit).toBe(2);
    concurrency.succeeded();
    expect(concurrency.limit).toBe(3);
    for (let index = 0; index < 3; index++) concurrency.succeeded();
    expect(concurrency.limit).toBe(4);
    for (let index = 0; index < 20; index++) concurrency.succeeded();
    expect(concurrency.limit).toBe(4);
  });

  it('halves on a 429 once per cooldown, never below one', () => {
    let now = 0;
    const concurrency = new AdaptiveConcurrency({
      initial: 16,
      maximum: 16,
      cooldownMs: 1000,
      now: () => now,
    });
    concurrency.rateLimited(1);
    concurrency.rateLimited(1);
    concurrency.rateLimited(1);
    expect(concurrency.limit).toBe(8);
    now = 1000;
    concurrency.rateLimited(1);
    expect(concurrency.limit).toBe(4);
    for (const step of [2000, 3000, 4000, 5000]) {
      now = step;
      concurrency.rateLimited(1);
    }
    expect(concurrency.limit).toBe(1);
  });

  it('pauses new starts until Retry-After has passed', () => {
    let now = 10_000;
    const concurrency = new AdaptiveConcurrency({ now: () => now });
    expect(concurrency.pauseMs).toBe(0);
    concurrency.rateLimited(2);
    expect(concurrency.pauseMs).toBe(2000);
    now = 11_500;
    expect(concurrency.pauseMs).toBe(500);
    now = 12_000;
    expect(concurrency.pauseMs).toBe(0);
  });

  it('restarts the count of good answers after a 429', () => {
    let now = 0;
    const concurrency = new AdaptiveConcurrency({ initial: 4, maximum: 8, now: () => now });
    for (let index = 0; index < 3; index++) concurrency.succeeded();
    concurrency.rateLimited(undefined);
    expect(concurrency.limit).toBe(2);
    now = 5000;
    concurrency.succeeded();
    expect(concurrency.limit).toBe(2);
    concurrency.succeeded();
    expect(concurrency.limit).toBe(3);
  });
});
