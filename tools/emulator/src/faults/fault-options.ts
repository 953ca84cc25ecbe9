/**
 * Faults the emulator injects, for testing retries, timeouts and error handling. Every share is a
 * probability from 0 to 1, drawn from a seeded generator so that a run with the same `seed` and the
 * same requests injects the same faults.
 *
 * @example
 * { latencyMs: 50, errorRate: 0.1, errorStatuses: [503], rateLimit: { requestsPerSecond: 20 }, seed: 42 }
 */
export interface FaultOptions {
  /** Delay added before every answer, in milliseconds. @default 0 */
  latencyMs?: number;
  /** Share of requests answered with a 5xx status from `errorStatuses`. @default 0 */
  errorRate?: number;
  /** Statuses used for `errorRate`, picked at random. @default [500, 502, 503] */
  errorStatuses?: number[];
  /** Requests beyond this rate, per second, are answered 429 REQUEST_LIMITED with `Retry-After`. @default no limit */
  rateLimit?: RateLimitFault;
  /** Share of requests whose connection is destroyed before any answer is written. @default 0 */
  dropRate?: number;
  /**
   * Share of requests carried out in full (a create creates) whose connection is then destroyed instead
   * of answered: the client cannot know whether its change happened. @default 0
   */
  dropAnswerRate?: number;
  /** Share of 200 answers whose JSON body is cut short (and so cannot be parsed). @default 0 */
  malformedRate?: number;
  /** Which host the faults apply to; the control endpoint is never affected. @default 'all' */
  target?: 'api' | 'auth' | 'all';
  /** Seed of the generator that decides which requests get a fault. @default a random seed */
  seed?: number;
}

/** A requests-per-second ceiling, counted over one-second windows. */
export interface RateLimitFault {
  /** Requests allowed per one-second window. */
  requestsPerSecond: number;
  /** Value of `Retry-After`, in seconds. @default the seconds left in the current window, rounded up (1) */
  retryAfterSeconds?: number;
}
