import { HTTPError, type RetryOptions as KyRetryOptions } from 'ky';
import { ConnectionError, InvalidArgumentError } from './errors.js';
import { requireMilliseconds, requireNumber } from './internal/validate.js';

/**
 * The retry policy, carried out by ky:
 *
 * 1. Retried statuses: 408, 429, 500, 502, 503, 504, and connection failures (PingOne's own guidance).
 * 2. POST and PATCH are retried only on 429 and 503, where PingOne refused the request without
 *    processing it; anything else might have created or changed the resource already, so a retry could
 *    do it twice.
 * 3. `Retry-After` (seconds or HTTP date) on a 429 or 503 is honoured up to `maxRetryAfter` (default
 *    60 s) and never beyond the per-attempt timeout; otherwise waits grow exponentially (0.5 s, 1 s, 2 s,
 *    … capped at `backoffLimit`) with full jitter so that many clients do not retry in step.
 * 4. Two retries by default; `retry: false` sends a single attempt. A timed-out attempt is not retried.
 * 5. Waits end early when the call's signal aborts.
 */
export interface RetryOptions {
  /**
   * Retries after the first attempt.
   * @default 2
   * @example { limit: 5 }
   */
  limit?: number;
  /**
   * Longest wait honoured from a `Retry-After` header, in milliseconds.
   * @default 60000
   * @example { maxRetryAfter: 10_000 }
   */
  maxRetryAfter?: number;
  /**
   * Longest computed backoff wait, in milliseconds.
   * @default 10000
   * @example { backoffLimit: 2_000 }
   */
  backoffLimit?: number;
  /**
   * Wait before retry number `attempt` (1-based), in milliseconds, before jitter.
   * @default (attempt) => 500 * 2 ** (attempt - 1)
   * @example { delay: (attempt) => 1_000 * attempt }
   */
  delay?: (attempt: number) => number;
}

/** Connection failures of requests that may have been processed (rule 2); marked where they are raised. */
export const unsafeToRepeat = new WeakSet<Error>();

/** Whether a method may have changed something on the server when its answer is lost (rule 2). */
export function isNonIdempotent(method: string): boolean {
  return method === 'POST' || method === 'PATCH';
}

/**
 * ky's `shouldRetry`: `false` vetoes a retry, `undefined` leaves it to ky's own rules (status codes,
 * Retry-After). Only answers and connection failures are ever retried, never a hook's own error.
 */
function shouldRetry({ error }: { error: Error }): false | undefined {
  if (error instanceof HTTPError) {
    const { status } = error.response;
    return isNonIdempotent(error.request.method) && status !== 429 && status !== 503 ? false : undefined;
  }
  return error instanceof ConnectionError && !unsafeToRepeat.has(error) ? undefined : false;
}

/** ky's `retry` option for our policy, with the caller's values checked; `timeout` caps Retry-After waits. */
export function toKyRetry(retry: RetryOptions | false | undefined, timeout: number): KyRetryOptions | 0 {
  if (retry === false) return 0;
  const limit = requireNumber(retry?.limit ?? 2, 'retry.limit', {
    minimum: 0,
    integer: true,
    unit: 'retries',
  });
  if (retry?.delay !== undefined && typeof retry.delay !== 'function') {
    throw new InvalidArgumentError('retry.delay', 'a function from the retry number to milliseconds');
  }
  return {
    limit,
    methods: ['get', 'put', 'head', 'delete', 'options', 'post', 'patch'],
    statusCodes: [408, 429, 500, 502, 503, 504],
    afterStatusCodes: [429, 503],
    maxRetryAfter: Math.min(
      requireMilliseconds(retry?.maxRetryAfter, 'retry.maxRetryAfter', 60_000),
      timeout,
    ),
    backoffLimit: requireMilliseconds(retry?.backoffLimit, 'retry.backoffLimit', 10_000),
    delay: retry?.delay ?? ((attempt) => 500 * 2 ** (attempt - 1)),
    jitter: true,
    retryOnTimeout: false,
    shouldRetry,
  };
}
