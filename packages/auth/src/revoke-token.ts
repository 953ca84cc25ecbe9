import type { AuthClient } from './auth-client.js';
import { requestRevocation } from './generated/sdk.gen.js';
import type { RevocationRequest } from './generated/types.gen.js';
import { internalsOf } from './internal/auth-client-internals.js';
import { requireText } from './internal/require-text.js';

/** Options of {@link revokeToken}. */
export interface RevokeTokenOptions {
  /** The auth client of the application the token was issued to. */
  client: AuthClient;
  /** The access or refresh token to revoke. */
  token: string;
  /**
   * What kind of token it probably is.
   * @default none
   */
  tokenTypeHint?: 'access_token' | 'refresh_token';
  /** Cancels the request. */
  signal?: AbortSignal;
}

/**
 * Revokes a token (RFC 7009), e.g. the refresh token when the user signs out. Revoking a token that is
 * unknown or already revoked succeeds too.
 *
 * @example
 * await revokeToken({ client, token: session.refreshToken, tokenTypeHint: 'refresh_token' });
 */
export async function revokeToken(options: RevokeTokenOptions): Promise<void> {
  const { client, signal } = options;
  const authentication = await internalsOf(client).authenticate();
  const body: RevocationRequest = {
    token: requireText(options.token, 'token'),
    ...(options.tokenTypeHint ? { token_type_hint: options.tokenTypeHint } : {}),
    ...authentication.fields,
  };
  await requestRevocation({
    client: client.http,
    body,
    headers: authentication.headers,
    ...(signal ? { signal } : {}),
  });
}
