import { describe, expect, it } from 'vitest';
import { sleep } from './sleep.js';

describe('sleep', () => {
  it('resolves after the given time', async () => {
    const startedAt = performance.now();
    await sleep(40);
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(35);
  });

  it('rejects with the reason as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort(new Error('gave up'));
    await expect(waiting).rejects.toThrow('gave up');
  });

  it('rejects at once for a signal that has already aborted', async () => {
    await expect(sleep(60_000, AbortSignal.abort(new Error('early')))).rejects.toThrow('early');
  });
});
