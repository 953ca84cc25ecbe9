import { createClient } from './client.js';
import { createClientAuthenticator } from './client-authentication.js';
import type { ClientAuthenticationOptions } from './client-authentication-options.js';
import { AuthenticationError } from './errors.js';
import { concealFromInspection } from './internal/conceal.js';
import { refuseRedirectsWithBody } from './internal/refuse-redirects.js';
import { postAuthenticatedForm } from './internal/token-endpoint-request.js';
import { optionalText } from './internal/validate.js';
import { issuerOf, type Region } from './regions.js';
import { createTokenCache, type IssuedToken } from './token-cache.js';
import type { TokenProvider } from './token-provider.js';

/** The secret-based methods; `authMethod` also takes `client_secret_jwt` and `private_key_jwt`. */
export type ClientSecretAuthMethod = 'client_secret_basic' | 'client_secret_post';

/** Options of {@link clientCredentials}. */
export interface ClientCredentialsOptions extends ClientAuthenticationOptions {
  /**
   * The environment that holds the worker application (often the administrators' environment).
   * Not needed with `issuer`.
   * @example process.env.PINGONE_ADMIN_ENVIRONMENT_ID
   */
  environmentId?: string;
  /**
   * The region of the auth server.
   * @default 'NA'
   */
  region?: Region;
  /**
   * Auth server origin, overriding `region`, e.g. the emulator's `authUrl`.
   * @example 'http://127.0.0.1:4000'
   */
  authUrl?: string;
  /**
   * The issuer of the environment's tokens, for a custom domain; every endpoint follows from it
   * (`{issuer}/token`). Replaces `region`, `authUrl` and the environment in the URL.
   * @default `{authUrl}/{environmentId}/as`
   * @example 'https://auth.example.com/as'
   */
  issuer?: string;
  /** Space-separated scopes to ask for; worker apps usually need none. */
  scope?: string;
  /**
   * Seconds before expiry at which a cached token is replaced.
   * @default 60
   */
  refreshWindowSeconds?: number;
  /**
   * Limit for one token request, in milliseconds.
   * @default 30000
   */
  timeout?: number;
  /** A fetch implementation to use instead of the global one. */
  fetch?: typeof globalThis.fetch;
}

/**
 * Gets worker-application tokens with the OAuth client credentials grant from `{issuer}/token`
 * (`{authUrl}/{environmentId}/as/token` unless a custom-domain `issuer` is given), with any client
 * authentication method, and caches them (see token-cache.ts for the policy).
 *
 * @example
 * const token = clientCredentials({
 *   environmentId: process.env.PINGONE_ADMIN_ENVIRONMENT_ID!,
 *   clientId: process.env.PINGONE_CLIENT_ID!,
 *   clientSecret: process.env.PINGONE_CLIENT_SECRET!,
 *   region: 'EU',
 * });
 * @example
 * // A worker that signs its requests with a private key, behind a custom domain:
 * const token = clientCredentials({
 *   issuer: 'https://auth.example.com/as',
 *   clientId: process.env.PINGONE_CLIENT_ID!,
 *   privateKey: process.env.PINGONE_PRIVATE_KEY_PEM!,
 *   privateKeyId: 'worker-key-1',
 * });
 */
export function clientCredentials(options: ClientCredentialsOptions): TokenProvider {
  const issuer = issuerOf(options ?? {});
  const authenticator = createClientAuthenticator(options, { issuer, allowNone: false });
  const scope = optionalText(options.scope, 'scope');
  // The token request runs on the same client as every API call: same timeouts, same error mapping, and
  // retries only where PingOne refused the POST unprocessed (429, 503).
  const http = createClient({
    baseUrl: new URL(issuer).origin,
    timeout: options.timeout,
    // client_secret_post and the JWT methods put credentials in the body, which fetch would resend to
    // wherever a 307 points: a redirect is answered as the refusal it is (internal/refuse-redirects.ts).
    fetch: refuseRedirectsWithBody(options.fetch),
  });
  const tokenEndpoint = `${issuer}/token`;

  const requestToken = async (): Promise<IssuedToken> => {
    const { data, response } = await postAuthenticatedForm(http, {
      url: tokenEndpoint,
      fields: { grant_type: 'client_credentials', scope },
      authenticator,
      clientOnly: true,
    });
    const body = (data ?? {}) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string' || body.access_token === '') {
      throw new AuthenticationError({
        status: response.status,
        message: 'The token endpoint answered without an access_token',
        correlationId: response.headers.get('correlation-id') ?? undefined,
      });
    }
    // PingOne's worker tokens live an hour; assume that when expires_in is missing.
    const expiresIn = Number(body.expires_in ?? 3600);
    return { accessToken: body.access_token, expiresIn: Number.isFinite(expiresIn) ? expiresIn : 3600 };
  };

  const provider = createTokenCache(requestToken, { refreshWindowSeconds: options.refreshWindowSeconds });
  return concealFromInspection(provider, `ClientCredentialsTokenProvider ${options.clientId}`);
}
