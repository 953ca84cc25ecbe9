import { requireText } from '@pingone-sdk/core/internal';
import type { AuthClient } from './auth-client.js';
import { requestTokens } from './internal/request-tokens.js';
import { scopeText } from './internal/scope-text.js';
import type { TokenSet } from './token-set.js';

/** Options of {@link refreshAccessToken}. */
export interface RefreshAccessTokenOptions {
  /** The auth client of the application. */
  client: AuthClient;
  /** The newest refresh token you hold. */
  refreshToken: string;
  /**
   * A subset of the originally granted scopes.
   * @default all originally granted scopes
   */
  scope?: string | readonly string[];
  /** Cancels the request. */
  signal?: AbortSignal;
}

/**
 * Gets a new access token with a refresh token. When the server rotates refresh tokens, the answer
 * carries a new `refreshToken` and the old one stops working: store the new one.
 *
 * @example
 * const tokens = await refreshAccessToken({ client, refreshToken: session.refreshToken });
 * session.refreshToken = tokens.refreshToken ?? session.refreshToken;
 */
export function refreshAccessToken(options: RefreshAccessTokenOptions): Promise<TokenSet> {
  return requestTokens(
    options.client,
    {
      grant_type: 'refresh_token',
      refresh_token: requireText(options.refreshToken, 'refreshToken'),
      ...(options.scope === undefined ? {} : { scope: scopeText(options.scope) }),
    },
    options.signal,
  );
}
