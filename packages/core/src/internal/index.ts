/**
 * `@pingone-sdk/core/internal`: what the SDK's own packages share and users must not rely on. It
 * changes without notice, in any release.
 */

// Client authentication, the issuer every auth endpoint follows from, and the token endpoint policy.
export {
  type ClientAuthentication,
  type ClientAuthenticationTarget,
  type ClientAuthenticator,
  createClientAuthenticator,
} from '../client-authentication.js';
export { type AuthServerLocation, checkBaseUrl, issuerOf } from '../regions.js';
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
  requireSeconds,
  requireText,
  requireUrl,
} from './validate.js';
