/**
 * How the application proves its identity to the token, introspection, revocation, PAR and device
 * authorization endpoints (PingOne's `tokenEndpointAuthMethod`):
 *
 * - `client_secret_basic`: id and secret in an HTTP Basic header.
 * - `client_secret_post`: id and secret as form fields.
 * - `client_secret_jwt`: a short-lived JWT signed HS256 with the secret.
 * - `private_key_jwt`: a short-lived JWT signed RS256 with the application's private key.
 * - `none`: a public client (a browser or native app with PKCE); only `client_id` is sent.
 */
export type ClientAuthenticationMethod =
  | 'client_secret_basic'
  | 'client_secret_post'
  | 'client_secret_jwt'
  | 'private_key_jwt'
  | 'none';

export const clientAuthenticationMethods: readonly ClientAuthenticationMethod[] = [
  'client_secret_basic',
  'client_secret_post',
  'client_secret_jwt',
  'private_key_jwt',
  'none',
];
