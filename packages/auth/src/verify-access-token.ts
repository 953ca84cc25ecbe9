import type { JWTPayload } from 'jose';
import type { AuthClient } from './auth-client.js';
import { loadVerifier } from './internal/load-verifier.js';
import { TokenVerificationError } from './token-verification-error.js';

/** The claims of a verified PingOne access token. */
export interface AccessTokenClaims extends JWTPayload {
  iss: string;
  exp: number;
  /** The user's id, or the client id for client credentials tokens. */
  sub?: string;
  /** The application the token was issued to. */
  client_id?: string;
  /** Granted scopes, space-separated. */
  scope?: string;
  /** The environment the token belongs to. */
  env?: string;
}

/** Options of {@link verifyAccessToken}. */
export interface VerifyAccessTokenOptions {
  /** The auth client of the environment that issued the token. */
  client: AuthClient;
  /** The bearer token, without the `Bearer ` prefix. */
  token: string;
  /**
   * The audience your API expects (the resource's audience in PingOne); the token's `aud` must include it.
   * Pass it in every API: without it, a token issued for another resource of the environment passes.
   * @default not checked
   * @example 'https://api.example.com'
   */
  audience?: string;
  /**
   * Scopes the token must all carry.
   * @default none
   * @example ['orders:read']
   */
  requiredScopes?: readonly string[];
}

/** The scopes of a token, from `scope` (space-separated) or a `scp` list. */
function scopesOf(payload: JWTPayload): Set<string> {
  const scope = payload.scope ?? payload.scp;
  if (typeof scope === 'string') return new Set(scope.split(' ').filter(Boolean));
  if (Array.isArray(scope)) return new Set(scope.filter((item): item is string => typeof item === 'string'));
  return new Set();
}

/**
 * Verifies a PingOne access token locally, the way an API protected by PingOne should: RS256 signature
 * by a key of the environment's JWKS (fetched once, cached, refetched on an unknown `kid`), the client's
 * issuer (`{authUrl}/{environmentId}/as` or a custom domain's), audience, expiry with the client's clock
 * tolerance, and scopes.
 * Every refusal throws a {@link TokenVerificationError} whose `reason` names the failed check.
 * A revoked token still verifies until it expires; use `introspectToken` when that matters.
 *
 * @example
 * const claims = await verifyAccessToken({
 *   client, token: bearer, audience: 'https://api.example.com', requiredScopes: ['orders:read'],
 * });
 */
export async function verifyAccessToken(options: VerifyAccessTokenOptions): Promise<AccessTokenClaims> {
  const payload = await (await loadVerifier()).verifyJwt(options.client, options.token, {
    audience: options.audience,
    requiredClaims: ['exp'],
    kind: 'access token',
  });
  if (options.requiredScopes && options.requiredScopes.length > 0) {
    const granted = scopesOf(payload);
    const missing = options.requiredScopes.filter((scope) => !granted.has(scope));
    if (missing.length > 0) {
      throw new TokenVerificationError(
        'insufficient_scope',
        `The access token lacks the scope(s) ${missing.join(', ')}`,
        {
          claim: 'scope',
        },
      );
    }
  }
  return payload as AccessTokenClaims;
}
