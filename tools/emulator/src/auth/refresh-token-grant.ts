import type { Reply } from '../http/reply.js';
import type { AuthContext } from './auth-host.js';
import type { AuthenticatedClient } from './client-authentication.js';
import { flowStateOf } from './flow-state.js';
import { oauthError } from './oauth-error.js';
import { issueUserTokens } from './user-tokens.js';

/**
 * `grant_type=refresh_token` with rotation: the presented refresh token is consumed and the answer
 * carries a new one, so a refresh token works once. A narrower `scope` may be asked for; a wider one is
 * refused with `invalid_scope`.
 */
export async function refreshTokenGrant(
  context: AuthContext,
  { client, settings }: AuthenticatedClient,
): Promise<Reply> {
  const refreshTokens = flowStateOf(context.services.store).refreshTokens;
  const presented = context.parameters.get('refresh_token') ?? '';
  const record = refreshTokens.get(presented);
  if (!record || record.environmentId !== context.environmentId || record.clientId !== client.clientId) {
    return oauthError(400, 'invalid_grant', 'The refresh token is unknown, revoked or was already used.');
  }
  refreshTokens.delete(presented);
  if (record.expiresAt < Date.now())
    return oauthError(400, 'invalid_grant', 'The refresh token has expired.');
  let scope = record.scope;
  const requested = context.parameters.get('scope');
  if (requested) {
    const granted = new Set(record.scope.split(' '));
    const asked = requested.split(' ').filter(Boolean);
    if (asked.some((item) => !granted.has(item))) {
      return oauthError(400, 'invalid_scope', 'The requested scope exceeds the originally granted scope.');
    }
    scope = asked.join(' ');
  }
  return issueUserTokens(context, settings, { ...record, scope, nonce: undefined });
}
