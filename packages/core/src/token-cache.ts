import { abortable } from './internal/abortable.js';
import { requireSeconds } from './internal/validate.js';
import type { TokenProvider } from './token-provider.js';

/**
 * The token cache policy, shared by every provider that fetches tokens:
 *
 * 1. A token is reused until `expires_in` minus the refresh window (default 60 s), so no request goes
 *    out with a token about to expire.
 * 2. Concurrent callers share one in-flight token request (single flight): a thousand cold calls cause one
 *    request to the token endpoint.
 * 3. A failed token request rejects everyone waiting on it and leaves the cache empty, so the next call
 *    tries again instead of replaying a cached failure.
 * 4. A caller's abort signal stops only that caller's wait, never the shared request the others await.
 * 5. `invalidate(token)` (called on a 401) forgets that token only if it is still the cached one, so a
 *    late 401 for an old token cannot throw away a fresh one.
 */

/** A token and how long it lives, as a token endpoint reports it. */
export interface IssuedToken {
  accessToken: string;
  /** Lifetime in seconds from now. */
  expiresIn: number;
}

/** Options of {@link createTokenCache}. */
export interface TokenCacheOptions {
  /**
   * Seconds before expiry at which a token counts as stale and is replaced.
   * @default 60
   */
  refreshWindowSeconds?: number;
  /** Clock, replaceable in tests. @default Date.now */
  now?: () => number;
}

/** Wraps a token fetcher in the cache policy above. */
export function createTokenCache(
  fetchToken: () => Promise<IssuedToken>,
  options: TokenCacheOptions = {},
): Required<TokenProvider> {
  const refreshWindowMilliseconds =
    requireSeconds(options.refreshWindowSeconds, 'refreshWindowSeconds', 60) * 1000;
  const now = options.now ?? Date.now;
  let cached: { token: string; staleAt: number } | undefined;
  let inFlight: Promise<string> | undefined;

  const refresh = (): Promise<string> => {
    inFlight ??= fetchToken()
      .then((issued) => {
        // A lifetime shorter than the window would make every token stale at once; keep at least half of it.
        const lifetime = issued.expiresIn * 1000;
        const usable =
          lifetime > refreshWindowMilliseconds ? lifetime - refreshWindowMilliseconds : lifetime / 2;
        cached = { token: issued.accessToken, staleAt: now() + usable };
        return issued.accessToken;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };

  return {
    getToken(tokenOptions = {}) {
      if (cached && now() < cached.staleAt) return Promise.resolve(cached.token);
      return abortable(refresh(), tokenOptions.signal);
    },
    invalidate(token) {
      if (cached?.token === token) cached = undefined;
    },
  };
}
