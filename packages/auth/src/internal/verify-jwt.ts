import { decodeProtectedHeader, errors, type JWTPayload, jwtVerify } from 'jose';
import type { AuthClient } from '../auth-client.js';
import { requestJwks } from '../generated/sdk.gen.js';
import { TokenVerificationError, type TokenVerificationReason } from '../token-verification-error.js';
import { type AuthClientInternals, internalsOf } from './auth-client-internals.js';
import { createJwksCache, type JwksCache, type KeySet } from './jwks-cache.js';

/** What a verified token is checked against besides signature, issuer and expiry. */
export interface JwtExpectations {
  audience: string | undefined;
  requiredClaims: string[];
  /** Names the token in messages: "access token", "ID token". */
  kind: string;
}

function reasonOfClaim(claim: string, reason: string): TokenVerificationReason {
  if (reason === 'missing') return 'missing_claim';
  switch (claim) {
    case 'iss':
      return 'wrong_issuer';
    case 'aud':
      return 'wrong_audience';
    case 'exp':
      return 'expired';
    case 'nbf':
    case 'iat':
      return 'not_yet_valid';
    default:
      return 'malformed';
  }
}

/** Turns jose's failures into {@link TokenVerificationError}s with a reason. */
function translate(error: unknown, kind: string): TokenVerificationError {
  if (error instanceof TokenVerificationError) return error;
  if (error instanceof errors.JWTExpired)
    return new TokenVerificationError('expired', `The ${kind} has expired`, { claim: 'exp', cause: error });
  if (error instanceof errors.JWTClaimValidationFailed) {
    const reason = reasonOfClaim(error.claim, error.reason);
    return new TokenVerificationError(
      reason,
      `The ${kind} failed the \`${error.claim}\` check: ${error.message}`,
      {
        claim: error.claim,
        cause: error,
      },
    );
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new TokenVerificationError('unsupported_algorithm', `The ${kind} is not signed with RS256`, {
      cause: error,
    });
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new TokenVerificationError('invalid_signature', `The ${kind}'s signature does not match its key`, {
      cause: error,
    });
  }
  return new TokenVerificationError(
    'malformed',
    `The ${kind} is not a well-formed JWT: ${(error as Error).message}`,
    { cause: error },
  );
}

/**
 * The checks both verifiers share: a compact JWS signed RS256 by a key of the environment's JWKS,
 * issued by `{authUrl}/{environmentId}/as`, for the expected audience, and within its validity window
 * (with the client's clock tolerance). Any other algorithm, `none` included, is refused before any key
 * is looked up.
 */
// Made on a client's first verification, so that a client that never verifies never loads the cache.
const keySets = new WeakMap<AuthClient, JwksCache>();

function keySetOf(client: AuthClient, internals: AuthClientInternals): JwksCache {
  let keySet = keySets.get(client);
  if (!keySet) {
    keySet = createJwksCache({
      load: async () => (await requestJwks({ client: client.http })).data as KeySet,
      cooldownMilliseconds: internals.jwksCooldownMilliseconds,
      maxAgeMilliseconds: internals.jwksMaxAgeMilliseconds,
      now: internals.now,
    });
    keySets.set(client, keySet);
  }
  return keySet;
}

export async function verifyJwt(
  client: AuthClient,
  token: string,
  expectations: JwtExpectations,
): Promise<JWTPayload> {
  const internals = internalsOf(client);
  const { kind } = expectations;
  if (typeof token !== 'string' || token.split('.').length !== 3) {
    throw new TokenVerificationError(
      'malformed',
      `The ${kind} is not a compact JWT (three dot-separated parts)`,
    );
  }
  let algorithm: unknown;
  try {
    algorithm = decodeProtectedHeader(token).alg;
  } catch (error) {
    throw translate(error, kind);
  }
  if (algorithm !== 'RS256') {
    throw new TokenVerificationError(
      'unsupported_algorithm',
      `The ${kind} is signed with ${JSON.stringify(algorithm)}; only RS256 is accepted`,
    );
  }
  try {
    const keySet = keySetOf(client, internals);
    const { payload } = await jwtVerify(token, (header) => keySet.getKey(header), {
      algorithms: ['RS256'],
      issuer: client.issuer,
      ...(expectations.audience === undefined ? {} : { audience: expectations.audience }),
      clockTolerance: internals.clockToleranceSeconds,
      currentDate: new Date(internals.now()),
      requiredClaims: expectations.requiredClaims,
    });
    return payload;
  } catch (error) {
    throw translate(error, kind);
  }
}
