import { setTimeout as sleep } from 'node:timers/promises';
import {
  type Client,
  ConnectionError,
  PingOneError,
  RateLimitError,
  ServerError,
  TimeoutError,
} from '@pingone-sdk/core';
import { createUser, importUser, listUsers } from '@pingone-sdk/management';
import { AdaptiveConcurrency } from './adaptive-concurrency.js';
import type { PreparedUser } from './prepare-user.js';

/** What became of one row. */
export type RowOutcome =
  | { kind: 'created' }
  | { kind: 'skipped' }
  | { kind: 'failed'; status?: number; code: string; message: string; correlationId?: string };

/** Attempts of one row before it counts as failed when the server keeps refusing or dropping it. */
const maximumAttempts = 8;

function usernameFilter(username: string): string {
  return `username eq "${username.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

function isUsernameTaken(error: unknown): boolean {
  return (
    error instanceof PingOneError &&
    error.status === 400 &&
    error.details.some(
      (detail) => detail.code === 'UNIQUENESS_VIOLATION' && (detail.target ?? 'username') === 'username',
    )
  );
}

/**
 * Creates users at the pace the server allows, counting every row exactly once.
 *
 * A create whose answer never arrived (dropped connection, timeout, 5xx other than 503) may or may not
 * have been carried out, and the SDK rightly does not repeat such a POST. The engine asks instead:
 * when the username now exists, the row is settled (created when the user is younger than this run,
 * skipped when it was there before); only when it does not exist is the create sent again.
 */
export class ImportEngine {
  readonly concurrency: AdaptiveConcurrency;
  /** Answers 429 (or 503) that sent a row back to wait. */
  rateLimited = 0;
  /** Creates whose answer never arrived, settled by looking the username up. */
  unanswered = 0;
  readonly #client: Client;
  /** Server time (from its `Date` header) when the run began; a user created after it is this run's. */
  /** Server clock minus this machine's, read once (to within the second `Date` carries). */
  #clockOffset = 0;

  constructor(client: Client, options: { initial?: number; maximum?: number } = {}) {
    this.#client = client;
    this.concurrency = new AdaptiveConcurrency(options);
  }

  /** Reads the server's clock once, so that "created by this row's request" compares server times. */
  async start(): Promise<void> {
    const { response } = await listUsers({ client: this.#client, query: { limit: 1 } });
    const serverNow = Date.parse(response.headers.get('date') ?? '');
    this.#clockOffset = Number.isNaN(serverNow) ? 0 : serverNow - Date.now();
  }

  /** Settles one row: resolves to its outcome, never rejects. */
  async settle(user: PreparedUser): Promise<RowOutcome> {
    const username = String(user.body.username);
    let last: RowOutcome = { kind: 'failed', code: 'NOT_ATTEMPTED', message: 'The row was not sent.' };
    // A user created after this row was first sent is this row's; `Date` has whole seconds, hence the margin.
    const firstSentAt = Date.now() + this.#clockOffset - 1000;
    for (let attempt = 1; attempt <= maximumAttempts; attempt++) {
      await this.#waitForTurn();
      try {
        const send = user.operation === 'importUser' ? importUser : createUser;
        // 429 and 503 are handled here, where they also steer the concurrency.
        await send({ client: this.#client, body: user.body as never, retry: false });
        this.concurrency.succeeded();
        return { kind: 'created' };
      } catch (error) {
        if (isUsernameTaken(error)) {
          this.concurrency.succeeded();
          return { kind: 'skipped' };
        }
        if (error instanceof RateLimitError || (error instanceof ServerError && error.status === 503)) {
          this.rateLimited += 1;
          this.concurrency.rateLimited(error.retryAfter);
          last = this.#failure(error);
          continue;
        }
        if (
          error instanceof ConnectionError ||
          error instanceof TimeoutError ||
          error instanceof ServerError
        ) {
          this.unanswered += 1;
          last = this.#failure(error);
          const found = await this.#lookUp(username, firstSentAt);
          if (found === 'absent') continue;
          if (found !== 'unknown') return { kind: found };
          continue;
        }
        return this.#failure(error);
      }
    }
    return last;
  }

  #failure(error: unknown): RowOutcome & { kind: 'failed' } {
    if (error instanceof PingOneError) {
      return {
        kind: 'failed',
        status: error.status,
        code: error.code ?? String(error.status),
        message: [
          error.message,
          ...error.details.map((detail) => `${detail.target ?? ''} ${detail.message}`.trim()),
        ].join('; '),
        ...(error.correlationId ? { correlationId: error.correlationId } : {}),
      };
    }
    const name = error instanceof Error ? error.name : 'Error';
    return {
      kind: 'failed',
      code: name === 'TimeoutError' ? 'TIMEOUT' : 'CONNECTION_FAILED',
      message: error instanceof Error ? error.message : String(error),
    };
  }

  /**
   * Whether the username exists now, and whether it was created since `since` (server time), that is by
   * this row's own request; 'unknown' when the lookup failed.
   */
  async #lookUp(username: string, since: number): Promise<'created' | 'skipped' | 'absent' | 'unknown'> {
    for (let attempt = 1; attempt <= 4; attempt++) {
      await this.#waitForTurn();
      try {
        const { data } = await listUsers({
          client: this.#client,
          query: { filter: usernameFilter(username), limit: 1 },
        });
        const found = data._embedded?.users?.[0] as { createdAt?: string } | undefined;
        if (!found) return 'absent';
        const createdAt = Date.parse(found.createdAt ?? '');
        return !Number.isNaN(createdAt) && createdAt >= since ? 'created' : 'skipped';
      } catch (error) {
        if (error instanceof RateLimitError) this.concurrency.rateLimited(error.retryAfter);
        else await sleep(200 * attempt);
      }
    }
    return 'unknown';
  }

  async #waitForTurn(): Promise<void> {
    for (let pause = this.concurrency.pauseMs; pause > 0; pause = this.concurrency.pauseMs)
      await sleep(pause);
  }
}
