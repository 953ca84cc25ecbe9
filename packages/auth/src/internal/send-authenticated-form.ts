import type { RequestResult } from '@pingone-sdk/core';
import { postAuthenticatedForm } from '@pingone-sdk/core/internal';
import type { AuthClient } from '../auth-client.js';
import { internalsOf } from './auth-client-internals.js';

/**
 * Posts a form to one of the client's endpoints (token, introspection, revocation, PAR, device
 * authorization), authenticated as the application. The authentication and the error policy are
 * core's, the same `clientCredentials` uses.
 */
export function sendAuthenticatedForm(
  client: AuthClient,
  url: string,
  fields: Record<string, string | undefined>,
  signal: AbortSignal | undefined,
  clientOnly = false,
): Promise<RequestResult<unknown>> {
  return postAuthenticatedForm(client.http, {
    url,
    fields,
    authenticator: internalsOf(client).authenticator,
    clientOnly,
    signal,
  });
}
