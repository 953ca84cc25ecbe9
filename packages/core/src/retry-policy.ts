import type { RetryOptions as KyRetryOptions } from 'ky';
import { HTTPError } from 'ky';

/**
 * The retry policy, expressed as ky configuration:
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

export const retriedStatusCodes = [408, 429, 500, 502, 503, 504];
const refusedWithoutProcessing = new Set([429, 503]);
const allMethods = ['get', 'put', 'head', 'delete', 'options', 'trace', 'post', 'patch'];

/** ky retry settings for each kind of method, built once per client (and per call only when overridden). */
export interface KyRetryByMethod {
  /** GET, PUT, DELETE, HEAD, OPTIONS: the full policy. */
  idempotent: KyRetryOptions;
  /** POST and PATCH: only answers that prove the request was refused unprocessed. */
  nonIdempotent: KyRetryOptions;
}

/** Translates our retry options into ky's. */
export function toKyRetry(retry: RetryOptions | false | undefined, timeout: number): KyRetryByMethod {
  if (retry === false) return { idempotent: { limit: 0 }, nonIdempotent: { limit: 0 } };
  const idempotent: KyRetryOptions = {
    limit: retry?.limit ?? 2,
    methods: allMethods,
    statusCodes: retriedStatusCodes,
    afterStatusCodes: [429, 503],
    maxRetryAfter: Math.min(retry?.maxRetryAfter ?? 60_000, timeout),
    backoffLimit: retry?.backoffLimit ?? 10_000,
    delay: retry?.delay ?? ((attempt) => 500 * 2 ** (attempt - 1)),
    jitter: true,
    retryOnTimeout: false,
  };
  return {
    idempotent,
    nonIdempotent: {
      ...idempotent,
      // A connection failure or a 5xx after sending might mean the write happened: do not repeat it.
      // Returning undefined leaves ky's own checks (status list, Retry-After) in charge.
      shouldRetry: ({ error }) =>
        error instanceof HTTPError && refusedWithoutProcessing.has(error.response.status) ? undefined : false,
    },
  };
}

/** POST and PATCH may create or change something on every attempt. */
export function isNonIdempotent(method: string): boolean {
  return method === 'POST' || method === 'PATCH';
}
