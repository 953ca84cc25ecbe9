import { randomUUID } from 'node:crypto';
import type { Reply } from '../http/reply.js';
import { applicationSettings } from './application-settings.js';
import type { AuthContext } from './auth-host.js';
import { flowStateOf, type PendingAuthorization } from './flow-state.js';
import { oauthError } from './oauth-error.js';
import { redirectTo } from './redirect-to.js';
import { describeFlow } from './sign-on-flow.js';

/** Sign-on flows last as long as PingOne's authorization codes. */
const flowLifetimeMilliseconds = 10 * 60 * 1000;

/** The authorize request's parameters: the query, a posted form, or a pushed request (`request_uri`). */
function authorizeParameters(context: AuthContext): URLSearchParams | Reply {
  const parameters = context.method === 'POST' ? context.parameters : context.search;
  const requestUri = parameters.get('request_uri');
  if (requestUri === null) return parameters;
  const pushed = flowStateOf(context.services.store).pushed;
  const request = pushed.get(requestUri);
  pushed.delete(requestUri);
  if (!request || request.expiresAt < Date.now() || request.clientId !== parameters.get('client_id')) {
    return oauthError(
      400,
      'invalid_request_uri',
      'The request_uri is unknown, expired, used or belongs to another client.',
    );
  }
  return request.parameters;
}

/**
 * `GET|POST /{environmentId}/as/authorize`: checks the request (client, registered redirect URI,
 * `response_type=code`, PKCE as the application's `pkceEnforcement` demands) and starts a sign-on flow:
 * the browser goes to the emulator's stand-in for the hosted sign-on page,
 * `/{environmentId}/as/signon?flowId=…`, or with `response_mode=pi.flow` the flow itself is the answer,
 * for a custom sign-on UI to drive through the flows API. Errors that can safely go back to the
 * application are redirected there; an unknown client or redirect URI is answered directly.
 */
export function authorizeEndpoint(context: AuthContext): Reply {
  const parameters = authorizeParameters(context);
  if ('status' in parameters) return parameters;
  const clientId = parameters.get('client_id') ?? '';
  const settings = applicationSettings(context.services.store, context.environmentId, clientId);
  if (!settings) return oauthError(400, 'invalid_client', 'Unknown or disabled client_id.');
  const redirectUri =
    parameters.get('redirect_uri') ??
    (settings.redirectUris.length === 1 ? settings.redirectUris[0] : undefined);
  if (!redirectUri || !settings.redirectUris.includes(redirectUri)) {
    return oauthError(
      400,
      'invalid_request',
      'The redirect_uri is missing or not registered on the application.',
    );
  }
  const state = parameters.get('state') ?? undefined;
  const fail = (error: string, description: string) =>
    redirectTo(redirectUri, { error, error_description: description, state });

  if (parameters.get('response_type') !== 'code')
    return fail('unsupported_response_type', 'The emulator supports response_type=code.');
  if (!settings.grantTypes.includes('AUTHORIZATION_CODE'))
    return fail('unauthorized_client', 'The application is not allowed the authorization_code grant.');
  const scope = parameters.get('scope')?.trim();
  if (!scope) return fail('invalid_scope', 'scope is required.');
  const codeChallenge = parameters.get('code_challenge') ?? undefined;
  const codeChallengeMethod =
    codeChallenge === undefined ? undefined : (parameters.get('code_challenge_method') ?? 'plain');
  if (
    codeChallengeMethod !== undefined &&
    codeChallengeMethod !== 'S256' &&
    codeChallengeMethod !== 'plain'
  ) {
    return fail('invalid_request', 'code_challenge_method must be S256 or plain.');
  }
  if (settings.pkceEnforcement !== 'OPTIONAL' && codeChallenge === undefined) {
    return fail('invalid_request', 'The application requires PKCE: code_challenge is missing.');
  }
  if (settings.pkceEnforcement === 'S256_REQUIRED' && codeChallengeMethod !== 'S256') {
    return fail('invalid_request', 'The application requires code_challenge_method=S256.');
  }
  if (parameters.get('prompt') === 'none')
    return fail('login_required', 'The emulator keeps no sessions; the user must sign on.');

  const flowId = randomUUID();
  const flow: PendingAuthorization = {
    flowId,
    status: 'USERNAME_PASSWORD_REQUIRED',
    userId: undefined,
    sessionToken: undefined,
    environmentId: context.environmentId,
    clientId,
    redirectUri,
    scope,
    state,
    nonce: parameters.get('nonce') ?? undefined,
    codeChallenge,
    codeChallengeMethod,
    loginHint: parameters.get('login_hint') ?? undefined,
    expiresAt: Date.now() + flowLifetimeMilliseconds,
  };
  flowStateOf(context.services.store).pending.set(flowId, flow);
  // A custom sign-on UI asks for the flow itself rather than a redirect to the hosted page.
  if (parameters.get('response_mode') === 'pi.flow')
    return { status: 200, body: describeFlow(context, flow) };
  const signOn = new URL(`${context.issuer}/signon`);
  signOn.searchParams.set('flowId', flowId);
  return { status: 302, headers: { Location: signOn.href, 'Cache-Control': 'no-store' } };
}
