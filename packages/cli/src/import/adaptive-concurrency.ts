/**
 * Policy: how many create calls an import keeps in flight (additive increase, multiplicative decrease).
 * 1. Start at `initial`, never below 1 nor above `maximum`.
 * 2. A rate-limited answer (429) halves the limit, once per `cooldownMs`: the requests already in flight
 *    when the server started refusing are answered 429 too and must not halve it again and again.
 * 3. A rate-limited answer also pauses every new start until its `Retry-After` has passed.
 * 4. After as many good answers in a row as the current limit, the limit grows by one.
 */
export class AdaptiveConcurrency {
  #limit: number;
  #good = 0;
  #lastDecrease = Number.NEGATIVE_INFINITY;
  #pausedUntil = 0;
  readonly #maximum: number;
  readonly #cooldownMs: number;
  readonly #now: () => number;

  constructor(options: { initial?: number; maximum?: number; cooldownMs?: number; now?: () => number } = {}) {
    this.#maximum = Math.max(1, options.maximum ?? 16);
    this.#limit = Math.min(this.#maximum, Math.max(1, options.initial ?? 4));
    this.#cooldownMs = options.cooldownMs ?? 1000;
    this.#now = options.now ?? Date.now;
  }

  /** Requests that may be in flight now. */
  get limit(): number {
    return this.#limit;
  }

  /** Milliseconds to wait before starting another request (0 when none). */
  get pauseMs(): number {
    return Math.max(0, this.#pausedUntil - this.#now());
  }

  /** A good answer (created, or refused for a reason other than load). */
  succeeded(): void {
    this.#good += 1;
    if (this.#good >= this.#limit && this.#limit < this.#maximum) {
      this.#limit += 1;
      this.#good = 0;
    }
  }

  /** A 429 with the server's `Retry-After` in seconds, when it sent one. */
  rateLimited(retryAfterSeconds: number | undefined): void {
    const now = this.#now();
    this.#good = 0;
    this.#pausedUntil = Math.max(this.#pausedUntil, now + (retryAfterSeconds ?? 1) * 1000);
    if (now - this.#lastDecrease >= this.#cooldownMs) {
      this.#limit = Math.max(1, Math.floor(this.#limit / 2));
      this.#lastDecrease = now;
    }
  }
}
