import { randomBytes, randomInt } from 'node:crypto';
import type { Reply } from '../http/reply.js';
import type { AuthContext } from './auth-host.js';
import { type AuthenticatedClient, authenticateAnyClient } from './client-authentication.js';
import { flowStateOf } from './flow-state.js';
import { oauthError } from './oauth-error.js';
import { signOnUser } from './user-sign-on.js';
import { issueUserTokens } from './user-tokens.js';

const userCodeAlphabet = 'BCDFGHJKLMNPQRSTVWXZ';

function newUserCode(): string {
  let code = '';
  for (let index = 0; index < 8; index += 1) code += userCodeAlphabet[randomInt(userCodeAlphabet.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * `POST /{environmentId}/as/device_authorization` (RFC 8628 §3.1): the application's
 * `devicePollingInterval` (default 5 s) and `deviceTimeout` (default 600 s) set `interval` and
 * `expires_in`. The verification page is the emulator's `/{environmentId}/as/device`.
 */
export async function deviceAuthorizationEndpoint(context: AuthContext): Promise<Reply> {
  const authenticated = await authenticateAnyClient(context);
  if ('status' in authenticated) return authenticated;
  const { client, settings } = authenticated;
  if (settings.grantTypes.length > 0 && !settings.grantTypes.includes('DEVICE_CODE')) {
    return oauthError(400, 'unauthorized_client', 'The application is not allowed the device_code grant.');
  }
  const deviceCode = randomBytes(32).toString('base64url');
  const userCode = newUserCode();
  flowStateOf(context.services.store).devices.set(deviceCode, {
    deviceCode,
    userCode,
    environmentId: context.environmentId,
    clientId: client.clientId,
    scope: context.parameters.get('scope') ?? 'openid',
    expiresAt: Date.now() + settings.deviceTimeout * 1000,
    interval: settings.devicePollingInterval,
    lastPolledAt: undefined,
    status: 'pending',
    userId: undefined,
    authTime: undefined,
  });
  const verificationUri = `${context.issuer}/device`;
  return {
    status: 200,
    headers: { 'Cache-Control': 'no-store' },
    body: {
      device_code: deviceCode,
      user_code: userCode,
      verification_uri: verificationUri,
      verification_uri_complete: `${verificationUri}?user_code=${encodeURIComponent(userCode)}`,
      expires_in: settings.deviceTimeout,
      interval: settings.devicePollingInterval,
    },
  };
}

/**
 * The emulator's verification page, `/{environmentId}/as/device`. `GET ?user_code=` describes the
 * pending request; `POST` the form `user_code`, `username`, `password` (and `action=deny` to refuse)
 * to approve it as a seeded user.
 */
export function deviceVerificationEndpoint(context: AuthContext): Reply {
  const parameters = context.method === 'POST' ? context.parameters : context.search;
  const userCode = (parameters.get('user_code') ?? '').toUpperCase();
  const record = [...flowStateOf(context.services.store).devices.values()].find(
    (device) => device.userCode === userCode && device.environmentId === context.environmentId,
  );
  if (!record || record.expiresAt < Date.now() || record.status !== 'pending') {
    return oauthError(404, 'invalid_request', 'The user code is unknown, expired or already used.');
  }
  if (context.method === 'GET') {
    return {
      status: 200,
      body: { userCode: record.userCode, clientId: record.clientId, scope: record.scope, status: 'PENDING' },
    };
  }
  if (parameters.get('action') === 'deny') {
    record.status = 'denied';
    return { status: 200, body: { status: 'DENIED' } };
  }
  const signedOn = signOnUser(context, parameters.get('username') ?? '', parameters.get('password') ?? '');
  if (!signedOn) return oauthError(400, 'access_denied', 'The username or password is wrong.');
  record.status = 'approved';
  record.userId = signedOn.id;
  record.authTime = Math.floor(Date.now() / 1000);
  return { status: 200, body: { status: 'APPROVED' } };
}

/**
 * `grant_type=urn:ietf:params:oauth:grant-type:device_code` (RFC 8628 §3.4–3.5): `authorization_pending`
 * until the user approves, `slow_down` (and 5 more seconds of interval) when polled sooner than the
 * interval, `access_denied` or `expired_token` at the end, and the tokens once, after approval.
 */
export async function deviceCodeGrant(
  context: AuthContext,
  { client, settings }: AuthenticatedClient,
): Promise<Reply> {
  const devices = flowStateOf(context.services.store).devices;
  const deviceCode = context.parameters.get('device_code') ?? '';
  const record = devices.get(deviceCode);
  if (!record || record.clientId !== client.clientId || record.environmentId !== context.environmentId) {
    return oauthError(400, 'invalid_grant', 'The device code is unknown or was already used.');
  }
  const now = Date.now();
  if (record.expiresAt < now) {
    devices.delete(deviceCode);
    return oauthError(400, 'expired_token', 'The device code has expired.');
  }
  const tooSoon = record.lastPolledAt !== undefined && now - record.lastPolledAt < record.interval * 1000;
  record.lastPolledAt = now;
  if (record.status === 'denied') {
    devices.delete(deviceCode);
    return oauthError(400, 'access_denied', 'The user refused the request.');
  }
  if (tooSoon) {
    record.interval += 5;
    return oauthError(400, 'slow_down', `Poll at most every ${record.interval} seconds.`);
  }
  if (record.status === 'pending')
    return oauthError(400, 'authorization_pending', 'The user has not approved the request yet.');
  devices.delete(deviceCode);
  return issueUserTokens(context, settings, {
    environmentId: record.environmentId,
    clientId: record.clientId,
    userId: record.userId as string,
    scope: record.scope,
    nonce: undefined,
    authTime: record.authTime as number,
    sessionId: record.deviceCode.slice(0, 16),
  });
}
