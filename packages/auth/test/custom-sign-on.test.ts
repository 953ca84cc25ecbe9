/**
 * A custom sign-on UI driven from a server through the SDK: authorize with `response_mode=pi.flow`, the
 * flows API for each step, then resume for the code, against the emulator.
 */
import { BadRequestError } from '@pingone-sdk/core';
import { type RunningEmulator, startEmulator } from '@pingone-sdk/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuthClient,
  authorize,
  checkUsernamePassword,
  createAuthClient,
  createPkce,
  exchangeAuthorizationCode,
  type Flow,
  getFlow,
  resetFlow,
  resumeAuthorization,
  sendFlowVerificationCode,
  verifyFlowUser,
  verifyIdToken,
} from '../src/index.js';

const redirectUri = 'http://localhost:3000/callback';

describe('a custom sign-on UI through the flows API', () => {
  let emulator: RunningEmulator;
  let client: AuthClient;

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
            pkceEnforcement: 'S256_REQUIRED',
          },
        ],
      },
    });
    client = createAuthClient({
      authUrl: emulator.authUrl,
      environmentId: emulator.environmentId,
      clientId: 'custom-ui',
    });
  });
  afterAll(() => emulator?.close());

  /** Starts an authorization whose answer is the flow itself, not a redirect to the hosted page. */
  async function startSignOn(codeChallenge: string): Promise<Flow> {
    const { data } = await authorize({
      client: client.http,
      query: {
        response_type: 'code',
        client_id: client.clientId,
        redirect_uri: redirectUri,
        scope: 'openid profile',
        state: 'state-1',
        nonce: 'nonce-1',
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
        response_mode: 'pi.flow',
      },
    });
    return data as Flow;
  }

  it('signs a user on, resumes with the session cookie, and exchanges the code', async () => {
    const pkce = await createPkce();
    const started = await startSignOn(pkce.challenge);
    expect(started.status).toBe('USERNAME_PASSWORD_REQUIRED');
    const path = { flowId: started.id };
    expect((await getFlow({ client: client.http, path })).data).toMatchObject({ id: started.id });

    const refused = await checkUsernamePassword({
      client: client.http,
      path,
      body: { username: 'ada', password: 'wrong' },
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BadRequestError);
    expect(refused).toMatchObject({ code: 'INVALID_DATA', details: [{ target: 'password' }] });

    const { data: completed, response } = await checkUsernamePassword({
      client: client.http,
      path,
      body: { username: 'ada', password: 'P4ssw0rd!' },
    });
    expect(completed.status).toBe('COMPLETED');
    const sessionCookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(sessionCookie).toMatch(/^ST=/);

    // A server collects the code itself: the redirect is the answer, not something to follow.
    const resumed = await resumeAuthorization({
      client: client.http,
      query: { flowId: started.id },
      headers: { Cookie: sessionCookie },
      redirect: 'manual',
    });
    expect(resumed.response.status).toBe(302);
    const callback = new URL(resumed.response.headers.get('location') ?? '');
    expect(callback.searchParams.get('state')).toBe('state-1');

    const tokens = await exchangeAuthorizationCode({
      client,
      code: callback.searchParams.get('code') ?? '',
      redirectUri,
      codeVerifier: pkce.verifier,
    });
    const claims = await verifyIdToken({ client, token: tokens.idToken ?? '', nonce: 'nonce-1' });
    expect(claims.sub).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('verifies an account with the emailed code inside the flow, and restarts a flow', async () => {
    const pkce = await createPkce();
    const started = await startSignOn(pkce.challenge);
    const path = { flowId: started.id };
    const signedOn = await checkUsernamePassword({
      client: client.http,
      path,
      body: { username: 'grace', password: 'C0b0l!' },
    });
    expect(signedOn.data.status).toBe('VERIFICATION_CODE_REQUIRED');

    await sendFlowVerificationCode({ client: client.http, path, body: {} });
    const code = emulator.sentMessages().at(-1)?.code ?? '';
    const { data: verified } = await verifyFlowUser({
      client: client.http,
      path,
      body: { verificationCode: code },
    });
    expect(verified.status).toBe('COMPLETED');

    const another = await startSignOn(pkce.challenge);
    await checkUsernamePassword({
      client: client.http,
      path: { flowId: another.id },
      body: { username: 'ada', password: 'wrong' },
    }).catch(() => undefined);
    const { data: restarted } = await resetFlow({
      client: client.http,
      path: { flowId: another.id },
      body: {},
    });
    expect(restarted.status).toBe('USERNAME_PASSWORD_REQUIRED');
  });
});
