import type { TokenResponse } from './generated/types.gen.js';

/** The tokens of a successful token request, with camelCase names and an absolute expiry. */
export interface TokenSet {
  /** The access token (a JWT signed RS256). */
  accessToken: string;
  /** How to present the access token; `Bearer`. */
  tokenType: string;
  /** Seconds the access token lived when it was issued, when the server said. */
  expiresIn: number | undefined;
  /** When the access token expires, in milliseconds since the epoch, when the server said. */
  expiresAt: number | undefined;
  /** The granted scopes, space-separated, when the server listed them. */
  scope: string | undefined;
  /** A refresh token, when one was issued. With rotation, always keep the newest. */
  refreshToken: string | undefined;
  /** The ID token, when `openid` was granted. Check it with `verifyIdToken`. */
  idToken: string | undefined;
  /** What kind of token `accessToken` is (token exchange only). */
  issuedTokenType: string | undefined;
}

/** Turns the token endpoint's answer into a {@link TokenSet}, stamping the expiry against `now`. */
export function toTokenSet(response: TokenResponse, now = Date.now()): TokenSet {
  const expiresIn = typeof response.expires_in === 'number' ? response.expires_in : undefined;
  return {
    accessToken: response.access_token,
    tokenType: response.token_type,
    expiresIn,
    expiresAt: expiresIn === undefined ? undefined : now + expiresIn * 1000,
    scope: response.scope,
    refreshToken: response.refresh_token,
    idToken: response.id_token,
    issuedTokenType: response.issued_token_type,
  };
}
