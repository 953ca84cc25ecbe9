import { randomBytes, randomUUID } from 'node:crypto';
import type { Reply } from '../http/reply.js';
import type { AuthContext } from './auth-host.js';
import { redirectTo } from './authorize-endpoint.js';
import { flowStateOf } from './flow-state.js';
import { oauthError } from './oauth-error.js';
import { signOnUser } from './user-sign-on.js';

const codeLifetimeMilliseconds = 10 * 60 * 1000;

/**
 * `GET /{environmentId}/as/signon?flowId=…` describes the waiting sign-on step as JSON (the emulator
 * has no HTML pages). `POST` the form `flowId`, `username`, `password` to sign a seeded user on: the
 * answer redirects to the application's `redirect_uri` with `code` and `state`. Wrong credentials
 * answer 400 and leave the flow waiting, so the user can try again.
 */
export function signOnEndpoint(context: AuthContext): Reply {
  const flowId = (context.method === 'POST' ? context.parameters : context.search).get('flowId') ?? '';
  const state = flowStateOf(context.services.store);
  const flow = state.pending.get(flowId);
  if (!flow || flow.environmentId !== context.environmentId || flow.expiresAt < Date.now()) {
    return oauthError(404, 'invalid_request', 'The sign-on flow is unknown or expired.');
  }
  if (context.method === 'GET') {
    return {
      status: 200,
      body: {
        id: flow.flowId,
        status: 'USERNAME_PASSWORD_REQUIRED',
        ...(flow.loginHint ? { loginHint: flow.loginHint } : {}),
        _links: {
          'usernamePassword.check': { href: `${context.tokens.issuer(context.environmentId)}/signon` },
        },
      },
    };
  }
  const signedOn = signOnUser(
    context,
    context.parameters.get('username') ?? '',
    context.parameters.get('password') ?? '',
  );
  if (!signedOn) {
    return {
      status: 400,
      body: {
        id: randomUUID(),
        code: 'INVALID_DATA',
        message: 'The request could not be completed. One or more validation errors were in the request.',
        details: [
          {
            code: 'INVALID_VALUE',
            target: 'password',
            message: 'The provided password did not match provided user.',
          },
        ],
      },
    };
  }
  state.pending.delete(flowId);
  const code = randomBytes(24).toString('base64url');
  state.codes.set(code, {
    environmentId: flow.environmentId,
    clientId: flow.clientId,
    userId: signedOn.id,
    scope: flow.scope,
    nonce: flow.nonce,
    authTime: Math.floor(Date.now() / 1000),
    sessionId: randomUUID(),
    redirectUri: flow.redirectUri,
    codeChallenge: flow.codeChallenge,
    codeChallengeMethod: flow.codeChallengeMethod,
    expiresAt: Date.now() + codeLifetimeMilliseconds,
  });
  return redirectTo(flow.redirectUri, { code, state: flow.state });
}
