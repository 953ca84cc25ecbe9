import type { AuthClient } from './auth-client.js';
import type { JsonWebKeySet } from './generated/types.gen.js';

/** Options of {@link getJwks}. */
export interface GetJwksOptions {
  /** The auth client of the environment. */
  client: AuthClient;
  /** Cancels the request. */
  signal?: AbortSignal;
}

/**
 * Fetches the environment's public signing keys. Token verification does not need this: the verifiers
 * fetch and cache the keys themselves.
 *
 * @example
 * const { keys } = await getJwks({ client });
 */
export async function getJwks(options: GetJwksOptions): Promise<JsonWebKeySet> {
  const { data } = await options.client.http.get({
    url: options.client.endpoints.jwks,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return data as JsonWebKeySet;
}
