import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../emulator-options.js';
import { startEmulator } from '../start-emulator.js';

const redirectUri = 'http://localhost:3000/callback';
const vendor = 'application/vnd.pingidentity';

describe('the flows API and resume', () => {
  let emulator: RunningEmulator;
  let issuer: string;

  beforeAll(async () => {
    emulator = await startEmulator({
      seed: {
        users: [
          { username: 'ada', password: 'P4ssw0rd!', email: 'ada@example.com' },
          {
            username: 'grace',
            password: 'C0b0l!',
            email: 'grace@example.com',
            lifecycle: { status: 'VERIFICATION_REQUIRED' },
          },
        ],
        applications: [
          {
            id: 'custom-ui',
            type: 'SINGLE_PAGE_APP',
            grantTypes: ['AUTHORIZATION_CODE'],
            redirectUris: [redirectUri],
            tokenEndpointAuthMethod: 'NONE',
          },
        ],
      },
    });
    issuer = `${emulator.authUrl}/${emulator.environmentId}/as`;
  });
  afterAll(() => emulator.close());

  /** Starts an authorization for a custom sign-on UI, which answers with the flow itself. */
  async function startFlow(): Promise<{
    id: string;
    status: string;
    _links: Record<string, { href: string }>;
  }> {
    const url = new URL(`${issuer}/authorize`);
    url.search = new URLSearchParams({
      client_id: 'custom-ui',
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid',
      state: 'state-1',
      response_mode: 'pi.flow',
    }).toString();
    const response = await fetch(url);
    expect(response.status).toBe(200);
    return response.json();
  }

  const flowUrl = (flowId: string) => `${emulator.authUrl}/${emulator.environmentId}/flows/${flowId}`;
  const act = (flowId: string, action: string, body: unknown = {}) =>
    fetch(flowUrl(flowId), {
      method: 'POST',
      headers: { 'content-type': `${vendor}.${action}+json` },
      body: JSON.stringify(body),
    });

  it('answers pi.flow with the flow, waiting for a username and password', async () => {
    const flow = await startFlow();
    expect(flow).toMatchObject({ status: 'USERNAME_PASSWORD_REQUIRED' });
    expect(flow._links['usernamePassword.check']?.href).toBe(flowUrl(flow.id));
    const read = await fetch(flowUrl(flow.id));
    expect(await read.json()).toMatchObject({ id: flow.id, status: 'USERNAME_PASSWORD_REQUIRED' });
  });

  it('completes on the right password, sets ST, and resumes to the application with a code', async () => {
    const flow = await startFlow();
    const wrong = await act(flow.id, 'usernamePassword.check', { username: 'ada', password: 'nope' });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ code: 'INVALID_DATA', details: [{ target: 'password' }] });

    const right = await act(flow.id, 'usernamePassword.check', { username: 'ada', password: 'P4ssw0rd!' });
    expect(right.status).toBe(200);
    const completed = await right.json();
    expect(completed).toMatchObject({
      status: 'COMPLETED',
      resumeUrl: `${issuer}/resume?flowId=${flow.id}`,
      _embedded: { user: { username: 'ada' } },
    });
    const cookie = right.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^ST=[\w-]+; Path=\//);
    const sessionToken = cookie.split(';')[0] ?? '';

    const withoutCookie = await fetch(completed.resumeUrl, { redirect: 'manual' });
    expect(withoutCookie.status).toBe(400);
    const resumed = await fetch(completed.resumeUrl, {
      redirect: 'manual',
      headers: { cookie: sessionToken },
    });
    expect(resumed.status).toBe(302);
    const callback = new URL(resumed.headers.get('location') ?? '');
    expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
    expect(callback.searchParams.get('state')).toBe('state-1');
    expect(callback.searchParams.get('code')).toMatch(/^[\w-]{20,}$/);
    // The flow is over: it cannot resume twice.
    const again = await fetch(completed.resumeUrl, { redirect: 'manual', headers: { cookie: sessionToken } });
    expect(again.status).toBe(404);
  });

  it('asks an unverified user for the emailed code, resends it, and verifies the account', async () => {
    const flow = await startFlow();
    const signedOn = await act(flow.id, 'usernamePassword.check', { username: 'grace', password: 'C0b0l!' });
    expect(await signedOn.json()).toMatchObject({ status: 'VERIFICATION_CODE_REQUIRED' });
    expect(signedOn.headers.get('set-cookie')).toBeNull();
    const firstCode = emulator.sentMessages().at(-1)?.code;
    expect(firstCode).toMatch(/^\d{6}$/);

    const resent = await act(flow.id, 'user.sendVerificationCode');
    expect(await resent.json()).toMatchObject({ status: 'VERIFICATION_CODE_REQUIRED' });
    const secondCode = emulator.sentMessages().at(-1)?.code;
    const stale = await act(flow.id, 'user.verify', {
      verificationCode: firstCode === secondCode ? '000000' : firstCode,
    });
    expect(stale.status).toBe(400);

    const verified = await act(flow.id, 'user.verify', { verificationCode: secondCode });
    expect(await verified.json()).toMatchObject({ status: 'COMPLETED' });
    expect(verified.headers.get('set-cookie')).toMatch(/^ST=/);
  });

  it('starts over on session.reset', async () => {
    const flow = await startFlow();
    await act(flow.id, 'usernamePassword.check', { username: 'grace', password: 'C0b0l!' }).catch(
      () => undefined,
    );
    const reset = await act(flow.id, 'session.reset');
    const body = await reset.json();
    expect(body).toMatchObject({ status: 'USERNAME_PASSWORD_REQUIRED' });
    expect(body._embedded).toBeUndefined();
  });

  it('refuses actions out of turn, unknown actions and unknown flows', async () => {
    const flow = await startFlow();
    const early = await act(flow.id, 'user.verify', { verificationCode: '123456' });
    expect(early.status).toBe(400);
    expect(await early.json()).toMatchObject({ code: 'INVALID_REQUEST' });
    const unknownAction = await act(flow.id, 'password.teleport');
    expect(unknownAction.status).toBe(415);
    const missing = await fetch(flowUrl('00000000-0000-4000-8000-000000000000'));
    expect(missing.status).toBe(404);
    const incomplete = await fetch(`${issuer}/resume?flowId=${flow.id}`, { redirect: 'manual' });
    expect(incomplete.status).toBe(400);
  });
});
