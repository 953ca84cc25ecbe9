import { randomBytes, randomUUID } from 'node:crypto';
import { type JWTPayload, SignJWT } from 'jose';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import type { ApplicationSettings } from './application-settings.js';
import type { AuthContext } from './auth-host.js';
import { flowStateOf, type UserGrant } from './flow-state.js';

/** The user behind a grant, or undefined when it was deleted since. */
export function userOf(context: AuthContext, environmentId: string, userId: string): Resource | undefined {
  return context.services.store.getItem(`/environments/${environmentId}/users`, userId);
}

/** Standard claims of a user, as far as the scopes release them (OpenID Connect Core §5.4). */
export function userClaims(user: Resource, scope: string): JWTPayload {
  const scopes = new Set(scope.split(' '));
  const claims: JWTPayload = {};
  const name = (user.name ?? {}) as { given?: string; family?: string; formatted?: string };
  if (scopes.has('profile')) {
    if (typeof user.username === 'string') claims.preferred_username = user.username;
    if (name.given) claims.given_name = name.given;
    if (name.family) claims.family_name = name.family;
    const full = name.formatted ?? [name.given, name.family].filter(Boolean).join(' ');
    if (full) claims.name = full;
    if (typeof user.updatedAt === 'string') claims.updated_at = Math.floor(Date.parse(user.updatedAt) / 1000);
  }
  if (scopes.has('email') && typeof user.email === 'string') {
    claims.email = user.email;
    claims.email_verified = user.emailVerified === true;
  }
  return claims;
}

/**
 * Issues the tokens of a user grant: an access token, a refresh token when the application may use the
 * refresh_token grant (a new one every time: rotation), and an ID token when `openid` was granted.
 */
export async function issueUserTokens(
  context: AuthContext,
  settings: ApplicationSettings,
  grant: UserGrant,
): Promise<Reply> {
  const { token: accessToken, expiresIn } = await context.tokens.issueAccessToken({
    environmentId: grant.environmentId,
    clientId: grant.clientId,
    subject: grant.userId,
    scope: grant.scope,
    claims: { sid: grant.sessionId, auth_time: grant.authTime },
    issuer: context.issuer,
  });
  const body: Record<string, unknown> = {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: expiresIn,
    scope: grant.scope,
  };
  if (settings.grantTypes.includes('REFRESH_TOKEN')) {
    const refreshToken = randomBytes(32).toString('base64url');
    flowStateOf(context.services.store).refreshTokens.set(refreshToken, {
      ...grant,
      expiresAt: Date.now() + settings.refreshTokenDuration * 1000,
    });
    body.refresh_token = refreshToken;
  }
  if (grant.scope.split(' ').includes('openid')) {
    const user = userOf(context, grant.environmentId, grant.userId) ?? {};
    const issuedAt = Math.floor(Date.now() / 1000);
    body.id_token = await new SignJWT({
      ...userClaims(user, grant.scope),
      auth_time: grant.authTime,
      sid: grant.sessionId,
      env: grant.environmentId,
      ...(grant.nonce === undefined ? {} : { nonce: grant.nonce }),
    })
      .setProtectedHeader({ alg: 'RS256', kid: context.keys.kid, typ: 'JWT' })
      .setIssuer(context.issuer)
      .setSubject(grant.userId)
      .setAudience(grant.clientId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + context.tokens.lifetimeSeconds)
      .setJti(randomUUID())
      .sign(context.keys.privateKey);
  }
  return { status: 200, headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' }, body };
}
