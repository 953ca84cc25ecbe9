import { requireText, requireUrl } from '@pingone-sdk/core/internal';
import type { AuthClient } from './auth-client.js';
import { requestTokens } from './internal/request-tokens.js';
import type { TokenSet } from './token-set.js';

/** Options of {@link exchangeAuthorizationCode}. */
export interface ExchangeAuthorizationCodeOptions {
  /** The auth client of the application. */
  client: AuthClient;
  /** The `code` query parameter of the callback. Check `state` before exchanging it. */
  code: string;
  /**
   * The same redirect URI the authorize request named.
   * @example 'https://app.example.com/callback'
   */
  redirectUri: string;
  /**
   * The PKCE verifier whose challenge the authorize request carried.
   * @default none (only for applications that do not use PKCE)
   */
  codeVerifier?: string;
  /** Cancels the request. */
  signal?: AbortSignal;
}

/**
 * Exchanges an authorization code for tokens (the second half of the authorization code flow).
 * Refusals throw the core's `PingOneError` subclasses with the OAuth `error`, e.g. `invalid_grant` for
 * a used, expired or mismatched code.
 *
 * @example
 * const tokens = await exchangeAuthorizationCode({
 *   client, code: url.searchParams.get('code')!, redirectUri, codeVerifier: session.verifier,
 * });
 * const idClaims = await verifyIdToken({ client, token: tokens.idToken!, nonce: session.nonce });
 */
export function exchangeAuthorizationCode(options: ExchangeAuthorizationCodeOptions): Promise<TokenSet> {
  return requestTokens(
    options.client,
    {
      grant_type: 'authorization_code',
      code: requireText(options.code, 'code'),
      redirect_uri: requireUrl(options.redirectUri, 'redirectUri'),
      ...(options.codeVerifier === undefined
        ? {}
        : { code_verifier: requireText(options.codeVerifier, 'codeVerifier') }),
    },
    options.signal,
  );
}
