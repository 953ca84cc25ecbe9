/**
 * `@pingone-sdk/core/internal`: what the SDK's generated code and its own packages share.
 *
 * Not for users. Nothing here is covered by semantic versioning: names and shapes change in any
 * release, patch releases included, whenever the generator or a package needs them to. Build on the
 * main entry (`@pingone-sdk/core`) instead.
 *
 * @packageDocumentation
 */
export { basicCredentials } from '../basic-credentials.js';
export { formDataBodySerializer, urlSearchParamsBodySerializer } from '../body-serializers.js';
export { sleep } from '../sleep.js';
export { createTokenCache, type IssuedToken, type TokenCacheOptions } from '../token-cache.js';
export type {
  ExtraHeaders,
  HasRequiredKeys,
  HeaderOptions,
  OperationOptions,
  OperationResult,
  PathOptions,
  TDataShape,
  WithEnvironmentDefault,
} from './operation-options.js';
