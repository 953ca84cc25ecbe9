import { requireText, requireUrl } from '@pingone-sdk/core/internal';
import type { AuthClient } from './auth-client.js';

/** Options of {@link buildSignOffUrl}. */
export interface BuildSignOffUrlOptions {
  /** The auth client of the application. */
  client: AuthClient;
  /**
   * An ID token issued to the application, naming the session to end.
   * @default none
   */
  idTokenHint?: string;
  /**
   * Where to send the browser afterwards; must be registered on the application.
   * @default none (PingOne shows its own page)
   * @example 'https://app.example.com/signed-out'
   */
  postLogoutRedirectUri?: string;
  /**
   * A value passed back to `postLogoutRedirectUri`.
   * @default none
   */
  state?: string;
}

/**
 * Builds the sign-off URL that ends the user's PingOne session; send the browser there.
 *
 * @example
 * response.redirect(buildSignOffUrl({ client, idTokenHint: session.idToken, postLogoutRedirectUri }));
 */
export function buildSignOffUrl(options: BuildSignOffUrlOptions): string {
  const url = new URL(options.client.endpoints.signOff);
  if (options.idTokenHint !== undefined)
    url.searchParams.set('id_token_hint', requireText(options.idTokenHint, 'idTokenHint'));
  if (options.postLogoutRedirectUri !== undefined) {
    url.searchParams.set(
      'post_logout_redirect_uri',
      requireUrl(options.postLogoutRedirectUri, 'postLogoutRedirectUri'),
    );
  }
  if (options.state !== undefined) url.searchParams.set('state', requireText(options.state, 'state'));
  return url.href;
}
