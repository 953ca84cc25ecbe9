import { clientDefaultConfig, clientDefaultMeta, definePluginConfig } from '@hey-api/openapi-ts';

/**
 * Registers @pingone-sdk/core as the HTTP client of the generated code.
 *
 * `bundle: false` makes sdk.gen.ts import `Client` and `Options` from @pingone-sdk/core instead of
 * copying a client runtime into every package. The handler writes nothing: operations always receive
 * their client from the caller, so no default client instance (and no import-time side effect) exists.
 */
export const coreClientPlugin = definePluginConfig({
  ...clientDefaultMeta,
  config: { ...clientDefaultConfig, baseUrl: false, bundle: false },
  handler: () => {},
  name: '@pingone-sdk/core',
} as never) as () => never;
