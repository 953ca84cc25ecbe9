/** Lets one caller stop waiting for a shared promise without cancelling it for the others. */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    const settle =
      <V>(finish: (value: V) => void) =>
      (value: V) => {
        signal.removeEventListener('abort', onAbort);
        finish(value);
      };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    // Handled either way: an abandoned shared request must not become an unhandled rejection here.
    promise.then(settle(resolve), settle(reject));
  });
}
