import { SignJWT } from 'jose';

/** The `client_assertion_type` of RFC 7523 JWT client authentication. */
export const jwtBearerAssertionType = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** What a client assertion is signed with. */
export interface AssertionKey {
  algorithm: 'HS256' | 'RS256';
  key: CryptoKey | Uint8Array;
  keyId?: string;
}

/**
 * Builds a client assertion (RFC 7523 §3): `iss` and `sub` are the client id, `aud` the endpoint that
 * receives it, `jti` a fresh random id so the server can refuse replays, and it expires after
 * `lifetimeSeconds`.
 */
export async function createClientAssertion(
  clientId: string,
  audience: string,
  signingKey: AssertionKey,
  lifetimeSeconds: number,
  now = Date.now(),
): Promise<string> {
  const issuedAt = Math.floor(now / 1000);
  return new SignJWT({})
    .setProtectedHeader({
      alg: signingKey.algorithm,
      typ: 'JWT',
      ...(signingKey.keyId === undefined ? {} : { kid: signingKey.keyId }),
    })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(audience)
    .setJti(crypto.randomUUID())
    .setIssuedAt(issuedAt)
    .setNotBefore(issuedAt)
    .setExpirationTime(issuedAt + lifetimeSeconds)
    .sign(signingKey.key);
}
