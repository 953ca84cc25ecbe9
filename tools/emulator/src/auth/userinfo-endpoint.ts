import type { Reply } from '../http/reply.js';
import { activeAccessToken } from './access-token-check.js';
import type { AuthContext } from './auth-host.js';
import { oauthError } from './oauth-error.js';
import { userClaims, userOf } from './user-tokens.js';

const invalidToken = (description: string): Reply =>
  oauthError(401, 'invalid_token', description, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });

/**
 * `GET|POST /{environmentId}/as/userinfo`: the claims of the user a bearer access token was issued
 * for, as far as its scopes release them. Tokens without a user (client credentials), expired or
 * revoked tokens answer 401 `invalid_token`.
 */
export async function userInfoEndpoint(context: AuthContext): Promise<Reply> {
  const authorization = String(context.headers.authorization ?? '');
  const token = /^bearer /i.test(authorization)
    ? authorization.slice(7).trim()
    : context.parameters.get('access_token');
  if (!token) return invalidToken('A bearer access token is required.');
  const claims = await activeAccessToken(context, token);
  if (!claims || typeof claims.sub !== 'string')
    return invalidToken('The access token is invalid, expired or revoked.');
  const user = userOf(context, context.environmentId, claims.sub);
  if (!user) return invalidToken('The access token was not issued for a user.');
  return { status: 200, body: { sub: claims.sub, ...userClaims(user, String(claims.scope ?? '')) } };
}
