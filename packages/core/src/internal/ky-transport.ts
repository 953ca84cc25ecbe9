import ky, { type BeforeRetryHook, type Hooks, HTTPError, type KyInstance, type Options } from 'ky';
import type { ClientHooks } from '../client-types.js';
import { ConnectionError, InvalidArgumentError } from '../errors.js';
import type { Logger } from '../logger.js';
import { isNonIdempotent, toKyRetry, unsafeToRepeat } from '../retry-policy.js';
import type { TokenProvider } from '../token-provider.js';
import { requireOneOf } from './validate.js';

/**
 * When the attempt that produced an answer started, in `performance.now()` milliseconds: the client's
 * deadline for the answer's body counts from there (ky's own timeout ends with the headers).
 */
export const attemptStarts = new WeakMap<Response, number>();

/** What a client decides once for all its calls. */
export interface TransportSettings {
  fetch: typeof globalThis.fetch;
  headers: Record<string, string>;
  timeout: number;
  retry: Parameters<typeof toKyRetry>[0];
  hooks: ClientHooks | undefined;
  logger: Logger | undefined;
  /** A provider that can replace its tokens; each retry then goes out with the token valid now. */
  tokenProvider: TokenProvider | undefined;
}

const hookNames = ['beforeRequest', 'beforeRetry', 'afterResponse', 'beforeError'] as const;

function checkHooks(hooks: ClientHooks | undefined): void {
  for (const [name, list] of Object.entries(hooks ?? {})) {
    requireOneOf(name, hookNames, `hooks.${name}`);
    if (list !== undefined && !(Array.isArray(list) && list.every((hook) => typeof hook === 'function'))) {
      throw new InvalidArgumentError(`hooks.${name}`, 'an array of functions, as ky takes them');
    }
  }
}

/**
 * Wraps fetch so that ky calls it detached (edge runtimes' fetch throws "Illegal invocation" when `this`
 * is not the global; ky calls it as a method of its options), and so that a network failure, whatever the
 * runtime throws for it (a TypeError in Node and Deno, an Error in Bun), is a ConnectionError.
 */
function detachedFetch(fetchImplementation: typeof globalThis.fetch): typeof globalThis.fetch {
  return async (input, init) => {
    const startedAt = performance.now();
    try {
      const response = await fetchImplementation(input, init);
      attemptStarts.set(response, startedAt);
      return response;
    } catch (error) {
      const request = input as Request;
      // An abort (the call's signal, or ky's timeout) is told apart by the caller, not here.
      if (request.signal?.aborted) throw error;
      const failure = new ConnectionError(
        `${request.method} ${request.url} failed: ${(error as Error).message}`,
        { cause: error },
      );
      if (isNonIdempotent(request.method)) unsafeToRepeat.add(failure);
      throw failure;
    }
  };
}

/**
 * The one ky instance of a client: retries, timeout, default headers, fetch and hooks, decided once. A
 * call passes only what is its own (method, headers, body, signal).
 */
export function createKyTransport(settings: TransportSettings): KyInstance {
  checkHooks(settings.hooks);
  const { logger, tokenProvider } = settings;
  const hooks: Hooks = { ...settings.hooks };
  if (tokenProvider?.invalidate) {
    // A retry may wait out a Retry-After longer than its token had left to live: ask again, from the cache.
    const renewToken: BeforeRetryHook = async ({ request }) => {
      if (!request.headers.has('authorization')) return;
      request.headers.set(
        'authorization',
        `Bearer ${await tokenProvider.getToken({ signal: request.signal })}`,
      );
    };
    hooks.beforeRetry = [renewToken, ...(hooks.beforeRetry ?? [])];
  }
  if (logger) {
    const logRetry: BeforeRetryHook = ({ request, error, retryCount }) => {
      const reason = error instanceof HTTPError ? `status ${error.response.status}` : 'a connection failure';
      logger.debug(`retry ${retryCount} of ${request.method} ${request.url} after ${reason}`);
    };
    // First: a user's hook that returns a Request skips the hooks after it.
    hooks.beforeRetry = [logRetry, ...(hooks.beforeRetry ?? [])];
  }
  const options: Options = {
    headers: settings.headers,
    timeout: settings.timeout,
    retry: toKyRetry(settings.retry, settings.timeout),
    // Failure statuses are thrown (ky retries only what it throws) and turned back into answers by the
    // client, which maps them to PingOne errors; a redirect answered under redirect: 'manual' is no failure.
    throwHttpErrors: (status) => status >= 400,
    fetch: detachedFetch(settings.fetch),
  };
  // ky merges the instance's options into every call's: hooks only when there are some.
  if (Object.keys(hooks).length > 0) options.hooks = hooks;
  return ky.create(options);
}
