import { requireText } from '@pingone-sdk/core/internal';
import type { AuthClient } from './auth-client.js';
import type { RevocationRequest } from './generated/types.gen.js';
import { sendAuthenticatedForm } from './internal/send-authenticated-form.js';

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
  const fields: Omit<RevocationRequest, 'client_id'> = {
    token: requireText(options.token, 'token'),
    token_type_hint: options.tokenTypeHint,
  };
  await sendAuthenticatedForm(client, client.endpoints.revocation, fields, signal);
}
