/**
 * `@pingone-sdk/core/internal`: what the SDK's generated code and its own packages share.
 *
 * Not for users. Nothing here is covered by semantic versioning: names and shapes change in any
 * release, patch releases included, whenever the generator or a package needs them to. Build on the
 * main entry (`@pingone-sdk/core`) instead.
 *
 * @packageDocumentation
 */

// Plumbing of generated operations and the token cache.
export { basicCredentials } from '../basic-credentials.js';
// Upload inputs shared by image, certificate and key uploads.
export {
  type BinaryInputLimits,
  type CheckedBinaryInput,
  checkBinaryInput,
} from '../binary-input.js';
export { formDataBodySerializer, urlSearchParamsBodySerializer } from '../body-serializers.js';
// Client authentication, the issuer every auth endpoint follows from, and the token endpoint policy.
export {
  type ClientAuthentication,
  type ClientAuthenticationTarget,
  type ClientAuthenticator,
  createClientAuthenticator,
} from '../client-authentication.js';
export { readLimitedStream } from '../read-limited-stream.js';
export { type AuthServerLocation, checkBaseUrl, issuerOf } from '../regions.js';
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
export { refuseRedirectsWithBody } from './refuse-redirects.js';
export {
  type AuthenticatedFormPost,
  postAuthenticatedForm,
  tokenEndpointError,
} from './token-endpoint-request.js';
// Input validation, one rule for every package.
export {
  optionalText,
  optionalTimeout,
  requireMilliseconds,
  requireNumber,
  requireOneOf,
  requireSeconds,
  requireText,
  requireUrl,
} from './validate.js';
