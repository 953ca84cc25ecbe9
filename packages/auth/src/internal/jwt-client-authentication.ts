import { importJWK, importPKCS8, type JWK } from 'jose';
import type { AuthClientOptions } from '../create-auth-client.js';
import type { ClientAuthentication } from './auth-client-internals.js';
import { type AssertionKey, createClientAssertion, jwtBearerAssertionType } from './client-assertion.js';

/** What `client_secret_jwt` and `private_key_jwt` authentication need from the client. */
export interface AssertionSettings {
  method: 'client_secret_jwt' | 'private_key_jwt';
  clientId: string;
  tokenEndpoint: string;
  lifetimeSeconds: number;
  now: () => number;
}

function isCryptoKey(value: unknown): value is CryptoKey {
  return typeof CryptoKey !== 'undefined' && value instanceof CryptoKey;
}

/** Prepares the signing key of JWT client assertions once, on first use. */
function assertionKeyLoader(
  options: AuthClientOptions,
  method: AssertionSettings['method'],
): () => Promise<AssertionKey> {
  if (method === 'client_secret_jwt') {
    const secret = new TextEncoder().encode(options.clientSecret);
    return () => Promise.resolve({ algorithm: 'HS256', key: secret });
  }
  const privateKey = options.privateKey;
  let loading: Promise<AssertionKey> | undefined;
  return () => {
    loading ??= (async (): Promise<AssertionKey> => {
      if (typeof privateKey === 'string') {
        const key = await importPKCS8(privateKey, 'RS256');
        return { algorithm: 'RS256', key, ...(options.privateKeyId ? { keyId: options.privateKeyId } : {}) };
      }
      if (isCryptoKey(privateKey)) {
        return {
          algorithm: 'RS256',
          key: privateKey,
          ...(options.privateKeyId ? { keyId: options.privateKeyId } : {}),
        };
      }
      const jwk = privateKey as JWK;
      const key = (await importJWK({ ...jwk, alg: 'RS256' }, 'RS256')) as CryptoKey;
      const keyId = options.privateKeyId ?? jwk.kid;
      return { algorithm: 'RS256', key, ...(keyId ? { keyId } : {}) };
    })();
    // A key that failed to import is not cached: the next call reports the problem again.
    loading.catch(() => {
      loading = undefined;
    });
    return loading;
  };
}

/**
 * JWT client authentication (RFC 7523): every request gets a fresh assertion. This module is loaded
 * only by clients that use it, so that the others never bundle jose's signing code.
 */
export function createAssertionAuthentication(
  options: AuthClientOptions,
  settings: AssertionSettings,
): () => Promise<ClientAuthentication> {
  const loadKey = assertionKeyLoader(options, settings.method);
  return async () => {
    // RFC 7523 §3: the audience is the authorization server; PingOne expects its token endpoint.
    const assertion = await createClientAssertion(
      settings.clientId,
      settings.tokenEndpoint,
      await loadKey(),
      settings.lifetimeSeconds,
      settings.now(),
    );
    return {
      headers: {},
      fields: {
        client_id: settings.clientId,
        client_assertion_type: jwtBearerAssertionType,
        client_assertion: assertion,
      },
    };
  };
}
