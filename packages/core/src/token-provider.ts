import { InvalidArgumentError } from './errors.js';
import { concealFromInspection } from './internal/conceal.js';

/** Options passed to {@link TokenProvider.getToken}. */
export interface GetTokenOptions {
  /** Aborts the token request, e.g. when the API call that needs it is cancelled. */
  signal?: AbortSignal;
}

/**
 * A source of access tokens. Implement it to plug in any token source (a secrets manager, a token
 * exchange, a cache shared between processes).
 *
 * @example
 * const fromVault: TokenProvider = {
 *   getToken: () => vault.read('pingone/token'),
 * };
 */
export interface TokenProvider {
  /** Resolves to a bearer token that is valid now. */
  getToken(options?: GetTokenOptions): Promise<string>;
  /**
   * Called when PingOne refused `token` with 401. A provider that can fetch a new token forgets this one;
   * the SDK then asks once more and replays the request once. Providers without it are never replayed.
   */
  invalidate?(token: string): void;
}

/** What a client accepts as `token`: a provider, or a token string used as it is. */
export type TokenInput = TokenProvider | string;

/**
 * A provider for a token you already have, or a function that returns the current one (called before
 * every request, so it can read a value that changes).
 *
 * @example
 * staticToken(process.env.PINGONE_TOKEN!)
 * staticToken(async () => (await mySession()).accessToken)
 */
export function staticToken(token: string | (() => string | Promise<string>)): TokenProvider {
  if (typeof token !== 'function' && (typeof token !== 'string' || token.trim() === '')) {
    throw new InvalidArgumentError('token', 'a non-blank string or a function returning one');
  }
  const provider: TokenProvider = {
    getToken: typeof token === 'function' ? async () => token() : () => Promise.resolve(token),
  };
  return concealFromInspection(provider, 'StaticTokenProvider');
}

/** Accepts either form of {@link TokenInput} and returns a provider. */
export function toTokenProvider(token: TokenInput): TokenProvider {
  if (typeof token === 'string') return staticToken(token);
  if (token && typeof token.getToken === 'function') return token;
  throw new InvalidArgumentError('token', 'a token string or a TokenProvider with getToken()');
}
