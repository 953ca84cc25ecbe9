/**
 * Waits `milliseconds`, or rejects with the signal's reason as soon as it aborts. The core waits between
 * retries with it; it serves any polling loop that must stop when its caller gives up.
 *
 * @example
 * await sleep(5_000, AbortSignal.timeout(60_000));
 */
export function sleep(milliseconds: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
