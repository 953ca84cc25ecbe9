import { randomBytes } from 'node:crypto';
import type { Reply } from '../http/reply.js';
import type { AuthContext } from './auth-host.js';
import { authenticateAnyClient } from './client-authentication.js';
import { flowStateOf } from './flow-state.js';
import { oauthError } from './oauth-error.js';

const clientFields = ['client_secret', 'client_assertion', 'client_assertion_type'];

/**
 * `POST /{environmentId}/as/par` (RFC 9126): stores the authenticated client's authorization request
 * for `parTimeout` seconds (PingOne's default 60) and answers 201 with its `request_uri`.
 */
export async function pushedAuthorizationEndpoint(context: AuthContext): Promise<Reply> {
  const authenticated = await authenticateAnyClient(context);
  if ('status' in authenticated) return authenticated;
  if (context.parameters.has('request_uri'))
    return oauthError(400, 'invalid_request', 'request_uri cannot be pushed.');
  const parameters = new URLSearchParams(context.parameters);
  for (const field of clientFields) parameters.delete(field);
  parameters.set('client_id', authenticated.client.clientId);
  const requestUri = `urn:ietf:params:oauth:request_uri:${randomBytes(24).toString('base64url')}`;
  const lifetime = authenticated.settings.parTimeout;
  flowStateOf(context.services.store).pushed.set(requestUri, {
    clientId: authenticated.client.clientId,
    parameters,
    expiresAt: Date.now() + lifetime * 1000,
  });
  return {
    status: 201,
    headers: { 'Cache-Control': 'no-store' },
    body: { request_uri: requestUri, expires_in: lifetime },
  };
}
