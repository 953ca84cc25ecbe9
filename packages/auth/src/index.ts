export type { ClientAuthenticationMethod } from '@pingone-sdk/core';
export type { AuthClient, AuthEndpoints } from './auth-client.js';
export type { AuthorizationRequest } from './authorization-request.js';
export { type BuildAuthorizeUrlOptions, buildAuthorizeUrl } from './build-authorize-url.js';
export { type BuildSignOffUrlOptions, buildSignOffUrl } from './build-sign-off-url.js';
export { type AuthClientOptions, createAuthClient } from './create-auth-client.js';
export { type CreatePkceOptions, createPkce, type Pkce } from './create-pkce.js';
export {
  type ExchangeAuthorizationCodeOptions,
  exchangeAuthorizationCode,
} from './exchange-authorization-code.js';
export { type ExchangeTokenOptions, exchangeToken } from './exchange-token.js';
// The low-level operations of the auth host, one per operation of spec/auth, and their types.
export * from './generated/index.js';
export { type GetJwksOptions, getJwks } from './get-jwks.js';
export { type GetOpenIdConfigurationOptions, getOpenIdConfiguration } from './get-open-id-configuration.js';
export { type GetUserInfoOptions, getUserInfo } from './get-user-info.js';
export { type IntrospectTokenOptions, introspectToken } from './introspect-token.js';
export { type PollDeviceTokenOptions, pollDeviceToken } from './poll-device-token.js';
export {
  type PushAuthorizationRequestOptions,
  type PushedAuthorization,
  pushAuthorizationRequest,
} from './push-authorization-request.js';
export { type RefreshAccessTokenOptions, refreshAccessToken } from './refresh-access-token.js';
export {
  type RequestClientCredentialsTokenOptions,
  requestClientCredentialsToken,
} from './request-client-credentials-token.js';
export { type RevokeTokenOptions, revokeToken } from './revoke-token.js';
export {
  type DeviceAuthorization,
  type StartDeviceAuthorizationOptions,
  startDeviceAuthorization,
} from './start-device-authorization.js';
export type { TokenSet } from './token-set.js';
export { TokenVerificationError, type TokenVerificationReason } from './token-verification-error.js';
export {
  type AccessTokenClaims,
  type VerifyAccessTokenOptions,
  verifyAccessToken,
} from './verify-access-token.js';
export { type IdTokenClaims, type VerifyIdTokenOptions, verifyIdToken } from './verify-id-token.js';
