import type { JWK } from 'jose';

/**
 * How an application proves its identity to the token, introspection, revocation, PAR and device
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

/** The private key of `private_key_jwt`: a PKCS#8 PEM string, a private JWK, or a WebCrypto `CryptoKey`. */
export type PrivateKeyInput = string | JWK | CryptoKey;

/** The credentials of an application and how it presents them; shared by `clientCredentials` and `createAuthClient`. */
export interface ClientAuthenticationOptions {
  /**
   * The application's client id.
   * @example '6c796712-0f16-4062-815a-e0a92f4a2143'
   */
  clientId: string;
  /**
   * The application's secret, for `client_secret_basic`, `client_secret_post` and `client_secret_jwt`.
   * Never logged, serialised or put in an error.
   * @example process.env.PINGONE_CLIENT_SECRET
   */
  clientSecret?: string;
  /**
   * How the application authenticates; must match its token endpoint authentication method in PingOne.
   * @default 'client_secret_basic' with a `clientSecret`, 'private_key_jwt' with a `privateKey`, else
   * 'none' where public clients are allowed (`createAuthClient`)
   * @example 'private_key_jwt'
   */
  authMethod?: ClientAuthenticationMethod;
  /**
   * The private key for `private_key_jwt`: a PKCS#8 PEM string, a private JWK, or a WebCrypto
   * `CryptoKey` (RSASSA-PKCS1-v1_5, SHA-256). Its public half must be registered on the application.
   * @example process.env.PINGONE_PRIVATE_KEY_PEM
   */
  privateKey?: PrivateKeyInput;
  /**
   * The `kid` put in the header of `private_key_jwt` assertions.
   * @default the private JWK's `kid`, else none
   * @example 'worker-key-2026'
   */
  privateKeyId?: string;
  /**
   * The `aud` of JWT client assertions: the token endpoint (`{issuer}/token`), or the issuer itself,
   * which newer authorization servers require.
   * @default 'tokenEndpoint'
   * @example 'issuer'
   */
  assertionAudience?: 'tokenEndpoint' | 'issuer';
  /**
   * Lifetime of JWT client assertions, in seconds.
   * @default 60
   * @example 120
   */
  assertionLifetimeSeconds?: number;
}
