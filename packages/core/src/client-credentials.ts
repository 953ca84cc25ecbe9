import { basicCredentials } from './basic-credentials.js';
import { createClient } from './client.js';
import { AuthenticationError, InvalidArgumentError, MalformedResponseError, PingOneError } from './errors.js';
import { concealFromInspection } from './internal/conceal.js';
import { authUrlOf, checkBaseUrl, type Region } from './regions.js';
import { createTokenCache, type IssuedToken } from './token-cache.js';
import type { TokenProvider } from './token-provider.js';

/** How the client proves its identity at the token endpoint. */
export type ClientSecretAuthMethod = 'client_secret_basic' | 'client_secret_post';

/** Options of {@link clientCredentials}. */
export interface ClientCredentialsOptions {
  /** The environment that holds the worker application (often the administrators' environment). */
  environmentId: string;
  /** The worker application's client id. */
  clientId: string;
  /** The worker application's client secret. Never logged, serialised or put in an error. */
  clientSecret: string;
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
   * How the secret is sent: in an HTTP Basic header, or in the form body.
   * @default 'client_secret_basic'
   */
  authMethod?: ClientSecretAuthMethod;
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

function requireText(value: unknown, parameter: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidArgumentError(parameter, 'a non-empty string');
  }
  return value;
}

/**
 * Gets worker-application tokens with the OAuth client credentials grant from
 * `{authUrl}/{environmentId}/as/token`, and caches them (see token-cache.ts for the policy).
 *
 * @example
 * const token = clientCredentials({
 *   environmentId: process.env.PINGONE_ADMIN_ENVIRONMENT_ID!,
 *   clientId: process.env.PINGONE_CLIENT_ID!,
 *   clientSecret: process.env.PINGONE_CLIENT_SECRET!,
 *   region: 'EU',
 * });
 */
export function clientCredentials(options: ClientCredentialsOptions): TokenProvider {
  const environmentId = requireText(options?.environmentId, 'environmentId');
  const clientId = requireText(options.clientId, 'clientId');
  const clientSecret = requireText(options.clientSecret, 'clientSecret');
  const authMethod = options.authMethod ?? 'client_secret_basic';
  if (authMethod !== 'client_secret_basic' && authMethod !== 'client_secret_post') {
    throw new InvalidArgumentError(
      'authMethod',
      `'client_secret_basic' or 'client_secret_post', got ${String(authMethod)}`,
    );
  }
  // The token request runs on the same client as every API call: same timeouts, same error mapping, and
  // retries only where PingOne refused the POST unprocessed (429, 503).
  const http = createClient({
    baseUrl:
      options.authUrl === undefined ? authUrlOf(options.region) : checkBaseUrl(options.authUrl, 'authUrl'),
    ...(options.timeout !== undefined && { timeout: options.timeout }),
    ...(options.fetch !== undefined && { fetch: options.fetch }),
  });

  const requestToken = async (): Promise<IssuedToken> => {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (options.scope) form.set('scope', options.scope);
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (authMethod === 'client_secret_basic') {
      headers.authorization = basicCredentials(clientId, clientSecret);
    } else {
      form.set('client_id', clientId);
      form.set('client_secret', clientSecret);
    }
    let answer: { data: unknown; response: Response };
    try {
      answer = await http.post({
        url: '/{environmentId}/as/token',
        path: { environmentId },
        body: form,
        headers,
        // fetch would follow a 307 with the same body (client_secret_post puts the secret there) to any
        // host; a token endpoint never redirects, so a 3xx is answered as a refusal below.
        redirect: 'manual',
      });
    } catch (error) {
      // Every refusal of the credentials is an authentication failure, whatever 4xx status carried it;
      // a body that is not JSON is one too (and its parser message, which may quote a token, is dropped).
      if (error instanceof MalformedResponseError) {
        throw new AuthenticationError({
          ...error,
          message: 'The token endpoint answered with a body that is not valid JSON',
        });
      }
      if (error instanceof PingOneError && error.status < 500 && !(error instanceof AuthenticationError)) {
        throw new AuthenticationError({ ...error, message: error.message, response: error.response });
      }
      throw error;
    }
    const body = (answer.data ?? {}) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string' || body.access_token === '') {
      throw new AuthenticationError({
        status: answer.response.status,
        message: 'The token endpoint answered without an access_token',
        correlationId: answer.response.headers.get('correlation-id') ?? undefined,
      });
    }
    // PingOne's worker tokens live an hour; assume that when expires_in is missing.
    const expiresIn = Number(body.expires_in ?? 3600);
    return { accessToken: body.access_token, expiresIn: Number.isFinite(expiresIn) ? expiresIn : 3600 };
  };

  const provider = createTokenCache(requestToken, {
    ...(options.refreshWindowSeconds !== undefined && { refreshWindowSeconds: options.refreshWindowSeconds }),
  });
  return concealFromInspection(provider, `ClientCredentialsTokenProvider ${clientId}`);
}
