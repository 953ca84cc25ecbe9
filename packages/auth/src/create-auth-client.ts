import {
  authUrlOf,
  createClient,
  InvalidArgumentError,
  type Region,
  type RetryOptions,
} from '@pingone-sdk/core';
import { basicCredentials } from '@pingone-sdk/core/internal';
import type { JWK } from 'jose';
import type { AuthClient, AuthEndpoints } from './auth-client.js';
import {
  type ClientAuthenticationMethod,
  clientAuthenticationMethods,
} from './client-authentication-method.js';
import { type ClientAuthentication, registerInternals } from './internal/auth-client-internals.js';

/** Options of {@link createAuthClient}. */
export interface AuthClientOptions {
  /**
   * The PingOne region of the auth host, `https://auth.pingone.{tld}`.
   * @default 'NA'
   */
  region?: Region;
  /**
   * Auth host origin overriding `region`, e.g. the emulator's `authUrl` or a custom domain.
   * Plain `http://` is accepted only for loopback hosts.
   * @example 'http://127.0.0.1:4001'
   */
  authUrl?: string;
  /**
   * The environment the application lives in.
   * @example '5caa81af-ec05-41ff-a709-c7378007a99c'
   */
  environmentId: string;
  /**
   * The application's client id.
   * @example '6c796712-0f16-4062-815a-e0a92f4a2143'
   */
  clientId: string;
  /**
   * The application's secret, for `client_secret_basic`, `client_secret_post` and `client_secret_jwt`.
   * Never logged, serialised or put in an error.
   */
  clientSecret?: string;
  /**
   * How the application authenticates; must match the application's token endpoint authentication
   * method in PingOne.
   * @default 'client_secret_basic' with a `clientSecret`, 'private_key_jwt' with a `privateKey`, else 'none'
   * @example 'private_key_jwt'
   */
  authMethod?: ClientAuthenticationMethod;
  /**
   * The private key for `private_key_jwt`: a PKCS#8 PEM string, a private JWK, or a WebCrypto
   * `CryptoKey` (RSASSA-PKCS1-v1_5, SHA-256). Its public half must be registered on the application.
   * @example process.env.PINGONE_PRIVATE_KEY_PEM
   */
  privateKey?: string | JWK | CryptoKey;
  /**
   * The `kid` put in the header of `private_key_jwt` assertions.
   * @default the private JWK's `kid`, else none
   */
  privateKeyId?: string;
  /**
   * Lifetime of JWT client assertions, in seconds.
   * @default 60
   */
  assertionLifetimeSeconds?: number;
  /**
   * Leeway for `exp`, `nbf` and `auth_time` checks when verifying tokens, in seconds.
   * @default 30
   */
  clockToleranceSeconds?: number;
  /**
   * Least time between two refetches of the signing keys caused by an unknown `kid`, in seconds.
   * @default 30
   */
  jwksCooldownSeconds?: number;
  /**
   * Age after which the signing keys are fetched again before use, in seconds.
   * @default 600
   */
  jwksMaxAgeSeconds?: number;
  /**
   * Retry policy of requests to the auth host, or `false` for one attempt.
   * @default { limit: 2 }
   */
  retry?: RetryOptions | false;
  /**
   * Limit for one attempt, in milliseconds.
   * @default 30000
   */
  timeout?: number;
  /** Headers added to every request to the auth host. */
  headers?: Record<string, string>;
  /** A fetch implementation to use instead of the global one. */
  fetch?: typeof globalThis.fetch;
  /**
   * Clock, replaceable in tests, in milliseconds since the epoch.
   * @default Date.now
   */
  now?: () => number;
}

function requireText(value: unknown, parameter: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new InvalidArgumentError(parameter, 'a non-empty string');
  return value;
}

function requireSeconds(value: number | undefined, parameter: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0)
    throw new InvalidArgumentError(parameter, 'a number of seconds ≥ 0');
  return value;
}

function endpointsOf(issuer: string): AuthEndpoints {
  return {
    authorize: `${issuer}/authorize`,
    token: `${issuer}/token`,
    pushedAuthorization: `${issuer}/par`,
    deviceAuthorization: `${issuer}/device_authorization`,
    backchannelAuthentication: `${issuer}/cibaAuthorization`,
    introspection: `${issuer}/introspect`,
    revocation: `${issuer}/revoke`,
    userInfo: `${issuer}/userinfo`,
    jwks: `${issuer}/jwks`,
    signOff: `${issuer}/signoff`,
    openIdConfiguration: `${issuer}/.well-known/openid-configuration`,
  };
}

