// What an upload (an image, a certificate, a key) accepts.
export type { BinaryInput } from './binary-input.js';
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
  HttpMethod,
  RequestMethod,
  RequestOptions,
  RequestResult,
  RequestSettings,
  ResponseOf,
} from './client-types.js';
export type {
  AuthenticationCode,
  AuthenticationDetailCode,
  BadRequestCode,
  BadRequestDetailCode,
  NotFoundCode,
  OpenCode,
  PermissionDeniedCode,
  PermissionDeniedDetailCode,
  PingOneErrorCode,
  PingOneErrorDetailCode,
  PingOneErrorInnerError,
  RateLimitCode,
  RateLimitDetailCode,
  ServerErrorCode,
  UnknownCode,
} from './error-codes.js';
export { errorCodesByStatus, errorDetailCodesByStatus } from './error-codes.js';
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
export { apiUrlOf, authUrlOf, defaultRegion, type Region } from './regions.js';
export type { RetryOptions } from './retry-policy.js';
export { type GetTokenOptions, staticToken, type TokenInput, type TokenProvider } from './token-provider.js';
export { version } from './version.js';
