import type { AuthClient } from './auth-client.js';
import type { OpenIdConfiguration } from './generated/types.gen.js';

/** Options of {@link getOpenIdConfiguration}. */
export interface GetOpenIdConfigurationOptions {
  /** The auth client of the environment. */
  client: AuthClient;
  /** Cancels the request. */
  signal?: AbortSignal;
}

/**
 * Reads the authorization server's discovery document (issuer, endpoints, supported grants).
 *
 * @example
 * const { issuer, token_endpoint } = await getOpenIdConfiguration({ client });
 */
export async function getOpenIdConfiguration(
  options: GetOpenIdConfigurationOptions,
): Promise<OpenIdConfiguration> {
  const { data } = await options.client.http.get({
    url: options.client.endpoints.openIdConfiguration,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return data as OpenIdConfiguration;
}
