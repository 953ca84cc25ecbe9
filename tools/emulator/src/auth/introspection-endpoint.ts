import type { Reply } from '../http/reply.js';
import { activeAccessToken } from './access-token-check.js';
import type { AuthContext } from './auth-host.js';
import { authenticateAnyClient } from './client-authentication.js';
import { flowStateOf } from './flow-state.js';
import { oauthError } from './oauth-error.js';

/**
 * `POST /{environmentId}/as/introspect` (RFC 7662): an authenticated client learns whether an access
 * token (unexpired, not revoked, issued here) or a refresh token (current, not rotated away) is active.
 * Anything else is `{ "active": false }`.
 */
export async function introspectionEndpoint(context: AuthContext): Promise<Reply> {
  const authenticated = await authenticateAnyClient(context);
  if ('status' in authenticated) return authenticated;
  const token = context.parameters.get('token');
  if (!token) return oauthError(400, 'invalid_request', 'token is required.');
  const headers = { 'Cache-Control': 'no-store' };
  const claims = await activeAccessToken(context, token);
  if (claims) return { status: 200, headers, body: { active: true, token_type: 'Bearer', ...claims } };
  const refresh = flowStateOf(context.services.store).refreshTokens.get(token);
  if (refresh && refresh.expiresAt > Date.now() && refresh.environmentId === context.environmentId) {
    return {
      status: 200,
      headers,
      body: {
        active: true,
        token_type: 'refresh_token',
        client_id: refresh.clientId,
        sub: refresh.userId,
        scope: refresh.scope,
        exp: Math.floor(refresh.expiresAt / 1000),
        iss: context.issuer,
      },
    };
  }
  return { status: 200, headers, body: { active: false } };
}
