import { inspect } from 'node:util';
import { AuthenticationError, InvalidArgumentError } from '@pingone-sdk/core';
import { decodeJwt, decodeProtectedHeader, exportJWK, exportPKCS8, generateKeyPair, jwtVerify } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeAuthServer, oauthError } from '../test/fake-auth-server.js';
import { createAuthClient } from './create-auth-client.js';
import { requestClientCredentialsToken } from './request-client-credentials-token.js';

type Server = Awaited<ReturnType<typeof createFakeAuthServer>>;

describe('createAuthClient', () => {
  let server: Server;
  beforeEach(async () => {
    server = await createFakeAuthServer();
    server.routes.set('POST token', () =>
      Response.json({ access_token: 'at', token_type: 'Bearer', expires_in: 3600 }),
    );
  });
  const base = () => ({
    authUrl: server.authUrl,
    environmentId: server.environmentId,
    clientId: 'app 1',
    fetch: server.fetch,
  });
  const lastRequest = () => server.requests.at(-1) as NonNullable<ReturnType<typeof server.requests.at>>;

  it('sends client_secret_basic by default when a secret is given, form-encoding id and secret', async () => {
    const client = createAuthClient({ ...base(), clientSecret: 's:cret' });
    expect(client.authMethod).toBe('client_secret_basic');
    const tokens = await requestClientCredentialsToken({ client });
    expect(tokens).toMatchObject({ accessToken: 'at', tokenType: 'Bearer', expiresIn: 3600 });
    expect(lastRequest().headers.get('authorization')).toBe(`Basic ${btoa('app+1:s%3Acret')}`);
    expect(lastRequest().body.get('client_secret')).toBeNull();
    expect(lastRequest().body.get('grant_type')).toBe('client_credentials');
  });

  it('sends client_secret_post as form fields', async () => {
    const client = createAuthClient({ ...base(), clientSecret: 'secret', authMethod: 'client_secret_post' });
    await requestClientCredentialsToken({ client, scope: ['a', 'b'] });
    expect(lastRequest().headers.get('authorization')).toBeNull();
    expect(Object.fromEntries(lastRequest().body)).toMatchObject({
      client_id: 'app 1',
      client_secret: 'secret',
      scope: 'a b',
    });
  });

  it('signs a short-lived HS256 assertion for the token endpoint with client_secret_jwt, with a fresh jti each time', async () => {
    const client = createAuthClient({
      ...base(),
      clientSecret: 'a-secret-of-at-least-32-bytes-long!!',
      authMethod: 'client_secret_jwt',
    });
    await requestClientCredentialsToken({ client });
    await requestClientCredentialsToken({ client });
    const [first, second] = server.requests.map((request) => request.body.get('client_assertion') as string);
    expect(lastRequest().body.get('client_assertion_type')).toBe(
      'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    );
    const { payload } = await jwtVerify(
      first as string,
      new TextEncoder().encode('a-secret-of-at-least-32-bytes-long!!'),
      {
        algorithms: ['HS256'],
        issuer: 'app 1',
        subject: 'app 1',
        audience: `${server.issuer}/token`,
      },
    );
    expect((payload.exp as number) - (payload.iat as number)).toBe(60);
    expect(decodeJwt(second as string).jti).not.toBe(payload.jti);
    expect(lastRequest().body.get('client_secret')).toBeNull();
  });

  it('signs an RS256 assertion with private_key_jwt from a PEM, a JWK (with its kid) or a CryptoKey', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const pem = await exportPKCS8(privateKey);
    const jwk = { ...(await exportJWK(privateKey)), kid: 'app-key' };
    for (const [key, kid] of [
      [pem, 'pem-key'],
      [jwk, 'app-key'],
      [privateKey, undefined],
    ] as const) {
      const client = createAuthClient({
        ...base(),
        privateKey: key,
        ...(kid === 'pem-key' ? { privateKeyId: kid } : {}),
      });
      expect(client.authMethod).toBe('private_key_jwt');
      await requestClientCredentialsToken({ client });
      const assertion = lastRequest().body.get('client_assertion') as string;
      expect(decodeProtectedHeader(assertion)).toMatchObject({ alg: 'RS256', ...(kid ? { kid } : {}) });
      await expect(
        jwtVerify(assertion, publicKey, { audience: `${server.issuer}/token`, issuer: 'app 1' }),
      ).resolves.toBeTruthy();
    }
  });

  it('sends only client_id for public clients', async () => {
    const client = createAuthClient(base());
    expect(client.authMethod).toBe('none');
    await requestClientCredentialsToken({ client });
    expect(Object.fromEntries(lastRequest().body)).toEqual({
      grant_type: 'client_credentials',
      client_id: 'app 1',
    });
  });

  it('turns an OAuth refusal into the core error with error and error_description', async () => {
    server.routes.set('POST token', () => oauthError(401, 'invalid_client', 'Client authentication failed.'));
    const client = createAuthClient({ ...base(), clientSecret: 'wrong', retry: false });
    const error = await requestClientCredentialsToken({ client }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({
      status: 401,
      error: 'invalid_client',
      errorDescription: 'Client authentication failed.',
    });
  });

  it('keeps the secret and the private key out of JSON and util.inspect', async () => {
    const client = createAuthClient({ ...base(), clientSecret: 'super-secret-value' });
    expect(JSON.stringify(client)).not.toContain('super-secret-value');
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain('super-secret-value');
    expect(client.issuer).toBe(`${server.authUrl}/${server.environmentId}/as`);
  });

  it('refuses missing ids, a method without its credential, an unknown method and plain http off loopback', () => {
    const options = { environmentId: 'env', clientId: 'app' };
    expect(() => createAuthClient({ ...options, environmentId: '' })).toThrow(InvalidArgumentError);
    expect(() => createAuthClient({ ...options, authMethod: 'client_secret_jwt' })).toThrow(/clientSecret/);
    expect(() => createAuthClient({ ...options, authMethod: 'private_key_jwt' })).toThrow(/privateKey/);
    expect(() => createAuthClient({ ...options, authMethod: 'magic' as never })).toThrow(/authMethod/);
    expect(() => createAuthClient({ ...options, authUrl: 'http://auth.example.com' })).toThrow(
      /authUrl|baseUrl/,
    );
    expect(createAuthClient({ ...options, authUrl: 'http://127.0.0.1:4000/' }).issuer).toBe(
      'http://127.0.0.1:4000/env/as',
    );
    // One rule for blank text, and an issuer that leaves no doubt about the host.
    expect(() => createAuthClient({ ...options, environmentId: '   ' })).toThrow(/environmentId/);
    expect(() => createAuthClient({ ...options, clientSecret: ' ' })).toThrow(/clientSecret/);
    const issuer = 'https://auth.example.com/as';
    expect(() => createAuthClient({ ...options, issuer, region: 'EU' })).toThrow(/Invalid region/);
    expect(() => createAuthClient({ ...options, issuer, authUrl: 'https://auth.pingone.com' })).toThrow(
      /Invalid authUrl/,
    );
    expect(() => createAuthClient({ clientId: 'app', issuer: 'http://auth.example.com/as' })).toThrow(
      /Invalid issuer/,
    );
  });
});
