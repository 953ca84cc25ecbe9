import { InvalidArgumentError } from '@pingone-sdk/core';
import * as base64url from 'jose/base64url';

/** Options of {@link createPkce}. */
export interface CreatePkceOptions {
  /**
   * A verifier to derive the challenge from: 43 to 128 characters of `A-Z a-z 0-9 - . _ ~`.
   * @default 32 random bytes, base64url-encoded (43 characters)
   * @example 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'
   */
  verifier?: string;
}

/** A PKCE pair (RFC 7636): keep `verifier` secret until the code exchange; send `challenge` to authorize. */
export interface Pkce {
  verifier: string;
  challenge: string;
  method: 'S256';
}

const verifierPattern = /^[A-Za-z0-9\-._~]{43,128}$/;

/**
 * Creates a PKCE verifier and its S256 challenge (`BASE64URL(SHA-256(verifier))`), with WebCrypto.
 *
 * @example
 * const pkce = await createPkce();
 * const url = buildAuthorizeUrl({ client, redirectUri, scope: 'openid', codeChallenge: pkce.challenge });
 * // … later, on the callback:
 * await exchangeAuthorizationCode({ client, code, redirectUri, codeVerifier: pkce.verifier });
 */
export async function createPkce(options: CreatePkceOptions = {}): Promise<Pkce> {
  let verifier = options.verifier;
  if (verifier === undefined) {
    verifier = base64url.encode(crypto.getRandomValues(new Uint8Array(32)));
  } else if (typeof verifier !== 'string' || !verifierPattern.test(verifier)) {
    throw new InvalidArgumentError(
      'verifier',
      '43 to 128 characters of A-Z, a-z, 0-9, "-", ".", "_" and "~" (RFC 7636 §4.1)',
    );
  }
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: base64url.encode(new Uint8Array(digest)), method: 'S256' };
}
