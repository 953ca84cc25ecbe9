import type { AuthClient } from './auth-client.js';
import { requestTokens } from './internal/request-tokens.js';
import { scopeText } from './internal/scope-text.js';
import type { TokenSet } from './token-set.js';

/** Options of {@link requestClientCredentialsToken}. */
export interface RequestClientCredentialsTokenOptions {
  /** The auth client of the application. */
  client: AuthClient;
  /**
   * Scopes to ask for.
   * @default the application's default scopes
   */
  scope?: string | readonly string[];
  /** Cancels the request. */
  signal?: AbortSignal;
}

/**
 * Gets a token for the application itself (client credentials grant), with any client authentication
 * method. For calling the management API with a cached token, prefer `clientCredentials()` from
 * @pingone-sdk/core.
 *
 * @example
 * const { accessToken } = await requestClientCredentialsToken({ client, scope: 'orders:read' });
 */
export function requestClientCredentialsToken(
  options: RequestClientCredentialsTokenOptions,
): Promise<TokenSet> {
  return requestTokens(
    options.client,
    {
      grant_type: 'client_credentials',
      ...(options.scope === undefined ? {} : { scope: scopeText(options.scope) }),
    },
    options.signal,
  );
}
