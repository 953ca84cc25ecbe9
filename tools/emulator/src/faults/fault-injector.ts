import { randomInt } from 'node:crypto';
import type { FaultOptions } from './fault-options.js';
import { seededRandom } from './seeded-random.js';

/** Which host a request is for; faults can target one of them. */
export type FaultTarget = 'api' | 'auth';

/** What to do to a request instead of answering it normally. */
export type FaultDecision =
  | { kind: 'drop' }
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  | { kind: 'error'; status: number }
  | undefined;

const defaultErrorStatuses = [500, 502, 503];

/** Decides, request by request, which configured fault (if any) applies. */
export class FaultInjector {
  #faults: FaultOptions = {};
  #random: () => number = Math.random;
  #windowStart = 0;
  #windowCount = 0;

  constructor(faults?: FaultOptions) {
    this.set(faults);
  }

  /** Replaces the active faults and restarts the generator from the seed. */
  set(faults: FaultOptions = {}): void {
    this.#faults = { ...faults };
    this.#random = seededRandom(faults.seed ?? randomInt(2 ** 31));
    this.#windowStart = 0;
    this.#windowCount = 0;
  }

  get current(): FaultOptions {
    return { ...this.#faults };
  }

  applies(target: FaultTarget): boolean {
    const scope = this.#faults.target ?? 'all';
    return scope === 'all' || scope === target;
  }

  latencyMs(target: FaultTarget): number {
    return this.applies(target) ? Math.max(0, this.#faults.latencyMs ?? 0) : 0;
  }

  /** Drop, rate limit or 5xx, in that order; draws from the generator only for faults that are on. */
  decide(target: FaultTarget, now = Date.now()): FaultDecision {
    if (!this.applies(target)) return undefined;
    const faults = this.#faults;
    if (this.#draw(faults.dropRate)) return { kind: 'drop' };
    const limit = faults.rateLimit;
    if (limit) {
      const window = Math.floor(now / 1000);
      if (window !== this.#windowStart) {
        this.#windowStart = window;
        this.#windowCount = 0;
      }
      this.#windowCount++;
      if (this.#windowCount > limit.requestsPerSecond) {
        const untilNextWindow = Math.ceil(((window + 1) * 1000 - now) / 1000);
        return {
          kind: 'rate-limit',
          retryAfterSeconds: limit.retryAfterSeconds ?? Math.max(1, untilNextWindow),
        };
      }
    }
    if (this.#draw(faults.errorRate)) {
      const statuses = faults.errorStatuses?.length ? faults.errorStatuses : defaultErrorStatuses;
      const status = statuses[Math.floor(this.#random() * statuses.length)] ?? 500;
      return { kind: 'error', status };
    }
    return undefined;
  }

  /** Whether the answer to this request, already carried out, should be dropped instead of sent. */
  dropAnswer(target: FaultTarget): boolean {
    return this.applies(target) && this.#draw(this.#faults.dropAnswerRate);
  }

  /** Whether this 200 answer's body should be cut short. */
  malformed(target: FaultTarget): boolean {
    return this.applies(target) && this.#draw(this.#faults.malformedRate);
  }

  #draw(rate: number | undefined): boolean {
    if (!rate || rate <= 0) return false;
    if (rate >= 1) return true;
    return this.#random() < rate;
  }
}
