import type { Reply } from '../http/reply.js';
import { applicationSettings } from './application-settings.js';
import type { AuthContext } from './auth-host.js';
import { oauthError } from './oauth-error.js';
import { redirectTo } from './redirect-to.js';

/**
 * `GET /{environmentId}/as/signoff`: the emulator keeps no sessions, so this only redirects to
 * `post_logout_redirect_uri` (with `state`) when it is registered on the application named by the
 * `id_token_hint`'s audience, and otherwise answers 200.
 */
export function signOffEndpoint(context: AuthContext): Reply {
  const redirect = context.search.get('post_logout_redirect_uri');
  if (!redirect) return { status: 200, body: { status: 'SIGNED_OFF' } };
  let audience: unknown;
  try {
    const payload = context.search.get('id_token_hint')?.split('.')[1];
    audience = payload
      ? (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { aud?: unknown }).aud
      : undefined;
  } catch {
    audience = undefined;
  }
  const clientId = Array.isArray(audience) ? audience[0] : audience;
  const settings =
    typeof clientId === 'string'
      ? applicationSettings(context.services.store, context.environmentId, clientId)
      : undefined;
  if (!settings?.postLogoutRedirectUris.includes(redirect)) {
    return oauthError(
      400,
      'invalid_request',
      'post_logout_redirect_uri needs an id_token_hint of an application that registered it.',
    );
  }
  return redirectTo(redirect, { state: context.search.get('state') ?? undefined });
}
