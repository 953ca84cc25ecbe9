import { importJWK, importPKCS8, type JWK, SignJWT } from 'jose';
import { InvalidArgumentError } from '../errors.js';

/** What a client assertion is signed with and says. */
export interface AssertionSignerSettings {
  algorithm: 'HS256' | 'RS256';
  /** The client secret (HS256), or the private key as a PKCS#8 PEM, a JWK or a CryptoKey (RS256). */
  key: string | JWK | CryptoKey;
  keyId?: string | undefined;
  clientId: string;
  audience: string;
  lifetimeSeconds: number;
  now: () => number;
}

async function importSigningKey(
  settings: AssertionSignerSettings,
): Promise<{ key: CryptoKey | Uint8Array; keyId: string | undefined }> {
  const { key, algorithm } = settings;
  if (algorithm === 'HS256') return { key: new TextEncoder().encode(key as string), keyId: undefined };
  try {
    if (typeof key === 'string') return { key: await importPKCS8(key, 'RS256'), keyId: settings.keyId };
    if (typeof CryptoKey !== 'undefined' && key instanceof CryptoKey) return { key, keyId: settings.keyId };
    const jwk = key as JWK;
    const imported = (await importJWK({ ...jwk, alg: 'RS256' }, 'RS256')) as CryptoKey;
    return { key: imported, keyId: settings.keyId ?? jwk.kid };
  } catch (error) {
    // jose's message says what is wrong with the key; the key itself is never quoted.
    throw new InvalidArgumentError(
      'privateKey',
      `an RSA private key as a PKCS#8 PEM, a private JWK or a CryptoKey (${(error as Error).message})`,
    );
  }
}

/** The `client_assertion_type` of RFC 7523 JWT client authentication. */
const jwtBearer = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/**
 * Signs client assertions (RFC 7523 §3): `iss` and `sub` are the client id, `aud` the configured
 * audience, `jti` a fresh random id so the server can refuse replays, and each expires after the
 * configured lifetime. Returns them as the form fields that carry them. Loaded on the first assertion
 * only: this module is what brings jose's signer in.
 */
export async function createAssertionSigner(
  settings: AssertionSignerSettings,
): Promise<() => Promise<Record<string, string>>> {
  const { key, keyId } = await importSigningKey(settings);
  return async () => {
    const issuedAt = Math.floor(settings.now() / 1000);
    const assertion = await new SignJWT({})
      .setProtectedHeader({
        alg: settings.algorithm,
        typ: 'JWT',
        ...(keyId === undefined ? {} : { kid: keyId }),
      })
      .setIssuer(settings.clientId)
      .setSubject(settings.clientId)
      .setAudience(settings.audience)
      .setJti(crypto.randomUUID())
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(issuedAt + settings.lifetimeSeconds)
      .sign(key);
    return { client_id: settings.clientId, client_assertion_type: jwtBearer, client_assertion: assertion };
  };
}
