/**
 * Every token and verification path of @pingone-sdk/auth against an environment served on a custom
 * domain (the emulator's second origin), configured with nothing but its `issuer`.
 */
import { NotFoundError } from '@pingone-sdk/core';
import { type RunningEmulator, startEmulator } from '@pingone-sdk/emulator';
import { exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAuthorizeUrl,
  createAuthClient,
  createPkce,
  exchangeAuthorizationCode,
  getJwks,
  getOpenIdConfiguration,
  getUserInfo,
  introspectToken,
  pushAuthorizationRequest,
  refreshAccessToken,
  requestClientCredentialsToken,
  revokeToken,
  startDeviceAuthorization,
  verifyAccessToken,
  verifyIdToken,
} from '../src/index.js';
import { signInThroughEmulator } from './sign-in.js';

const redirectUri = 'http://localhost:3000/callback';

describe('@pingone-sdk/auth on a custom domain', () => {
  let emulator: RunningEmulator;
  let issuer: string;
  let privatePem: string;
  const requested: string[] = [];
  const recordingFetch: typeof fetch = (input, init) => {
    requested.push(input instanceof Request ? input.url : String(input));
    return fetch(input, init);
  };

  beforeAll(async () => {
    const appKey = await generateKeyPair('RS256', { extractable: true });
    privatePem = await exportPKCS8(appKey.privateKey);
    emulator = await startEmulator({
      customDomain: true,
      seed: {
        users: [{ username: 'ada', email: 'ada@example.com', password: 'P4ssw0rd!' }],
        applications: [
          {
            id: 'web-app',
            clientSecret: 'web-secret',
            grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN', 'CLIENT_CREDENTIALS'],
            redirectUris: [redirectUri],
            tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC',
          },
          {
            id: 'tv',
            type: 'NATIVE_APP',
            grantTypes: ['DEVICE_CODE'],
            tokenEndpointAuthMethod: 'NONE',
          },
          {
            id: 'key-app',
            grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN', 'CLIENT_CREDENTIALS'],
            redirectUris: [redirectUri],
            tokenEndpointAuthMethod: 'PRIVATE_KEY_JWT',
            jwks: { keys: [{ ...(await exportJWK(appKey.publicKey)), kid: 'app-key-1', use: 'sig' }] },
          },
        ],
      },
    });
    issuer = emulator.customDomainIssuer as string;
  });
  afterAll(() => emulator?.close());

  const webApp = () =>
    createAuthClient({ issuer, clientId: 'web-app', clientSecret: 'web-secret', fetch: recordingFetch });

  it('derives every endpoint from the issuer, with no environment in any URL', () => {
    const client = webApp();
    expect(client.issuer).toBe(issuer);
    expect(client.authUrl).toBe(new URL(issuer).origin);
    expect(client.environmentId).toBeUndefined();
    expect(client.endpoints).toMatchObject({
      token: `${issuer}/token`,
      jwks: `${issuer}/jwks`,
      userInfo: `${issuer}/userinfo`,
      openIdConfiguration: `${issuer}/.well-known/openid-configuration`,
    });
  });

  it('reads discovery and the signing keys from the custom domain', async () => {
    const client = webApp();
    const configuration = await getOpenIdConfiguration({ client });
    expect(configuration).toMatchObject({ issuer, token_endpoint: client.endpoints.token });
    expect((await getJwks({ client })).keys[0]).toMatchObject({ kty: 'RSA' });
  });

  it('signs a user in, verifies both tokens, reads userinfo, refreshes, introspects and revokes', async () => {
    const client = webApp();
    const pkce = await createPkce();
    const nonce = crypto.randomUUID();
    const authorizeUrl = buildAuthorizeUrl({
      client,
      redirectUri,
      scope: 'openid email',
      nonce,
      codeChallenge: pkce.challenge,
    });
    expect(authorizeUrl.startsWith(`${issuer}/authorize?`)).toBe(true);
    const callback = await signInThroughEmulator(authorizeUrl, 'ada', 'P4ssw0rd!');
    const tokens = await exchangeAuthorizationCode({
      client,
      code: callback.searchParams.get('code') ?? '',
      redirectUri,
      codeVerifier: pkce.verifier,
    });

    const idClaims = await verifyIdToken({ client, token: tokens.idToken ?? '', nonce });
    expect(idClaims).toMatchObject({ iss: issuer, aud: 'web-app' });
    const accessClaims = await verifyAccessToken({ client, token: tokens.accessToken });
    expect(accessClaims.iss).toBe(issuer);
    expect(await getUserInfo({ client, accessToken: tokens.accessToken })).toMatchObject({
      email: 'ada@example.com',
    });

    const refreshed = await refreshAccessToken({ client, refreshToken: tokens.refreshToken ?? '' });
    expect((await verifyAccessToken({ client, token: refreshed.accessToken })).iss).toBe(issuer);
    expect(await introspectToken({ client, token: refreshed.accessToken })).toMatchObject({
      active: true,
      iss: issuer,
    });
    await revokeToken({ client, token: refreshed.accessToken });
    expect((await introspectToken({ client, token: refreshed.accessToken })).active).toBe(false);

    // Nothing went to the standard host: every request named the custom domain.
    expect(requested.length).toBeGreaterThan(0);
    for (const url of requested) expect(url.startsWith(`${issuer}/`), url).toBe(true);
  });

  it('pushes an authorization request and starts the device flow on the custom domain', async () => {
    const client = webApp();
    const pkce = await createPkce();
    const pushed = await pushAuthorizationRequest({
      client,
      redirectUri,
      scope: 'openid',
      state: 'par-state',
      codeChallenge: pkce.challenge,
    });
    expect(pushed.authorizeUrl.startsWith(`${issuer}/authorize?`)).toBe(true);
    const callback = await signInThroughEmulator(pushed.authorizeUrl, 'ada', 'P4ssw0rd!');
    expect(callback.searchParams.get('state')).toBe('par-state');

    const device = await startDeviceAuthorization({ client: createAuthClient({ issuer, clientId: 'tv' }) });
    expect(device.verificationUri.startsWith(`${issuer}/`)).toBe(true);
  });

  it('gets and verifies a client credentials token with private_key_jwt, for either assertion audience', async () => {
    for (const assertionAudience of ['tokenEndpoint', 'issuer'] as const) {
      const client = createAuthClient({
        issuer,
        clientId: 'key-app',
        privateKey: privatePem,
        privateKeyId: 'app-key-1',
        assertionAudience,
      });
      const { accessToken } = await requestClientCredentialsToken({ client });
      expect((await verifyAccessToken({ client, token: accessToken })).client_id).toBe('key-app');
    }
  });

  it('refuses a token of the same environment issued on its standard host', async () => {
    const standard = createAuthClient({
      authUrl: emulator.authUrl,
      environmentId: emulator.environmentId,
      clientId: 'web-app',
      clientSecret: 'web-secret',
    });
    const { accessToken } = await requestClientCredentialsToken({ client: standard });
    await expect(verifyAccessToken({ client: webApp(), token: accessToken })).rejects.toMatchObject({
      reason: 'wrong_issuer',
    });
  });

  it('reports a token request to a wrong issuer path as a 404 naming the URL', async () => {
    const client = createAuthClient({
      issuer: `${new URL(issuer).origin}/oauth2`,
      clientId: 'web-app',
      clientSecret: 'web-secret',
    });
    const error = await requestClientCredentialsToken({ client }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain(`${new URL(issuer).origin}/oauth2/token`);
  });
});
