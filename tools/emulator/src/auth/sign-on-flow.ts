import { randomBytes, randomUUID } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { issueVerificationCode, redeemVerificationCode } from '../behaviours/user-verification.js';
import { ApiError, invalidData, notFound } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { AuthContext } from './auth-host.js';
import { type FlowStatus, flowStateOf, type PendingAuthorization } from './flow-state.js';
import { redirectTo } from './redirect-to.js';
import { signOnUser } from './user-sign-on.js';

const codeLifetimeMilliseconds = 10 * 60 * 1000;

/** The auth host's flows API base of an environment, `{auth}/{environmentId}/flows`. */
function flowsBase(context: AuthContext): string {
  return `${context.issuer.replace(/\/as$/, '')}/flows`;
}

/** The flow named by `flowId`, if it is this environment's and still running; otherwise a 404. */
export function requireFlow(context: AuthContext, flowId: string): PendingAuthorization {
  const flow = flowStateOf(context.services.store).pending.get(flowId);
  if (!flow || flow.environmentId !== context.environmentId || flow.expiresAt < Date.now()) {
    throw notFound(`The flow ${flowId} is unknown, finished or expired.`);
  }
  return flow;
}

/** The actions a flow offers in each state, listed in its `_links`. */
const actionsByStatus: Record<FlowStatus, readonly string[]> = {
  USERNAME_PASSWORD_REQUIRED: ['usernamePassword.check'],
  VERIFICATION_CODE_REQUIRED: ['user.verify', 'user.sendVerificationCode', 'session.reset'],
  COMPLETED: [],
};

/** A flow as the flows API shows it: its `status`, the actions open in it, and `resumeUrl` once done. */
export function describeFlow(context: AuthContext, flow: PendingAuthorization): Record<string, unknown> {
  const self = `${flowsBase(context)}/${flow.flowId}`;
  const links: Record<string, { href: string }> = { self: { href: self } };
  for (const action of actionsByStatus[flow.status]) links[action] = { href: self };
  const user = flow.userId
    ? context.services.store.getItem(`/environments/${flow.environmentId}/users`, flow.userId)
    : undefined;
  return {
    id: flow.flowId,
    status: flow.status,
    ...(flow.status === 'COMPLETED' ? { resumeUrl: `${context.issuer}/resume?flowId=${flow.flowId}` } : {}),
    ...(flow.loginHint && flow.status === 'USERNAME_PASSWORD_REQUIRED' ? { loginHint: flow.loginHint } : {}),
    ...(user ? { _embedded: { user: { id: user.id, username: user.username } } } : {}),
    _links: links,
  };
}

function requireStatus(flow: PendingAuthorization, status: FlowStatus): void {
  if (flow.status !== status) {
    throw new ApiError(400, 'INVALID_REQUEST', `The flow is ${flow.status}; this action needs ${status}.`);
  }
}

/** Opens the session a completed flow hands to the browser as its `ST` cookie. */
function complete(flow: PendingAuthorization): void {
  flow.status = 'COMPLETED';
  flow.sessionToken = randomBytes(24).toString('base64url');
}

/** The `Set-Cookie` of a completed flow's session, scoped to the environment's auth paths. */
export function sessionCookie(context: AuthContext, flow: PendingAuthorization): Record<string, string> {
  if (flow.status !== 'COMPLETED' || !flow.sessionToken) return {};
  const path = `/${encodeURIComponent(context.environmentId)}/`;
  return { 'Set-Cookie': `ST=${flow.sessionToken}; Path=${path}; HttpOnly; SameSite=Lax` };
}

/**
 * `usernamePassword.check`: signs the user on. A user whose account still needs verification moves the
 * flow to `VERIFICATION_CODE_REQUIRED` (a code is sent if none is waiting); anyone else completes it.
 * Wrong credentials answer `INVALID_DATA` and leave the flow waiting, so the user can try again.
 */
export function checkUsernamePassword(context: AuthContext, flow: PendingAuthorization, body: unknown): void {
  requireStatus(flow, 'USERNAME_PASSWORD_REQUIRED');
  const username = isObject(body) ? body.username : undefined;
  const password = isObject(body) ? body.password : undefined;
  const missing = [
    ...(typeof username === 'string' && username !== '' ? [] : ['username']),
    ...(typeof password === 'string' ? [] : ['password']),
  ];
  if (missing.length > 0) {
    throw invalidData(
      missing.map((target) => ({ code: 'REQUIRED_VALUE', target, message: `${target} is required.` })),
    );
  }
  const signedOn = signOnUser(context, username as string, password as string);
  if (!signedOn) {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'password',
        message: 'The provided password did not match provided user.',
      },
    ]);
  }
  flow.userId = signedOn.id;
  const lifecycle = signedOn.user.lifecycle;
  if (isObject(lifecycle) && lifecycle.status === 'VERIFICATION_REQUIRED') {
    flow.status = 'VERIFICATION_CODE_REQUIRED';
    const secrets = context.services.store.privateData(
      `/environments/${flow.environmentId}/users/${signedOn.id}`,
    );
    if (secrets.verificationCode === undefined)
      issueVerificationCode(context.services.store, flow.environmentId, signedOn.id);
    return;
  }
  complete(flow);
}

/** `user.verify` completes the flow once the account is verified with the code the user received. */
export function verifyFlowUser(context: AuthContext, flow: PendingAuthorization, body: unknown): void {
  requireStatus(flow, 'VERIFICATION_CODE_REQUIRED');
  const store = context.services.store;
  const user = store.getItem(`/environments/${flow.environmentId}/users`, flow.userId ?? '');
  if (!user) throw notFound('The user of this flow no longer exists.');
  redeemVerificationCode(store, flow.environmentId, user, isObject(body) ? body.verificationCode : undefined);
  complete(flow);
}

/** `user.sendVerificationCode`: a new code for the user the flow waits on. */
export function sendFlowVerificationCode(context: AuthContext, flow: PendingAuthorization): void {
  requireStatus(flow, 'VERIFICATION_CODE_REQUIRED');
  issueVerificationCode(context.services.store, flow.environmentId, flow.userId ?? '');
}

/** `session.reset`: back to the first step, forgetting who signed on. */
export function resetFlow(flow: PendingAuthorization): void {
  flow.status = 'USERNAME_PASSWORD_REQUIRED';
  flow.userId = undefined;
  flow.sessionToken = undefined;
}

/** Ends a completed flow: issues the authorization code and redirects the browser back to the application. */
export function resumeWithCode(context: AuthContext, flow: PendingAuthorization): Reply {
  const state = flowStateOf(context.services.store);
  state.pending.delete(flow.flowId);
  const code = randomBytes(24).toString('base64url');
  state.codes.set(code, {
    environmentId: flow.environmentId,
    clientId: flow.clientId,
    userId: flow.userId ?? '',
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
