import type { JWTPayload } from 'jose';
import type { AuthClient } from './auth-client.js';
import { internalsOf } from './internal/auth-client-internals.js';
import { loadVerifier } from './internal/load-verifier.js';
import { TokenVerificationError } from './token-verification-error.js';

/** The claims of a verified ID token (OpenID Connect Core §2). */
export interface IdTokenClaims extends JWTPayload {
  iss: string;
  /** The user's id. */
  sub: string;
  aud: string | string[];
  exp: number;
  iat: number;
  /** The `nonce` of the authorize request, echoed. */
  nonce?: string;
  /** When the user last authenticated, in seconds since the epoch. */
  auth_time?: number;
  /** The party the token was issued to, when `aud` lists several. */
  azp?: string;
  /** Any other claims the scopes released (`email`, `name`, …). */
  [claim: string]: unknown;
}

/** Options of {@link verifyIdToken}. */
export interface VerifyIdTokenOptions {
  /** The auth client of the application the ID token was issued to (its `clientId` is the audience). */
  client: AuthClient;
  /** The ID token from the token answer. */
  token: string;
  /**
   * The `nonce` sent in the authorize request; the token must carry the same.
   * @default not checked (always pass it when the authorize request had one)
   */
  nonce?: string;
  /**
   * The `maxAge` of the authorize request, in seconds: `auth_time` must be at most this old.
   * @default not checked
   */
  maxAge?: number;
}

/**
 * Verifies an ID token: RS256 signature by a key of the environment's JWKS, issuer, audience (the
 * client id; `azp` when there are several audiences), expiry, `nonce` and, when asked, `auth_time`
 * against `maxAge`. Every refusal throws a {@link TokenVerificationError}.
 *
 * @example
 * const claims = await verifyIdToken({ client, token: tokens.idToken!, nonce: session.nonce });
 * console.log(claims.sub);
 */
export async function verifyIdToken(options: VerifyIdTokenOptions): Promise<IdTokenClaims> {
  const { client } = options;
  const payload = await (await loadVerifier()).verifyJwt(client, options.token, {
    audience: client.clientId,
    requiredClaims: ['sub', 'exp', 'iat'],
    kind: 'ID token',
  });
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if ((audiences.length > 1 || payload.azp !== undefined) && payload.azp !== client.clientId) {
    throw new TokenVerificationError('wrong_audience', 'The ID token was issued to another party (`azp`)', {
      claim: 'azp',
    });
  }
  if (options.nonce !== undefined && payload.nonce !== options.nonce) {
    throw new TokenVerificationError(
      payload.nonce === undefined ? 'missing_claim' : 'wrong_nonce',
      'The ID token does not carry the nonce of the authorize request',
      { claim: 'nonce' },
    );
  }
  if (options.maxAge !== undefined) {
    const authTime = payload.auth_time;
    if (typeof authTime !== 'number') {
      throw new TokenVerificationError(
        'missing_claim',
        'The ID token has no `auth_time` to check `maxAge` against',
        { claim: 'auth_time' },
      );
    }
    const internals = internalsOf(client);
    const ageSeconds = internals.now() / 1000 - authTime;
    if (ageSeconds > options.maxAge + internals.clockToleranceSeconds) {
      throw new TokenVerificationError(
        'authentication_too_old',
        `The user authenticated ${Math.round(ageSeconds)} s ago, more than maxAge allows`,
        {
          claim: 'auth_time',
        },
      );
    }
  }
  return payload as IdTokenClaims;
}
