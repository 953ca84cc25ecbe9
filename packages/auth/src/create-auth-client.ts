import {
  authUrlOf,
  type ClientAuthenticationOptions,
  createClient,
  InvalidArgumentError,
  type Region,
  type RetryOptions,
} from '@pingone-sdk/core';
import {
  createClientAuthenticator,
  issuerOf,
  refuseRedirectsWithBody,
  requireSeconds,
} from '@pingone-sdk/core/internal';
import type { AuthClient, AuthEndpoints } from './auth-client.js';
import { registerInternals } from './internal/auth-client-internals.js';

/** Options of {@link createAuthClient}. */
export interface AuthClientOptions extends ClientAuthenticationOptions {
  /**
   * The PingOne region of the auth host, `https://auth.pingone.{tld}`.
   * @default 'NA'
   */
  region?: Region;
  /**
   * Auth host origin overriding `region`, e.g. the emulator's `authUrl`.
   * Plain `http://` is accepted only for loopback hosts.
   * @example 'http://127.0.0.1:4001'
   */
  authUrl?: string;
  /**
   * The issuer of the environment's tokens, for a custom domain: every endpoint follows from it
   * (`{issuer}/token`, `{issuer}/jwks`, …) and verified tokens must carry it as `iss`. Replaces
   * `region`, `authUrl` and the environment in the URL.
   * @default `{authUrl}/{environmentId}/as`
   * @example 'https://auth.example.com/as'
   */
  issuer?: string;
  /**
   * The environment the application lives in. Not needed with `issuer`.
   * @example '5caa81af-ec05-41ff-a709-c7378007a99c'
   */
  environmentId?: string;
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
  const issuer = issuerOf(options);
  const now = options.now ?? Date.now;
  const authenticator = createClientAuthenticator(options, { issuer, allowNone: true, now });
  const clockTolerance = requireSeconds(options.clockToleranceSeconds, 'clockToleranceSeconds', 30);
  const jwksCooldown = requireSeconds(options.jwksCooldownSeconds, 'jwksCooldownSeconds', 30);
  const jwksMaxAge = requireSeconds(options.jwksMaxAgeSeconds, 'jwksMaxAgeSeconds', 600);

  // On PingOne's hosts the client's base URL is the auth origin, so that the generated operations'
  // `/{environmentId}/as/…` paths resolve; on a custom domain it is the issuer's origin, and every
  // function of this package addresses the endpoints below directly.
  const authUrl =
    options.issuer !== undefined
      ? new URL(issuer).origin
      : options.authUrl === undefined
        ? authUrlOf(options.region)
        : options.authUrl;
  const http = createClient({
    baseUrl: authUrl,
    ...(options.environmentId !== undefined && { environmentId: options.environmentId }),
    ...(options.retry !== undefined && { retry: options.retry }),
    ...(options.timeout !== undefined && { timeout: options.timeout }),
    ...(options.headers !== undefined && { headers: options.headers }),
    fetch: refuseRedirectsWithBody(options.fetch),
  });

  const client: AuthClient = Object.freeze({
    environmentId: options.environmentId,
    clientId: options.clientId,
    authMethod: authenticator.method,
    authUrl: http.config.baseUrl,
    issuer,
    endpoints: Object.freeze(endpointsOf(issuer)),
    http,
  });
  registerInternals(client, {
    authenticator,
    fetch: options.fetch,
    headers: options.headers,
    timeoutMilliseconds: options.timeout ?? 30_000,
    jwksCooldownMilliseconds: jwksCooldown * 1000,
    jwksMaxAgeMilliseconds: jwksMaxAge * 1000,
    clockToleranceSeconds: clockTolerance,
    now,
  });
  return client;
}
