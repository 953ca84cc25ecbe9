import type { AuthorizationRequest } from './authorization-request.js';
import { authorizationParameters } from './internal/authorization-parameters.js';

/** Options of {@link buildAuthorizeUrl}: the authorization request's parameters. */
export type BuildAuthorizeUrlOptions = AuthorizationRequest;

/**
 * Builds the URL of the environment's authorize endpoint to send the user's browser to. Nothing is
 * sent; the function only checks and encodes the parameters.
 *
 * @example
 * const pkce = await createPkce();
 * const state = crypto.randomUUID();
 * const url = buildAuthorizeUrl({
 *   client,
 *   redirectUri: 'https://app.example.com/callback',
 *   scope: 'openid profile',
 *   state,
 *   codeChallenge: pkce.challenge,
 * });
 * response.redirect(url);
 */
export function buildAuthorizeUrl(options: BuildAuthorizeUrlOptions): string {
  const url = new URL(options.client.endpoints.authorize);
  for (const [name, value] of authorizationParameters(options)) url.searchParams.append(name, value);
  return url.href;
}
