import type { AuthClient } from './auth-client.js';
import { requestOpenIdConfiguration } from './generated/sdk.gen.js';
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
  const { data } = await requestOpenIdConfiguration({
    client: options.client.http,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return data as OpenIdConfiguration;
}
