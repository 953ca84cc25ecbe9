import {
  createRemoteJWKSet,
  customFetch,
  decodeProtectedHeader,
  errors,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';
import type { AuthClient } from '../auth-client.js';
import { TokenVerificationError, type TokenVerificationReason } from '../token-verification-error.js';
import { type AuthClientInternals, internalsOf } from './auth-client-internals.js';

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

/** A key set failure: no key for the token, or no key set at all (unreachable, not 200, not a JWKS, too slow). */
function keySetError(error: unknown): TokenVerificationError {
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return new TokenVerificationError(
      'unknown_key',
      "No single signing key of the environment's key set matches the token's `kid`",
      { cause: error },
    );
  }
  return new TokenVerificationError(
    'jwks_unavailable',
    `The signing keys could not be fetched: ${(error as Error).message}`,
    { cause: error },
  );
}

// Made on a client's first verification, so that a client that never verifies never fetches keys.
const keySets = new WeakMap<AuthClient, JWTVerifyGetKey>();

/**
 * The signing keys of the client's issuer, as jose's remote key set keeps them: fetched on first use
 * through the client's `fetch`, shared by concurrent verifications, refetched after `jwksMaxAgeSeconds`,
 * and refetched for an unknown `kid` at most once per `jwksCooldownSeconds`.
 */
function keySetOf(client: AuthClient, internals: AuthClientInternals): JWTVerifyGetKey {
  let keySet = keySets.get(client);
  if (!keySet) {
    const remote = createRemoteJWKSet(new URL(client.endpoints.jwks), {
      cooldownDuration: internals.jwksCooldownMilliseconds,
      cacheMaxAge: internals.jwksMaxAgeMilliseconds,
      timeoutDuration: Math.ceil(internals.timeoutMilliseconds),
      ...(internals.headers ? { headers: internals.headers } : {}),
      ...(internals.fetch ? { [customFetch]: internals.fetch } : {}),
    });
    keySet = async (header, token) => {
      try {
        return await remote(header, token);
      } catch (error) {
        throw keySetError(error);
      }
    };
    keySets.set(client, keySet);
  }
  return keySet;
}

/**
 * The checks both verifiers share: a compact JWS signed RS256 by a key of the issuer's JWKS, issued by
 * the client's `issuer`, for the expected audience, and within its validity window (with the client's
 * clock tolerance). Any other algorithm, `none` included, is refused before any key is looked up.
 */
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
    const { payload } = await jwtVerify(token, keySet, {
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
