import { AuthenticationError, BadRequestError } from '@pingone-sdk/core';
import { type RunningEmulator, startEmulator } from '@pingone-sdk/emulator';
import { exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuthClient,
  buildAuthorizeUrl,
  buildSignOffUrl,
  createAuthClient,
  createPkce,
  exchangeAuthorizationCode,
  getJwks,
  getOpenIdConfiguration,
  getUserInfo,
  introspectToken,
  pollDeviceToken,
  pushAuthorizationRequest,
  refreshAccessToken,
  requestClientCredentialsToken,
  requestToken,
  revokeToken,
  startDeviceAuthorization,
  TokenVerificationError,
  verifyAccessToken,
  verifyIdToken,
} from '../src/index.js';
import { signInThroughEmulator } from './sign-in.js';

const redirectUri = 'http://localhost:3000/callback';
const signedOut = 'http://localhost:3000/signed-out';
const managementAudience = 'https://api.pingone.com';
const userGrants = ['AUTHORIZATION_CODE', 'REFRESH_TOKEN', 'CLIENT_CREDENTIALS'];
const jwtSecret = 'a-client-secret-long-enough-for-hs256!';

describe('@pingone-sdk/auth against the emulator', () => {
  let emulator: RunningEmulator;
  let privatePem: string;
  let jwksFetches = 0;
  const countingFetch: typeof fetch = (input, init) => {
    if (String(input instanceof Request ? input.url : input).endsWith('/as/jwks')) jwksFetches += 1;
    return fetch(input, init);
  };

  beforeAll(async () => {
    const appKey = await generateKeyPair('RS256', { extractable: true });
    privatePem = await exportPKCS8(appKey.privateKey);
    emulator = await startEmulator({
      seed: {
        users: [
          {
            username: 'ada',
            email: 'ada@example.com',
            name: { given: 'Ada', family: 'Lovelace' },
            password: 'P4ssw0rd!',
          },
        ],
        applications: [
          {
            id: 'web-app',
            clientSecret: 'web-secret',
            grantTypes: userGrants,
            redirectUris: [redirectUri],
            postLogoutRedirectUris: [signedOut],
            tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC',
            pkceEnforcement: 'S256_REQUIRED',
          },
          {
            id: 'post-app',
            clientSecret: 'post-secret',
            grantTypes: userGrants,
            redirectUris: [redirectUri],
            tokenEndpointAuthMethod: 'CLIENT_SECRET_POST',
          },
          {
            id: 'jwt-app',
            clientSecret: jwtSecret,
            grantTypes: userGrants,
            redirectUris: [redirectUri],
            tokenEndpointAuthMethod: 'CLIENT_SECRET_JWT',
          },
          {
            id: 'key-app',
            grantTypes: userGrants,
            redirectUris: [redirectUri],
            tokenEndpointAuthMethod: 'PRIVATE_KEY_JWT',
            jwks: {
              keys: [{ ...(await exportJWK(appKey.publicKey)), kid: 'app-key-1', use: 'sig', alg: 'RS256' }],
            },
          },
          {
            id: 'spa',
            type: 'SINGLE_PAGE_APP',
            grantTypes: ['AUTHORIZATION_CODE'],
            redirectUris: [redirectUri],
            tokenEndpointAuthMethod: 'NONE',
          },
          {
            id: 'tv',
            type: 'NATIVE_APP',
            grantTypes: ['DEVICE_CODE', 'REFRESH_TOKEN'],
            tokenEndpointAuthMethod: 'NONE',
            devicePollingInterval: 1,
          },
        ],
      },
    });
  });
  afterAll(() => emulator?.close());

  const clientFor = (clientId: string, extra: Partial<Parameters<typeof createAuthClient>[0]> = {}) =>
    createAuthClient({
      authUrl: emulator.authUrl,
      environmentId: emulator.environmentId,
      clientId,
      fetch: countingFetch,
      ...extra,
    });

  /** The whole authorization code flow with PKCE, state and nonce, for one client. */
  async function signIn(client: AuthClient) {
    const pkce = await createPkce();
    const state = crypto.randomUUID();
    const nonce = crypto.randomUUID();
    const url = buildAuthorizeUrl({
      client,
      redirectUri,
      scope: 'openid profile email',
      state,
      nonce,
      codeChallenge: pkce.challenge,
    });
    const callback = await signInThroughEmulator(url, 'ada', 'P4ssw0rd!');
    expect(callback.searchParams.get('state')).toBe(state);
    const code = callback.searchParams.get('code') ?? '';
    const tokens = await exchangeAuthorizationCode({
      client,
      code,
      redirectUri,
      codeVerifier: pkce.verifier,
    });
    return { tokens, nonce, code, pkce };
  }

  it('reads discovery and the signing keys', async () => {
    const client = clientFor('web-app', { clientSecret: 'web-secret' });
    const configuration = await getOpenIdConfiguration({ client });
    expect(configuration).toMatchObject({
      issuer: client.issuer,
      token_endpoint: client.endpoints.token,
      jwks_uri: client.endpoints.jwks,
    });
    const { keys } = await getJwks({ client });
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
  });

  it('signs a user in with the code flow and PKCE (client_secret_basic), then verifies, reads userinfo and introspects', async () => {
    const client = clientFor('web-app', { clientSecret: 'web-secret' });
    const { tokens, nonce } = await signIn(client);
    expect(tokens).toMatchObject({ tokenType: 'Bearer', expiresIn: 3600, scope: 'openid profile email' });
    expect(tokens.refreshToken).toBeTypeOf('string');
    const idClaims = await verifyIdToken({ client, token: tokens.idToken ?? '', nonce, maxAge: 60 });
    expect(idClaims).toMatchObject({
      aud: 'web-app',
      nonce,
      email: 'ada@example.com',
      preferred_username: 'ada',
    });
    const accessClaims = await verifyAccessToken({
      client,
      token: tokens.accessToken,
      audience: managementAudience,
      requiredScopes: ['email'],
    });
    expect(accessClaims.sub).toBe(idClaims.sub);
    await expect(getUserInfo({ client, accessToken: tokens.accessToken })).resolves.toMatchObject({
      sub: idClaims.sub,
      email: 'ada@example.com',
      given_name: 'Ada',
      family_name: 'Lovelace',
    });
    await expect(introspectToken({ client, token: tokens.accessToken })).resolves.toMatchObject({
      active: true,
      sub: idClaims.sub,
    });
    await expect(introspectToken({ client, token: tokens.refreshToken ?? '' })).resolves.toMatchObject({
      active: true,
    });
    await expect(introspectToken({ client, token: 'not-a-token' })).resolves.toEqual({ active: false });
  });

  it('refuses a wrong nonce, a wrong verifier, a reused code and an authorize request without S256', async () => {
    const client = clientFor('web-app', { clientSecret: 'web-secret' });
    const { tokens, code, pkce } = await signIn(client);
    const wrongNonce = await verifyIdToken({ client, token: tokens.idToken ?? '', nonce: 'other' }).catch(
      (error: unknown) => error,
    );
    expect(wrongNonce).toMatchObject({ reason: 'wrong_nonce' });
    const reused = await exchangeAuthorizationCode({
      client,
      code,
      redirectUri,
      codeVerifier: pkce.verifier,
    }).catch((error: unknown) => error);
    expect(reused).toBeInstanceOf(BadRequestError);
    expect(reused).toMatchObject({ error: 'invalid_grant' });

    const url = buildAuthorizeUrl({
      client,
      redirectUri,
      scope: 'openid',
      codeChallenge: 'x'.repeat(43),
      codeChallengeMethod: 'plain',
    });
    const refused = await signInThroughEmulator(url, 'ada', 'P4ssw0rd!');
    expect(refused.searchParams.get('error')).toBe('invalid_request');

    const other = await createPkce();
    const callback = await signInThroughEmulator(
      buildAuthorizeUrl({ client, redirectUri, scope: 'openid', codeChallenge: other.challenge }),
      'ada',
      'P4ssw0rd!',
    );
    const mismatch = await exchangeAuthorizationCode({
      client,
      code: callback.searchParams.get('code') ?? '',
      redirectUri,
      codeVerifier: pkce.verifier,
    }).catch((error: unknown) => error);
    expect(mismatch).toMatchObject({ status: 400, error: 'invalid_grant' });
  });

  it('rotates refresh tokens: the new one works, the old one is refused', async () => {
    const client = clientFor('web-app', { clientSecret: 'web-secret' });
    const { tokens } = await signIn(client);
    const refreshed = await refreshAccessToken({
      client,
      refreshToken: tokens.refreshToken ?? '',
      scope: 'openid email',
    });
    expect(refreshed.scope).toBe('openid email');
    expect(refreshed.refreshToken).not.toBe(tokens.refreshToken);
    const replay = await refreshAccessToken({ client, refreshToken: tokens.refreshToken ?? '' }).catch(
      (error: unknown) => error,
    );
    expect(replay).toMatchObject({ error: 'invalid_grant' });
    await expect(
      refreshAccessToken({ client, refreshToken: refreshed.refreshToken ?? '' }),
    ).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('revokes access and refresh tokens', async () => {
    const client = clientFor('web-app', { clientSecret: 'web-secret' });
    const { tokens } = await signIn(client);
    await revokeToken({ client, token: tokens.accessToken, tokenTypeHint: 'access_token' });
    await expect(introspectToken({ client, token: tokens.accessToken })).resolves.toEqual({ active: false });
    const userInfo = await getUserInfo({ client, accessToken: tokens.accessToken }).catch(
      (error: unknown) => error,
    );
    expect(userInfo).toBeInstanceOf(AuthenticationError);
    expect(userInfo).toMatchObject({ error: 'invalid_token' });
    await revokeToken({ client, token: tokens.refreshToken ?? '' });
    await expect(
      refreshAccessToken({ client, refreshToken: tokens.refreshToken ?? '' }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(revokeToken({ client, token: 'unknown' })).resolves.toBeUndefined();
  });

  it('authenticates with client_secret_post, client_secret_jwt, private_key_jwt and none', async () => {
    const clients = [
      clientFor('post-app', { clientSecret: 'post-secret', authMethod: 'client_secret_post' }),
      clientFor('jwt-app', { clientSecret: jwtSecret, authMethod: 'client_secret_jwt' }),
      clientFor('key-app', { privateKey: privatePem, privateKeyId: 'app-key-1' }),
      clientFor('spa'),
    ];
    for (const client of clients) {
      const { tokens } = await signIn(client);
      await expect(verifyIdToken({ client, token: tokens.idToken ?? '' })).resolves.toMatchObject({
        aud: client.clientId,
      });
      if (client.authMethod !== 'none') {
        await expect(introspectToken({ client, token: tokens.accessToken })).resolves.toMatchObject({
          active: true,
        });
        await expect(requestClientCredentialsToken({ client })).resolves.toMatchObject({
          tokenType: 'Bearer',
        });
      }
    }
  });

  it('refuses wrong client credentials with invalid_client', async () => {
    const attempts = [
      clientFor('web-app', { clientSecret: 'wrong' }),
      clientFor('post-app', { clientSecret: 'wrong', authMethod: 'client_secret_post' }),
      clientFor('jwt-app', {
        clientSecret: 'a-wrong-secret-long-enough-for-hs256!!',
        authMethod: 'client_secret_jwt',
      }),
      clientFor('key-app', { privateKey: (await generateKeyPair('RS256')).privateKey }),
      clientFor('web-app'),
    ];
    for (const client of attempts) {
      const error = await requestClientCredentialsToken({ client }).catch((caught: unknown) => caught);
      expect(error, client.authMethod).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({ status: 401, error: 'invalid_client' });
    }
  });

  it('signs in through a pushed authorization request', async () => {
    const client = clientFor('key-app', { privateKey: privatePem, privateKeyId: 'app-key-1' });
    const pkce = await createPkce();
    const pushed = await pushAuthorizationRequest({
      client,
      redirectUri,
      scope: 'openid',
      state: 's-par',
      codeChallenge: pkce.challenge,
    });
    expect(pushed.requestUri).toMatch(/^urn:ietf:params:oauth:request_uri:/);
    expect(pushed.expiresIn).toBe(60);
    expect(new URL(pushed.authorizeUrl).searchParams.get('redirect_uri')).toBeNull();
    const callback = await signInThroughEmulator(pushed.authorizeUrl, 'ada', 'P4ssw0rd!');
    expect(callback.searchParams.get('state')).toBe('s-par');
    const tokens = await exchangeAuthorizationCode({
      client,
      code: callback.searchParams.get('code') ?? '',
      redirectUri,
      codeVerifier: pkce.verifier,
    });
    expect(tokens.idToken).toBeTypeOf('string');
  });

  it('runs the device flow: pending until the user approves, then tokens', async () => {
    const client = clientFor('tv');
    const device = await startDeviceAuthorization({ client, scope: 'openid profile' });
    expect(device).toMatchObject({ interval: 1, expiresIn: 600 });
    expect(device.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    const pending: string[] = [];
    setTimeout(() => {
      void fetch(device.verificationUri, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ user_code: device.userCode, username: 'ada', password: 'P4ssw0rd!' }),
      });
    }, 1500);
    const tokens = await pollDeviceToken({
      client,
      ...device,
      onPending: ({ error }) => pending.push(error),
    });
    expect(pending[0]).toBe('authorization_pending');
    await expect(verifyIdToken({ client, token: tokens.idToken ?? '' })).resolves.toMatchObject({
      preferred_username: 'ada',
    });
  });

  it('answers slow_down to a device polling faster than its interval', async () => {
    const client = clientFor('tv');
    const device = await startDeviceAuthorization({ client });
    const poll = () =>
      requestToken({
        client: client.http,
        body: {
          grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
          device_code: device.deviceCode,
          client_id: 'tv',
        },
      }).catch((error: unknown) => (error as BadRequestError).error);
    expect(await poll()).toBe('authorization_pending');
    expect(await poll()).toBe('slow_down');
  });

  it('builds a sign-off URL the server redirects back from', async () => {
    const client = clientFor('web-app', { clientSecret: 'web-secret' });
    const { tokens } = await signIn(client);
    const answer = await fetch(
      buildSignOffUrl({
        client,
        idTokenHint: tokens.idToken ?? '',
        postLogoutRedirectUri: signedOut,
        state: 'bye',
      }),
      {
        redirect: 'manual',
      },
    );
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe(`${signedOut}?state=bye`);
  });

  it('fetches the JWKS once for many verifications over real HTTP, and refuses a foreign audience', async () => {
    const client = clientFor('web-app', { clientSecret: 'web-secret' });
    const { tokens } = await signIn(client);
    const before = jwksFetches;
    for (let index = 0; index < 200; index += 1) {
      await verifyAccessToken({ client, token: tokens.accessToken, audience: managementAudience });
    }
    expect(jwksFetches - before).toBe(1);
    const error = await verifyAccessToken({
      client,
      token: tokens.accessToken,
      audience: 'https://api.example.com',
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TokenVerificationError);
    expect(error).toMatchObject({ reason: 'wrong_audience' });
  });
});
