import { requireText } from '@pingone-sdk/core/internal';
import type { AuthClient } from './auth-client.js';
import { requestTokens } from './internal/request-tokens.js';
import { scopeText } from './internal/scope-text.js';
import type { TokenSet } from './token-set.js';

/** Options of {@link exchangeToken}. */
export interface ExchangeTokenOptions {
  /** The auth client of the application. */
  client: AuthClient;
  /** The token to exchange. */
  subjectToken: string;
  /**
   * What `subjectToken` is.
   * @example 'urn:ietf:params:oauth:token-type:access_token'
   * @example 'pingone_gateway_credential'
   */
  subjectTokenType: string;
  /** @default none */
  actorToken?: string;
  /** @default none */
  actorTokenType?: string;
  /** @default the server's choice */
  requestedTokenType?: string;
  /** The service the new token is for. @default none */
  audience?: string;
  /** The resource the new token is for. @default none */
  resource?: string;
  /** Scopes to ask for. @default the server's choice */
  scope?: string | readonly string[];
  /** Cancels the request. */
  signal?: AbortSignal;
}

/**
 * Exchanges one token for another (RFC 8693 token exchange).
 *
 * @example
 * const tokens = await exchangeToken({ client, subjectToken: gatewayCredential, subjectTokenType: 'pingone_gateway_credential' });
 */
export function exchangeToken(options: ExchangeTokenOptions): Promise<TokenSet> {
  const optional = (name: string, value: string | undefined, parameter: string) =>
    value === undefined ? {} : { [name]: requireText(value, parameter) };
  return requestTokens(
    options.client,
    {
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      subject_token: requireText(options.subjectToken, 'subjectToken'),
      subject_token_type: requireText(options.subjectTokenType, 'subjectTokenType'),
      ...optional('actor_token', options.actorToken, 'actorToken'),
      ...optional('actor_token_type', options.actorTokenType, 'actorTokenType'),
      ...optional('requested_token_type', options.requestedTokenType, 'requestedTokenType'),
      ...optional('audience', options.audience, 'audience'),
      ...optional('resource', options.resource, 'resource'),
      ...(options.scope === undefined ? {} : { scope: scopeText(options.scope) }),
    },
    options.signal,
  );
}
