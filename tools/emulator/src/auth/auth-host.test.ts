import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../emulator-options.js';
import { startEmulator } from '../start-emulator.js';
import { managementAudience } from './token-service.js';

const form = 'application/x-www-form-urlencoded';

describe('auth host', () => {
  let emulator: RunningEmulator;
  let tokenUrl: string;

  beforeAll(async () => {
    emulator = await startEmulator({ seed: { clientSecret: 'correct horse' } });
    tokenUrl = `${emulator.authUrl}/${emulator.environmentId}/as/token`;
  });
  afterAll(() => emulator.close());

  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

  it('issues a token with client_secret_basic', async () => {
    const response = await fetch(tokenUrl, {
      method: 'POST',
      headers: { authorization: basic(emulator.clientId, 'correct horse'), 'content-type': form },
      body: 'grant_type=client_credentials',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    const body = await response.json();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: '' });
    expect(typeof body.access_token).toBe('string');
  });

  it('issues a token with client_secret_post', async () => {
    const response = await fetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': form },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: emulator.clientId,
        client_secret: 'correct horse',
      }).toString(),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).token_type).toBe('Bearer');
  });

  it('refuses a wrong secret with 401 invalid_client', async () => {
    const response = await fetch(tokenUrl, {
      method: 'POST',
      headers: { authorization: basic(emulator.clientId, 'wrong'), 'content-type': form },
      body: 'grant_type=client_credentials',
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Basic');
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('refuses an unknown client and a missing client authentication', async () => {
    const unknown = await fetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': form },
      body: 'grant_type=client_credentials&client_id=nobody&client_secret=x',
    });
    expect(unknown.status).toBe(401);
    const missing = await fetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': form },
      body: 'grant_type=client_credentials',
    });
    expect(missing.status).toBe(401);
    expect((await missing.json()).error).toBe('invalid_client');
  });

  it('refuses an unsupported grant with 400 unsupported_grant_type', async () => {
    const response = await fetch(tokenUrl, {
      method: 'POST',
      headers: { authorization: basic(emulator.clientId, 'correct horse'), 'content-type': form },
      body: 'grant_type=password&username=a&password=b',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('signs RS256 tokens that verify against the published JWKS', async () => {
    const response = await fetch(tokenUrl, {
      method: 'POST',
      headers: { authorization: basic(emulator.clientId, 'correct horse'), 'content-type': form },
      body: 'grant_type=client_credentials&scope=p1:read:user',
    });
    const { access_token: token } = await response.json();
    const issuer = `${emulator.authUrl}/${emulator.environmentId}/as`;
    const jwks = createRemoteJWKSet(new URL(`${issuer}/jwks`));
    const { payload, protectedHeader } = await jwtVerify(token, jwks, {
      issuer,
      audience: managementAudience,
    });
    expect(protectedHeader.alg).toBe('RS256');
    expect(protectedHeader.kid).toBe(decodeProtectedHeader(token).kid);
    expect(payload).toMatchObject({
      sub: emulator.clientId,
      client_id: emulator.clientId,
      env: emulator.environmentId,
    });
    expect(payload.scope).toBe('p1:read:user');
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(3600);
    expect(typeof payload.jti).toBe('string');
  });

  it('publishes OpenID discovery with the issuer and endpoints', async () => {
    const issuer = `${emulator.authUrl}/${emulator.environmentId}/as`;
    const response = await fetch(`${issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      issuer,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
      grant_types_supported: expect.arrayContaining(['client_credentials']),
    });
  });

  it('answers 404 for an environment it does not hold', async () => {
    const response = await fetch(`${emulator.authUrl}/00000000-0000-4000-8000-000000000001/as/jwks`);
    expect(response.status).toBe(404);
    expect((await response.json()).code).toBe('NOT_FOUND');
  });
});

describe('bearer tokens on the management API', () => {
  it('answers 401 ACCESS_FAILED without a token, with a forged one and with an expired one', async () => {
    const emulator = await startEmulator({ tokenLifetimeSeconds: 2 });
    try {
      const usersUrl = `${emulator.apiUrl}/environments/${emulator.environmentId}/users`;
      const missing = await fetch(usersUrl);
      expect(missing.status).toBe(401);
      expect(await missing.json()).toMatchObject({
        code: 'ACCESS_FAILED',
        details: [{ code: 'INVALID_TOKEN' }],
      });

      const forged = await fetch(usersUrl, { headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' } });
      expect(forged.status).toBe(401);

      const response = await fetch(`${emulator.authUrl}/${emulator.environmentId}/as/token`, {
        method: 'POST',
        headers: { 'content-type': form },
        body: `grant_type=client_credentials&client_id=${emulator.clientId}&client_secret=${encodeURIComponent(emulator.clientSecret)}`,
      });
      const { access_token: token, expires_in: expiresIn } = await response.json();
      expect(expiresIn).toBe(2);
      expect((await fetch(usersUrl, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 3100));
      const expired = await fetch(usersUrl, { headers: { authorization: `Bearer ${token}` } });
      expect(expired.status).toBe(401);
      expect((await expired.json()).code).toBe('ACCESS_FAILED');
    } finally {
      await emulator.close();
    }
  });
});
