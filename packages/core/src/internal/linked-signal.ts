/** A signal that follows another until disposed. */
export interface LinkedSignal {
  signal: AbortSignal | undefined;
  dispose(): void;
}

const nothingToDispose = () => {};

/**
 * A per-call signal that aborts when `parent` does, detached again by `dispose()`. Attempts hang their
 * signals off it rather than off the caller's: runtimes keep whatever follows a signal (listeners,
 * AbortSignal.any results) alive as long as that signal, and a caller's may live as long as the process.
 */
export function linkedSignal(parent: AbortSignal | undefined): LinkedSignal {
  if (!parent || parent.aborted) return { signal: parent, dispose: nothingToDispose };
  const controller = new AbortController();
  const forward = () => controller.abort(parent.reason);
  parent.addEventListener('abort', forward, { once: true });
  return { signal: controller.signal, dispose: () => parent.removeEventListener('abort', forward) };
}
