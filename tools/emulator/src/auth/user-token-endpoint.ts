import type { Reply } from '../http/reply.js';
import type { AuthContext } from './auth-host.js';
import { type AuthenticatedClient, authenticateAnyClient } from './client-authentication.js';
import { oauthError } from './oauth-error.js';

/** A grant of the emulator's user flows: it also needs the application's settings. */
export type UserGrantHandler = (
  context: AuthContext,
  authenticated: AuthenticatedClient,
) => Reply | Promise<Reply>;

/** Wire grant types and the names PingOne's application `grantTypes` uses for them. */
const applicationGrantNames: Record<string, string> = {
  authorization_code: 'AUTHORIZATION_CODE',
  refresh_token: 'REFRESH_TOKEN',
  client_credentials: 'CLIENT_CREDENTIALS',
  'urn:ietf:params:oauth:grant-type:device_code': 'DEVICE_CODE',
  'urn:ietf:params:oauth:grant-type:token-exchange': 'TOKEN_EXCHANGE',
  'urn:openid:params:grant-type:ciba': 'CIBA',
};

/**
 * `POST /{environmentId}/as/token` with every client authentication method. Replaces the auth host's
 * own token endpoint: grants in `userGrants` receive the application's settings, the others (such as
 * the host's client_credentials) are dispatched through `context.host.grants` as before.
 */
export function tokenEndpointWith(userGrants: Map<string, UserGrantHandler>) {
  return async (context: AuthContext): Promise<Reply> => {
    const contentType = String(context.headers['content-type'] ?? '').toLowerCase();
    if (!contentType.startsWith('application/x-www-form-urlencoded')) {
      return oauthError(
        400,
        'invalid_request',
        'The token request must be application/x-www-form-urlencoded.',
      );
    }
    const grantType = context.parameters.get('grant_type');
    if (!grantType) return oauthError(400, 'invalid_request', 'grant_type is required.');
    const userGrant = userGrants.get(grantType);
    const hostGrant = context.host.grants.get(grantType);
    if (!userGrant && !hostGrant)
      return oauthError(400, 'unsupported_grant_type', `The grant type ${grantType} is not supported.`);
    const authenticated = await authenticateAnyClient(context);
    if ('status' in authenticated) return authenticated;
    const wanted = applicationGrantNames[grantType] ?? grantType.toUpperCase();
    const allowed = authenticated.settings.grantTypes;
    if (allowed.length > 0 && !allowed.includes(wanted)) {
      return oauthError(400, 'unauthorized_client', `The application is not allowed the ${grantType} grant.`);
    }
    if (userGrant) return userGrant(context, authenticated);
    return (hostGrant as NonNullable<typeof hostGrant>)(context, authenticated.client);
  };
}
