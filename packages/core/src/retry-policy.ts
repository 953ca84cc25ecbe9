import { InvalidArgumentError } from './errors.js';
import { parseRetryAfter } from './internal/retry-after.js';
import { requireMilliseconds } from './internal/validate.js';

/**
 * The retry policy:
 *
 * - Retried statuses: 408, 429, 500, 502, 503, 504, and connection failures (PingOne's own guidance).
 * - POST and PATCH are retried only on 429 and 503, where PingOne refused the request without
 *   processing it; anything else might have created or changed the resource already, so a retry could
 *   do it twice.
 * - `Retry-After` (seconds or HTTP date) is honoured up to `maxRetryAfter` (default 60 s) and never
 *   beyond the per-attempt timeout; otherwise waits grow exponentially (0.5 s, 1 s, 2 s, … capped at
 *   `backoffLimit`) with full jitter so that many clients do not retry in step.
 * - Two retries by default; `retry: false` sends a single attempt.
 * - Waits end early when the call's signal aborts.
 */
export interface RetryOptions {
  /**
   * Retries after the first attempt.
   * @default 2
   */
  limit?: number;
  /**
   * Longest wait honoured from a `Retry-After` header, in milliseconds.
   * @default 60000
   */
  maxRetryAfter?: number;
  /**
   * Longest computed backoff wait, in milliseconds.
   * @default 10000
   */
  backoffLimit?: number;
  /**
   * Wait before retry number `attempt` (1-based), in milliseconds, before jitter.
   * @default (attempt) => 500 * 2 ** (attempt - 1)
   */
  delay?: (attempt: number) => number;
}

/** The retry options of a client or call with every default filled in, built once per client. */
export interface RetryPolicy {
  limit: number;
  maxRetryAfter: number;
  backoffLimit: number;
  delay: (attempt: number) => number;
}

const retriedStatuses = new Set([408, 429, 500, 502, 503, 504]);
/** Answers that prove PingOne refused the request without processing it; they carry Retry-After. */
const refusedWithoutProcessing = new Set([429, 503]);

/** Fills in the defaults and checks the caller's values; `timeout` caps Retry-After waits. */
export function toRetryPolicy(retry: RetryOptions | false | undefined, timeout: number): RetryPolicy {
  if (retry === false) return { limit: 0, maxRetryAfter: 0, backoffLimit: 0, delay: () => 0 };
  const limit = retry?.limit ?? 2;
  if (!(Number.isInteger(limit) && limit >= 0)) {
    throw new InvalidArgumentError('retry.limit', 'a whole number of retries, 0 or more');
  }
  if (retry?.delay !== undefined && typeof retry.delay !== 'function') {
    throw new InvalidArgumentError('retry.delay', 'a function from the retry number to milliseconds');
  }
  return {
    limit,
    maxRetryAfter: Math.min(
      requireMilliseconds(retry?.maxRetryAfter, 'retry.maxRetryAfter', 60_000),
      timeout,
    ),
    backoffLimit: requireMilliseconds(retry?.backoffLimit, 'retry.backoffLimit', 10_000),
    delay: retry?.delay ?? ((attempt) => 500 * 2 ** (attempt - 1)),
  };
}

/**
 * Whether a failed attempt may be sent again: `status` is the answer's, or undefined when the connection
 * failed. A connection failure or a 5xx after a POST or PATCH was sent might mean the write happened.
 */
export function isRetriable(method: string, status: number | undefined): boolean {
  if (method === 'POST' || method === 'PATCH')
    return status !== undefined && refusedWithoutProcessing.has(status);
  return status === undefined || retriedStatuses.has(status);
}

/** Milliseconds to wait before retry number `attempt` (1-based), after `response` if there was one. */
export function retryWait(policy: RetryPolicy, attempt: number, response: Response | undefined): number {
  if (response && refusedWithoutProcessing.has(response.status)) {
    const seconds = parseRetryAfter(response.headers.get('retry-after'));
    if (seconds !== undefined) return Math.min(seconds * 1000, policy.maxRetryAfter);
  }
  // Full jitter, so that many clients refused together do not come back together.
  return Math.min(Math.random() * policy.delay(attempt), policy.backoffLimit);
}
