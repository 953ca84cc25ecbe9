import { type JWTPayload, jwtVerify } from 'jose';
import type { AuthContext } from './auth-host.js';
import { flowStateOf } from './flow-state.js';

/** The claims of an access token this emulator issued for this environment, unexpired and not revoked. */
export async function activeAccessToken(
  context: AuthContext,
  token: string,
): Promise<JWTPayload | undefined> {
  try {
    const { payload } = await jwtVerify(token, context.keys.publicKey, {
      algorithms: ['RS256'],
      // Either host of the environment may have issued it: its own, or its custom domain.
      issuer: [context.tokens.issuer(context.environmentId), context.issuer],
      requiredClaims: ['exp', 'jti'],
    });
    if (flowStateOf(context.services.store).revokedAccessTokens.has(payload.jti as string)) return undefined;
    return payload;
  } catch {
    return undefined;
  }
}
