import { requireText } from '@pingone-sdk/core/internal';
import type { AuthClient } from './auth-client.js';
import type { IntrospectionRequest, TokenIntrospection } from './generated/types.gen.js';
import { sendAuthenticatedForm } from './internal/send-authenticated-form.js';

/** Options of {@link introspectToken}. */
export interface IntrospectTokenOptions {
  /** The auth client of the application asking. */
  client: AuthClient;
  /** The access or refresh token to look up. */
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
 * Asks the authorization server whether a token is active and what it grants (RFC 7662). Unlike
 * `verifyAccessToken`, this notices revocation, at the cost of a request per call.
 *
 * @example
 * const info = await introspectToken({ client, token });
 * if (!info.active) return reply(401);
 */
export async function introspectToken(options: IntrospectTokenOptions): Promise<TokenIntrospection> {
  const { client, signal } = options;
  const fields: Omit<IntrospectionRequest, 'client_id'> = {
    token: requireText(options.token, 'token'),
    token_type_hint: options.tokenTypeHint,
  };
  const { data } = await sendAuthenticatedForm(client, client.endpoints.introspection, fields, signal);
  return data as TokenIntrospection;
}
