import { type Client, type ClientConfig, createClient } from '@pingone-sdk/core';

/** Options of {@link createManagementClient}; see `ClientConfig` in @pingone-sdk/core for each field. */
export type ManagementClientConfig = ClientConfig;

/**
 * Creates the client every management operation takes as `client`: it targets
 * `https://api.pingone.{tld}/v1` of the chosen region (or `baseUrl`), attaches the token, and fills
 * `{environmentId}` in every path from `environmentId`.
 *
 * @example
 * import { clientCredentials } from '@pingone-sdk/core';
 * import { createManagementClient, listUsers } from '@pingone-sdk/management';
 *
 * const client = createManagementClient({
 *   region: 'EU',
 *   environmentId: process.env.PINGONE_ENVIRONMENT_ID,
 *   token: clientCredentials({
 *     environmentId: process.env.PINGONE_ADMIN_ENVIRONMENT_ID!,
 *     clientId: process.env.PINGONE_CLIENT_ID!,
 *     clientSecret: process.env.PINGONE_CLIENT_SECRET!,
 *     region: 'EU',
 *   }),
 * });
 * const { data } = await listUsers({ client, query: { limit: 10 } });
 */
export function createManagementClient(config: ManagementClientConfig = {}): Client {
  return createClient(config);
}
