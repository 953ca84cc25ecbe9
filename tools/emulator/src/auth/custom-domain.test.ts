import { createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../emulator-options.js';
import { startEmulator } from '../start-emulator.js';

const form = 'application/x-www-form-urlencoded';
const jwtBearer = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

describe('auth host on a custom domain, and client assertion audiences', () => {
  let emulator: RunningEmulator;
  let issuer: string;
  let standardIssuer: string;
  let privateKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    privateKey = pair.privateKey;
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'signer-1', use: 'sig' };
    emulator = await startEmulator({
      customDomain: true,
      seed: {
        clientSecret: 'worker secret',
        applications: [
          {
            id: 'keyed-worker',
            tokenEndpointAuthMethod: 'PRIVATE_KEY_JWT',
            grantTypes: ['CLIENT_CREDENTIALS'],
            jwks: { keys: [publicJwk] },
          },
        ],
      },
    });
    issuer = emulator.customDomainIssuer as string;
    standardIssuer = `${emulator.authUrl}/${emulator.environmentId}/as`;
  });
  afterAll(() => emulator.close());

  const assertion = (audience: string) =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'signer-1' })
      .setIssuer('keyed-worker')
      .setSubject('keyed-worker')
      .setAudience(audience)
      .setJti(crypto.randomUUID())
      .setIssuedAt()
      .setExpirationTime('1m')
      .sign(privateKey);

  const tokenWith = async (tokenEndpoint: string, audience: string) =>
    fetch(tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': form },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_assertion_type: jwtBearer,
        client_assertion: await assertion(audience),
      }),
    });

  it('serves /as/... on a second origin, without the environment in the path', () => {
    expect(issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/as$/);
    expect(new URL(issuer).origin).not.toBe(emulator.authUrl);
  });

  it('issues tokens whose iss is the custom domain, verifiable with its own JWKS and accepted by the API', async () => {
    const response = await tokenWith(`${issuer}/token`, `${issuer}/token`);
    expect(response.status).toBe(200);
    const { access_token: token } = (await response.json()) as { access_token: string };
    const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(`${issuer}/jwks`)), { issuer });
    expect(payload.client_id).toBe('keyed-worker');
    const api = await fetch(`${emulator.apiUrl}/environments/${emulator.environmentId}/populations`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(api.status).toBe(200);
  });

  it('publishes discovery with the custom issuer and only what it implements', async () => {
    const response = await fetch(`${issuer}/.well-known/openid-configuration`);
    const discovery = (await response.json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      issuer,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
      userinfo_endpoint: `${issuer}/userinfo`,
      request_parameter_supported: false,
      request_uri_parameter_supported: false,
    });
  });

  it('keeps the standard host and issuer for the same environment', async () => {
    const response = await tokenWith(`${standardIssuer}/token`, `${standardIssuer}/token`);
    const { access_token: token } = (await response.json()) as { access_token: string };
    const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(`${standardIssuer}/jwks`)));
    expect(payload.iss).toBe(standardIssuer);
  });

  it('answers 404 for anything but the auth host on the custom domain', async () => {
    expect((await fetch(`${new URL(issuer).origin}/v1/environments`)).status).toBe(404);
    expect((await fetch(`${new URL(issuer).origin}/${emulator.environmentId}/as/jwks`)).status).toBe(404);
  });

  it('accepts the token endpoint, the issuer and the endpoint called as assertion audience, nothing else', async () => {
    for (const audience of [`${issuer}/token`, issuer]) {
      expect((await tokenWith(`${issuer}/token`, audience)).status, audience).toBe(200);
    }
    const introspection = await fetch(`${issuer}/introspect`, {
      method: 'POST',
      headers: { 'content-type': form },
      body: new URLSearchParams({
        token: 'unknown',
        client_assertion_type: jwtBearer,
        client_assertion: await assertion(`${issuer}/introspect`),
      }),
    });
    expect(introspection.status).toBe(200);
    for (const audience of [`${standardIssuer}/token`, 'https://elsewhere.example/as/token']) {
      const refused = await tokenWith(`${issuer}/token`, audience);
      expect(refused.status, audience).toBe(401);
      expect(await refused.json()).toMatchObject({ error: 'invalid_client' });
    }
  });
});
