import type { AuthHost } from './auth-host.js';
import { authorizationCodeGrant } from './authorization-code-grant.js';
import { authorizeEndpoint } from './authorize-endpoint.js';
import { deviceAuthorizationEndpoint, deviceCodeGrant, deviceVerificationEndpoint } from './device-flow.js';
import { flowsEndpoint } from './flows-endpoint.js';
import { introspectionEndpoint } from './introspection-endpoint.js';
import { pushedAuthorizationEndpoint } from './pushed-authorization-endpoint.js';
import { refreshTokenGrant } from './refresh-token-grant.js';
import { resumeEndpoint } from './resume-endpoint.js';
import { revocationEndpoint } from './revocation-endpoint.js';
import { signOffEndpoint } from './sign-off-endpoint.js';
import { signOnEndpoint } from './sign-on-endpoint.js';
import { tokenEndpointWith, type UserGrantHandler } from './user-token-endpoint.js';
import { userInfoEndpoint } from './userinfo-endpoint.js';

/**
 * Adds the user-facing flows to an auth host: authorization code with PKCE (with the flows API, resume,
 * and the emulator's stand-in for the hosted sign-on page), PAR, refresh tokens with rotation, the device flow, introspection, revocation, userinfo,
 * sign-off, and client authentication by `client_secret_jwt`, `private_key_jwt` and `none`.
 */
export function installUserFlows(host: AuthHost): AuthHost {
  const userGrants = new Map<string, UserGrantHandler>([
    ['authorization_code', authorizationCodeGrant],
    ['refresh_token', refreshTokenGrant],
    ['urn:ietf:params:oauth:grant-type:device_code', deviceCodeGrant],
  ]);
  // Listed in discovery's grant_types_supported; the token endpoint below dispatches them.
  for (const grantType of userGrants.keys()) host.addGrant(grantType, () => ({ status: 500 }));
  host.addEndpoint('POST', 'token', tokenEndpointWith(userGrants));
  host.addEndpoint('GET', 'authorize', authorizeEndpoint);
  host.addEndpoint('POST', 'authorize', authorizeEndpoint);
  host.addEndpoint('GET', 'signon', signOnEndpoint);
  host.addEndpoint('POST', 'signon', signOnEndpoint);
  host.addEndpoint('GET', 'flows/{flowId}', flowsEndpoint);
  host.addEndpoint('POST', 'flows/{flowId}', flowsEndpoint);
  host.addEndpoint('GET', 'resume', resumeEndpoint);
  host.addEndpoint('POST', 'par', pushedAuthorizationEndpoint);
  host.addEndpoint('POST', 'device_authorization', deviceAuthorizationEndpoint);
  host.addEndpoint('GET', 'device', deviceVerificationEndpoint);
  host.addEndpoint('POST', 'device', deviceVerificationEndpoint);
  host.addEndpoint('POST', 'introspect', introspectionEndpoint);
  host.addEndpoint('POST', 'revoke', revocationEndpoint);
  host.addEndpoint('GET', 'userinfo', userInfoEndpoint);
  host.addEndpoint('POST', 'userinfo', userInfoEndpoint);
  host.addEndpoint('GET', 'signoff', signOffEndpoint);

  const discovery = host.endpoints.get('GET .well-known/openid-configuration');
  if (discovery) {
    host.addEndpoint('GET', '.well-known/openid-configuration', async (context) => {
      const reply = await discovery(context);
      const body = reply.body as Record<string, unknown>;
      return {
        ...reply,
        body: {
          ...body,
          token_endpoint_auth_methods_supported: [
            'client_secret_basic',
            'client_secret_post',
            'client_secret_jwt',
            'private_key_jwt',
            'none',
          ],
          response_types_supported: ['code'],
          response_modes_supported: ['query', 'pi.flow'],
        },
      };
    });
  }
  return host;
}
