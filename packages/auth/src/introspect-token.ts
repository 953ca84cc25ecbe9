import type { AuthClient } from './auth-client.js';
import { requestIntrospection } from './generated/sdk.gen.js';
import type { IntrospectionRequest, TokenIntrospection } from './generated/types.gen.js';
import { internalsOf } from './internal/auth-client-internals.js';
import { requireText } from './internal/require-text.js';

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
  const authentication = await internalsOf(client).authenticate();
  const body: IntrospectionRequest = {
    token: requireText(options.token, 'token'),
    ...(options.tokenTypeHint ? { token_type_hint: options.tokenTypeHint } : {}),
    ...authentication.fields,
  };
  const { data } = await requestIntrospection({
    client: client.http,
    body,
    headers: authentication.headers,
    ...(signal ? { signal } : {}),
  });
  return data as TokenIntrospection;
}
