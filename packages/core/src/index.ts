export { basicCredentials } from './basic-credentials.js';
// Upload inputs shared by image, certificate and key uploads.
export {
  type BinaryInput,
  type BinaryInputLimits,
  type CheckedBinaryInput,
  checkBinaryInput,
} from './binary-input.js';
export { formDataBodySerializer, urlSearchParamsBodySerializer } from './body-serializers.js';
export { createClient } from './client.js';
export type {
  ClientAuthenticationMethod,
  ClientAuthenticationOptions,
  PrivateKeyInput,
} from './client-authentication-options.js';
export {
  type ClientCredentialsOptions,
  type ClientSecretAuthMethod,
  clientCredentials,
} from './client-credentials.js';
export type {
  CallSettings,
  Client,
  ClientConfig,
  ClientHooks,
  ExtraHeaders,
  HasRequiredKeys,
  HeaderOptions,
  HttpMethod,
  Options,
  PathOptions,
  RequestMethod,
  RequestOptions,
  RequestResult,
  RequestSettings,
  ResponseOf,
  TDataShape,
  WithEnvironmentDefault,
} from './client-types.js';
export {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InvalidArgumentError,
  MalformedResponseError,
  NotFoundError,
  PermissionDeniedError,
  PingOneError,
  type PingOneErrorDetail,
  type PingOneErrorInit,
  PingOneSdkError,
  RateLimitError,
  ServerError,
  TimeoutError,
} from './errors.js';
export type { Logger } from './logger.js';
export {
  type EmbeddedOf,
  type ItemOf,
  type ListOperation,
  type PageOf,
  PaginationLoopError,
  type Paginator,
  paginate,
} from './paginate.js';
export { readLimitedStream } from './read-limited-stream.js';
export { apiUrlOf, authUrlOf, defaultRegion, type Region } from './regions.js';
export type { RetryOptions } from './retry-policy.js';
export { sleep } from './sleep.js';
export { createTokenCache, type IssuedToken, type TokenCacheOptions } from './token-cache.js';
export { type GetTokenOptions, staticToken, type TokenInput, type TokenProvider } from './token-provider.js';
export { version } from './version.js';
