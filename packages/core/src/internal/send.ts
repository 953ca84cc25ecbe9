import type { ClientHooks } from '../client-types.js';
import { ConnectionError, TimeoutError } from '../errors.js';
import type { Logger } from '../logger.js';
import { isRetriable, type RetryPolicy, retryWait } from '../retry-policy.js';
import { sleep } from '../sleep.js';

/** What a client fixes once for all its calls. */
export interface Transport {
  fetch: typeof globalThis.fetch;
  beforeRequest: ClientHooks['beforeRequest'];
  logger: Logger | undefined;
}

/** One call, ready to go out: URL expanded, headers merged, body encoded. */
export interface OutgoingCall {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: BodyInit | undefined;
  /** The call's own signal (see linked-signal.ts), never one that outlives the call. */
  signal: AbortSignal | undefined;
  retry: RetryPolicy;
  /** Limit for one attempt, until the answer's headers arrive. */
  timeout: number;
  redirect: 'follow' | 'manual' | undefined;
}

// Node's fetch refuses a stream body unless told it is sent half-duplex.
type StreamingRequestInit = RequestInit & { duplex?: 'half' };

/** The abort reason of an attempt's own timer, told apart from the caller's signal. */
const attemptTimedOut = Symbol('attempt timed out');

async function attempt(transport: Transport, call: OutgoingCall): Promise<Response> {
  const controller = new AbortController();
  const timeoutId = setTimeout(() => controller.abort(attemptTimedOut), call.timeout);
  // The call's signal stays attached after the headers arrive, so it can also stop the body download.
  // A listener rather than AbortSignal.any, which Safari before 17.4 lacks; the call's signal is its own
  // (see linked-signal.ts), so the listener goes away with the call.
  const callSignal = call.signal;
  callSignal?.addEventListener('abort', () => controller.abort(callSignal.reason), { once: true });
  const init: StreamingRequestInit = {
    method: call.method,
    headers: call.headers,
    body: call.body,
    signal: controller.signal,
  };
  if (call.body instanceof ReadableStream) init.duplex = 'half';
  if (call.redirect) init.redirect = call.redirect;
  try {
    // Outside the network try below: what the hook throws is the caller's own error, as it is.
    let request: Request | undefined;
    if (transport.beforeRequest) {
      request = new Request(call.url, init);
      await transport.beforeRequest(request);
    }
    // Called detached: edge runtimes' fetch throws "Illegal invocation" when `this` is not the global.
    const { fetch } = transport;
    try {
      return await (request ? fetch(request) : fetch(call.url, init));
    } catch (error) {
      if (callSignal?.aborted) throw callSignal.reason;
      if (controller.signal.reason === attemptTimedOut) {
        throw new TimeoutError(
          `${call.method} ${call.url} took longer than ${call.timeout} ms`,
          call.timeout,
        );
      }
      // Runtimes differ in what a network failure throws (a TypeError in Node and Deno, an Error in Bun).
      throw new ConnectionError(`${call.method} ${call.url} failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
  } finally {
    clearTimeout(timeoutId);
  }
}

/**
 * Sends a call: attempts and the waits between them, as retry-policy.ts decides. A failure status after
 * the last attempt is returned as the answer it is; the caller turns it into an error.
 *
 * Written on fetch rather than on ky: ky was over half of a one-operation bundle, and what the policy
 * needs from it (a timer per attempt, a wait between attempts) is a few lines.
 */
export async function send(transport: Transport, call: OutgoingCall): Promise<Response> {
  call.signal?.throwIfAborted();
  // A stream is read by its first attempt: there is nothing left to send again.
  const limit = call.body instanceof ReadableStream ? 0 : call.retry.limit;
  for (let retryCount = 1; ; retryCount++) {
    let response: Response | undefined;
    let failure: ConnectionError | undefined;
    try {
      response = await attempt(transport, call);
    } catch (error) {
      if (!(error instanceof ConnectionError)) throw error;
      failure = error;
    }
    if (response?.ok || retryCount > limit || !isRetriable(call.method, response?.status)) {
      if (response) return response;
      throw failure;
    }
    const reason = response ? `status ${response.status}` : 'a connection failure';
    transport.logger?.debug(`retry ${retryCount} of ${call.method} ${call.url} after ${reason}`);
    // Read nothing from a refused answer, but release its connection.
    await response?.body?.cancel();
    await sleep(retryWait(call.retry, retryCount, response), call.signal);
  }
}