/**
 * Creates the client every function of @pingone-sdk/auth takes as `client`: it knows the environment's
 * authorization server, authenticates the application with the chosen method, and caches the
 * signing keys that token verification needs.
 *
 * @example
 * import { createAuthClient } from '@pingone-sdk/auth';
 *
 * const client = createAuthClient({
 *   region: 'EU',
 *   environmentId: process.env.PINGONE_ENVIRONMENT_ID!,
 *   clientId: process.env.PINGONE_CLIENT_ID!,
 *   clientSecret: process.env.PINGONE_CLIENT_SECRET,
 * });
 */
export function createAuthClient(options: AuthClientOptions): AuthClient {
  if (!options || typeof options !== 'object') throw new InvalidArgumentError('options', 'an options object');
  const environmentId = requireText(options.environmentId, 'environmentId');
  const clientId = requireText(options.clientId, 'clientId');
  if (options.clientSecret !== undefined) requireText(options.clientSecret, 'clientSecret');
  const authMethod: ClientAuthenticationMethod =
    options.authMethod ??
    (options.clientSecret !== undefined
      ? 'client_secret_basic'
      : options.privateKey !== undefined
        ? 'private_key_jwt'
        : 'none');
  if (!clientAuthenticationMethods.includes(authMethod)) {
    throw new InvalidArgumentError(
      'authMethod',
      `one of ${clientAuthenticationMethods.join(', ')}, got ${String(authMethod)}`,
    );
  }
  const needsSecret =
    authMethod === 'client_secret_basic' ||
    authMethod === 'client_secret_post' ||
    authMethod === 'client_secret_jwt';
  if (needsSecret && options.clientSecret === undefined) {
    throw new InvalidArgumentError('clientSecret', `the application's secret (required by ${authMethod})`);
  }
  if (authMethod === 'private_key_jwt' && (options.privateKey === undefined || options.privateKey === null)) {
    throw new InvalidArgumentError(
      'privateKey',
      'a PKCS#8 PEM string, a private JWK or a CryptoKey (required by private_key_jwt)',
    );
  }
  const assertionLifetime = requireSeconds(options.assertionLifetimeSeconds, 'assertionLifetimeSeconds', 60);
  const clockTolerance = requireSeconds(options.clockToleranceSeconds, 'clockToleranceSeconds', 30);
  const jwksCooldown = requireSeconds(options.jwksCooldownSeconds, 'jwksCooldownSeconds', 30);
  const jwksMaxAge = requireSeconds(options.jwksMaxAgeSeconds, 'jwksMaxAgeSeconds', 600);
  const now = options.now ?? Date.now;

  const authOrigin = options.authUrl === undefined ? authUrlOf(options.region) : options.authUrl;
  const http = createClient({
    baseUrl: authOrigin,
    environmentId,
    ...(options.retry !== undefined && { retry: options.retry }),
    ...(options.timeout !== undefined && { timeout: options.timeout }),
    ...(options.headers !== undefined && { headers: options.headers }),
    ...(options.fetch !== undefined && { fetch: options.fetch }),
  });
  const authUrl = http.config.baseUrl;
  const issuer = `${authUrl}/${encodeURIComponent(environmentId)}/as`;
  const endpoints = Object.freeze(endpointsOf(issuer));
  const clientSecret = options.clientSecret ?? '';
  let assertionAuthentication: Promise<() => Promise<ClientAuthentication>> | undefined;
  const authenticateWithAssertion = async (method: 'client_secret_jwt' | 'private_key_jwt') => {
    // Loaded on first use: a client that authenticates with a secret, or not at all, never loads jose's signer.
    assertionAuthentication ??= import('./internal/jwt-client-authentication.js').then((module) =>
      module.createAssertionAuthentication(options, {
        method,
        clientId,
        tokenEndpoint: endpoints.token,
        lifetimeSeconds: assertionLifetime,
        now,
      }),
    );
    return (await assertionAuthentication)();
  };

  const client: AuthClient = Object.freeze({
    environmentId,
    clientId,
    authMethod,
    authUrl,
    issuer,
    endpoints,
    http,
  });
  registerInternals(client, {
    async authenticate(): Promise<ClientAuthentication> {
      switch (authMethod) {
        case 'client_secret_basic':
          return { headers: { Authorization: basicCredentials(clientId, clientSecret) }, fields: {} };
        case 'client_secret_post':
          return { headers: {}, fields: { client_id: clientId, client_secret: clientSecret } };
        case 'none':
          return { headers: {}, fields: { client_id: clientId } };
        default:
          return authenticateWithAssertion(authMethod);
      }
    },
    jwksCooldownMilliseconds: jwksCooldown * 1000,
    jwksMaxAgeMilliseconds: jwksMaxAge * 1000,
    clockToleranceSeconds: clockTolerance,
    now,
  });
  return client;
}
