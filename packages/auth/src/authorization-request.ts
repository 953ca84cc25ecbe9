import type { AuthClient } from './auth-client.js';

/** The parameters of an authorization request, shared by `buildAuthorizeUrl` and `pushAuthorizationRequest`. */
export interface AuthorizationRequest {
  /** The auth client of the application. */
  client: AuthClient;
  /**
   * Where the browser comes back to; one of the application's registered redirect URIs.
   * @example 'https://app.example.com/callback'
   */
  redirectUri: string;
  /**
   * Scopes to ask for, as a space-separated string or a list; `openid` asks for an ID token.
   * @example ['openid', 'profile', 'email']
   */
  scope: string | readonly string[];
  /**
   * An unguessable value to check when the browser comes back (CSRF protection). Store it in the
   * user's session before redirecting.
   * @default none
   * @example crypto.randomUUID()
   */
  state?: string;
  /**
   * A value the ID token will carry as `nonce`; check it with `verifyIdToken({ nonce })`.
   * @default none
   */
  nonce?: string;
  /**
   * The PKCE challenge from `createPkce()`. Strongly recommended for every client, required for public ones.
   * @default none
   */
  codeChallenge?: string;
  /**
   * How the challenge was made; `createPkce` always uses `S256`.
   * @default 'S256' when `codeChallenge` is given
   */
  codeChallengeMethod?: 'S256' | 'plain';
  /**
   * What the application wants back.
   * @default 'code'
   * @example 'code'
   */
  responseType?: string;
  /**
   * How the answer is delivered: `query`, `fragment`, `form_post`, or `pi.flow` for a custom sign-on UI.
   * @default the server's default for the response type
   */
  responseMode?: string;
  /**
   * `login` to force the user to sign on again, `none` to fail instead of showing a page, `consent`.
   * @default none
   */
  prompt?: string;
  /**
   * A username to prefill on the sign-on page.
   * @default none
   */
  loginHint?: string;
  /**
   * The largest acceptable age of the user's last sign-on, in seconds; check it with `verifyIdToken({ maxAge })`.
   * @default none
   */
  maxAge?: number;
  /**
   * Sign-on policy names to run, as a space-separated string or a list.
   * @default the application's policies
   */
  acrValues?: string | readonly string[];
  /**
   * Any other parameters to add, e.g. `{ ui_locales: 'fr' }`. They cannot replace the ones above.
   * @default none
   */
  extraParams?: Record<string, string>;
}
