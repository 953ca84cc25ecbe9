/** A call's own abort controller, following the caller's signal until disposed. */
export interface LinkedSignal {
  controller: AbortController;
  dispose(): void;
}

/**
 * A per-call controller that aborts when `parent` does, detached again by `dispose()`. The call hands its
 * signal to ky (which follows it with AbortSignal.any) rather than the caller's: runtimes keep whatever
 * follows a signal alive as long as that signal, and a caller's may live as long as the process. The
 * controller also lets the call end its own body download when the attempt's deadline passes.
 */
export function linkedSignal(parent: AbortSignal): LinkedSignal {
  const controller = new AbortController();
  const forward = () => controller.abort(parent.reason);
  if (parent.aborted) forward();
  else parent.addEventListener('abort', forward, { once: true });
  return { controller, dispose: () => parent.removeEventListener('abort', forward) };
}
