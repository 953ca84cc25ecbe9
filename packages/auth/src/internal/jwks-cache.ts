import { importJWK, type JWK, type JWTHeaderParameters } from 'jose';
import { TokenVerificationError } from '../token-verification-error.js';

/** A JSON Web Key Set as the auth server publishes it. */
export interface KeySet {
  keys: JWK[];
}

/** Options of {@link createJwksCache}. */
export interface JwksCacheOptions {
  /** Fetches the key set. */
  load: () => Promise<KeySet>;
  /** Least time between two fetches caused by unknown key ids, in milliseconds. */
  cooldownMilliseconds: number;
  /** Age after which the set is fetched again before use, in milliseconds. */
  maxAgeMilliseconds: number;
  now: () => number;
}

/** The cache's view of the keys, used by the verifiers. */
export interface JwksCache {
  /** The public key that verifies a token with this header, fetching the set only when needed. */
  getKey(header: JWTHeaderParameters): Promise<CryptoKey>;
  /** How many times the set has been fetched (for diagnostics and tests). */
  readonly fetchCount: number;
}

function isSigningKey(key: JWK): boolean {
  return (
    key.kty === 'RSA' &&
    (key.use === undefined || key.use === 'sig') &&
    (key.alg === undefined || key.alg === 'RS256')
  );
}

function findKey(keySet: KeySet, keyId: string | undefined): JWK | undefined {
  const candidates = keySet.keys.filter(isSigningKey);
  if (keyId === undefined) return candidates.length === 1 ? candidates[0] : undefined;
  return candidates.find((key) => key.kid === keyId);
}

/**
 * The signing-key cache policy:
 *
 * 1. The key set is fetched on first use, not when the client is created, and then reused: a thousand
 *    verifications cost one fetch.
 * 2. A token naming a `kid` the set does not hold triggers one fetch (keys rotate), but at most one per
 *    cooldown, so a stream of forged `kid`s cannot turn the verifier into a flood of requests.
 * 3. A set older than the maximum age is fetched again before use, so a withdrawn key stops working.
 * 4. Concurrent verifications share one in-flight fetch; a failed fetch keeps the previous set.
 * 5. Imported keys are cached per JWK, so each key is imported once.
 */
export function createJwksCache(options: JwksCacheOptions): JwksCache {
  let keySet: KeySet | undefined;
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<KeySet> | undefined;
  let fetchCount = 0;
  const imported = new WeakMap<JWK, Promise<CryptoKey>>();

  const reload = (): Promise<KeySet> => {
    inFlight ??= (async () => {
      fetchCount += 1;
      fetchedAt = options.now();
      try {
        const loaded = await options.load();
        if (!loaded || !Array.isArray(loaded.keys)) {
          throw new TokenVerificationError(
            'jwks_unavailable',
            'The JWKS endpoint answered without a `keys` array',
          );
        }
        keySet = loaded;
        return loaded;
      } catch (error) {
        if (error instanceof TokenVerificationError) throw error;
        throw new TokenVerificationError(
          'jwks_unavailable',
          `The signing keys could not be fetched: ${(error as Error).message}`,
          {
            cause: error,
          },
        );
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  };

  const importKey = (jwk: JWK): Promise<CryptoKey> => {
    let key = imported.get(jwk);
    if (!key) {
      key = importJWK({ ...jwk, alg: 'RS256' }, 'RS256') as Promise<CryptoKey>;
      imported.set(jwk, key);
    }
    return key;
  };

  return {
    async getKey(header) {
      let current = keySet;
      if (current === undefined || options.now() - fetchedAt >= options.maxAgeMilliseconds) {
        current = await reload().catch((error: unknown) => {
          if (keySet === undefined) throw error;
          return keySet;
        });
      }
      let jwk = findKey(current, header.kid);
      if (jwk === undefined && options.now() - fetchedAt >= options.cooldownMilliseconds) {
        current = await reload();
        jwk = findKey(current, header.kid);
      }
      if (jwk === undefined) {
        throw new TokenVerificationError(
          'unknown_key',
          header.kid === undefined
            ? 'The token names no key (`kid`) and the key set does not hold exactly one signing key'
            : `No signing key with kid ${JSON.stringify(header.kid)} in the environment's key set`,
        );
      }
      return importKey(jwk);
    },
    get fetchCount() {
      return fetchCount;
    },
  };
}
