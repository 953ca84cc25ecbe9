import { PingOneSdkError } from '@pingone-sdk/core';

/**
 * Why a token was refused by {@link verifyAccessToken} or {@link verifyIdToken}.
 *
 * - `malformed`: not a compact JWS with a JSON header and payload.
 * - `unsupported_algorithm`: signed with anything but RS256, including `alg: none`.
 * - `unknown_key`: no key of the environment's JWKS has the token's `kid`, even after refetching it.
 * - `invalid_signature`: the signature does not match the key (the token was altered or forged).
 * - `wrong_issuer`: `iss` is not the client's `issuer` (`{authUrl}/{environmentId}/as`, or a custom
 *   domain's).
 * - `wrong_audience`: `aud` does not include the expected audience (or `azp` is not this client).
 * - `expired`: `exp` has passed, beyond the clock tolerance.
 * - `not_yet_valid`: `nbf` (or `iat`) lies in the future, beyond the clock tolerance.
 * - `missing_claim`: a claim the check needs is absent.
 * - `insufficient_scope`: a required scope is missing from `scope`.
 * - `wrong_nonce`: the ID token's `nonce` differs from the one sent in the authorize request.
 * - `authentication_too_old`: the ID token's `auth_time` is older than `maxAge` allows.
 * - `jwks_unavailable`: the signing keys could not be fetched.
 */
export type TokenVerificationReason =
  | 'malformed'
  | 'unsupported_algorithm'
  | 'unknown_key'
  | 'invalid_signature'
  | 'wrong_issuer'
  | 'wrong_audience'
  | 'expired'
  | 'not_yet_valid'
  | 'missing_claim'
  | 'insufficient_scope'
  | 'wrong_nonce'
  | 'authentication_too_old'
  | 'jwks_unavailable';

/**
 * A token failed verification. `reason` says which check refused it; the token itself is never part of
 * the error.
 *
 * @example
 * try {
 *   await verifyAccessToken({ client, token, audience: 'https://api.example.com' });
 * } catch (error) {
 *   if (error instanceof TokenVerificationError && error.reason === 'expired') return reply(401);
 *   throw error;
 * }
 */
export class TokenVerificationError extends PingOneSdkError {
  override name = 'TokenVerificationError';
  /** The check that failed. */
  readonly reason: TokenVerificationReason;
  /** The claim the failed check is about, such as `iss`, `aud` or `scope`, when there is one. */
  readonly claim: string | undefined;

  constructor(
    reason: TokenVerificationReason,
    message: string,
    options?: { claim?: string; cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.reason = reason;
    this.claim = options?.claim;
  }
}
