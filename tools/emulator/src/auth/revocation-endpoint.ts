import type { Reply } from '../http/reply.js';
import { activeAccessToken } from './access-token-check.js';
import type { AuthContext } from './auth-host.js';
import { authenticateAnyClient } from './client-authentication.js';
import { flowStateOf } from './flow-state.js';
import { oauthError } from './oauth-error.js';

/**
 * `POST /{environmentId}/as/revoke` (RFC 7009): revokes an access token (by its `jti`) or a refresh
 * token issued to the calling client. Unknown tokens succeed too; another client's token is left alone.
 */
export async function revocationEndpoint(context: AuthContext): Promise<Reply> {
  const authenticated = await authenticateAnyClient(context);
  if ('status' in authenticated) return authenticated;
  const token = context.parameters.get('token');
  if (!token) return oauthError(400, 'invalid_request', 'token is required.');
  const state = flowStateOf(context.services.store);
  const clientId = authenticated.client.clientId;
  const refresh = state.refreshTokens.get(token);
  if (refresh?.clientId === clientId) state.refreshTokens.delete(token);
  const claims = await activeAccessToken(context, token);
  if (claims && claims.client_id === clientId) state.revokedAccessTokens.add(claims.jti as string);
  return { status: 200, headers: { 'Cache-Control': 'no-store' } };
}
