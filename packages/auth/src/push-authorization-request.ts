import type { AuthorizationRequest } from './authorization-request.js';
import type { PushedAuthorizationResponse } from './generated/types.gen.js';
import { authorizationParameters } from './internal/authorization-parameters.js';
import { sendAuthenticatedForm } from './internal/send-authenticated-form.js';

/** Options of {@link pushAuthorizationRequest}: the authorization request, and a signal. */
export interface PushAuthorizationRequestOptions extends AuthorizationRequest {
  /** Cancels the request. */
  signal?: AbortSignal;
}

/** A pushed authorization request, ready to be used in the browser. */
export interface PushedAuthorization {
  /** The reference to send as `request_uri`. */
  requestUri: string;
  /** Seconds the reference stays usable. */
  expiresIn: number;
  /** The authorize URL carrying only `client_id` and `request_uri`: send the browser here. */
  authorizeUrl: string;
}

/**
 * Pushes an authorization request to the server (PAR, RFC 9126), authenticated as the client, so that
 * its parameters never travel through the browser; returns the short authorize URL that refers to it.
 *
 * @example
 * const { authorizeUrl } = await pushAuthorizationRequest({
 *   client, redirectUri, scope: 'openid', state, codeChallenge: pkce.challenge,
 * });
 * response.redirect(authorizeUrl);
 */
export async function pushAuthorizationRequest(
  options: PushAuthorizationRequestOptions,
): Promise<PushedAuthorization> {
  const { client, signal } = options;
  const parameters = authorizationParameters(options);
  const { data } = await sendAuthenticatedForm(
    client,
    client.endpoints.pushedAuthorization,
    Object.fromEntries(parameters),
    signal,
  );
  const answer = data as PushedAuthorizationResponse;
  const url = new URL(client.endpoints.authorize);
  url.searchParams.set('client_id', client.clientId);
  url.searchParams.set('request_uri', answer.request_uri);
  return { requestUri: answer.request_uri, expiresIn: answer.expires_in, authorizeUrl: url.href };
}
