import type { ClientAuthenticator } from '../client-authentication.js';
import type { Client, RequestResult } from '../client-types.js';
import { AuthenticationError, MalformedResponseError, NotFoundError, PingOneError } from '../errors.js';

/**
 * The policy for answers of the auth server's client-authenticated endpoints (token, introspection,
 * revocation, PAR, device authorization), shared by `clientCredentials` and @pingone-sdk/auth:
 *
 * 1. A 404 means the URL is wrong (region, auth host, issuer or environment), never the credentials:
 *    it is a {@link NotFoundError} that names the URL and what to check.
 * 2. `invalid_client`, whatever status carries it, is an {@link AuthenticationError}.
 * 3. A 429 is a {@link RateLimitError} with its `retryAfter`: it says nothing about the credentials.
 *    Where the client alone is at stake (the client credentials grant), every other 4xx refusal is an
 *    {@link AuthenticationError} too; a user grant keeps its status class (`invalid_grant` is a
 *    `BadRequestError`), so callers can tell a bad code from bad credentials.
 * 4. A body that is not JSON is an {@link AuthenticationError} without the parser's message, which may
 *    quote part of a token.
 * 5. OAuth's `error` and `error_description` stay on the error; 5xx and transport failures pass unchanged.
 */
export function tokenEndpointError(error: unknown, url: string, clientOnly: boolean): unknown {
  if (error instanceof MalformedResponseError) {
    return new AuthenticationError({
      status: error.status,
      message: 'The token endpoint answered with a body that is not valid JSON',
      correlationId: error.correlationId,
      response: error.response,
    });
  }
  if (!(error instanceof PingOneError) || error.status >= 500) return error;
  const init = { ...error, message: error.message, response: error.response };
  if (error.status === 404) {
    return new NotFoundError({
      ...init,
      message: `Nothing answers at ${url} (404): check region, authUrl or issuer, and environmentId`,
    });
  }
  if (error instanceof AuthenticationError || error.status === 429) return error;
  if (error.error === 'invalid_client' || clientOnly) return new AuthenticationError(init);
  return error;
}

/** One form POST to a client-authenticated auth endpoint. */
export interface AuthenticatedFormPost {
  /** The endpoint's absolute URL, e.g. `{issuer}/token`. */
  url: string;
  /** Form fields; undefined ones are left out. */
  fields: Record<string, string | undefined>;
  authenticator: ClientAuthenticator;
  /** Every refusal is the client's (rule 3 above). @default false */
  clientOnly?: boolean;
  signal?: AbortSignal | undefined;
}

/** Sends the form with the client's authentication, and maps failures by the policy above. */
export async function postAuthenticatedForm(
  http: Client,
  request: AuthenticatedFormPost,
): Promise<RequestResult<unknown>> {
  const authentication = await request.authenticator.authenticate();
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...request.fields, ...authentication.fields })) {
    if (value !== undefined) body.set(name, value);
  }
  try {
    return await http.post({
      url: request.url,
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...authentication.headers },
      signal: request.signal,
    });
  } catch (error) {
    throw tokenEndpointError(error, request.url, request.clientOnly ?? false);
  }
}
