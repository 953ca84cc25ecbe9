import { AuthenticationError, ConnectionError, InvalidArgumentError, TimeoutError } from './errors.js';
import { concealFromInspection } from './internal/conceal.js';
import { errorFromResponse } from './internal/error-from-response.js';
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

/** RFC 6749 §2.3.1: Basic credentials are the form-encoded id and secret. */
function basicCredentials(clientId: string, clientSecret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  const pair = `${encode(clientId)}:${encode(clientSecret)}`;
  const bytes = new TextEncoder().encode(pair);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
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
  const authOrigin = options.authUrl ? checkBaseUrl(options.authUrl, 'authUrl') : authUrlOf(options.region);
  const tokenUrl = `${authOrigin}/${encodeURIComponent(environmentId)}/as/token`;
  const timeout = options.timeout ?? 30_000;
  const fetchImplementation = options.fetch ?? globalThis.fetch;

  const requestToken = async (): Promise<IssuedToken> => {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (options.scope) form.set('scope', options.scope);
    const headers: Record<string, string> = {
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
    };
    if (authMethod === 'client_secret_basic') {
      headers.Authorization = basicCredentials(clientId, clientSecret);
    } else {
      form.set('client_id', clientId);
      form.set('client_secret', clientSecret);
    }
    let response: Response;
    try {
      response = await fetchImplementation(tokenUrl, {
        method: 'POST',
        headers,
        body: form,
        signal: AbortSignal.timeout(timeout),
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError') {
        throw new TimeoutError(`The token request to ${tokenUrl} took longer than ${timeout} ms`, timeout);
      }
      throw new ConnectionError(`The token request to ${tokenUrl} failed: ${(error as Error).message}`);
    }
    if (!response.ok) {
      const error = await errorFromResponse(response);
      // Every refusal of the credentials is an authentication failure, whatever 4xx status carried it.
      if (response.status >= 500 || error instanceof AuthenticationError) throw error;
      throw new AuthenticationError({ ...error, message: error.message, response });
    }
    let body: { access_token?: unknown; expires_in?: unknown };
    try {
      body = ((await response.json()) ?? {}) as typeof body;
    } catch {
      // No cause attached: a parser's message may quote the body, and this body holds a token.
      throw new AuthenticationError({
        status: response.status,
        message: `The token endpoint ${tokenUrl} answered with a body that is not valid JSON`,
        correlationId: response.headers.get('correlation-id') ?? undefined,
        response,
      });
    }
    if (typeof body.access_token !== 'string' || body.access_token === '') {
      throw new AuthenticationError({
        status: response.status,
        message: `The token endpoint ${tokenUrl} answered without an access_token`,
        correlationId: response.headers.get('correlation-id') ?? undefined,
      });
    }
    // PingOne's worker tokens live an hour; assume that when expires_in is missing.
    const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : Number(body.expires_in ?? 3600);
    return { accessToken: body.access_token, expiresIn: Number.isFinite(expiresIn) ? expiresIn : 3600 };
  };

  const provider = createTokenCache(requestToken, {
    ...(options.refreshWindowSeconds !== undefined && { refreshWindowSeconds: options.refreshWindowSeconds }),
  });
  return concealFromInspection(provider, `ClientCredentialsTokenProvider ${clientId}`);
}
