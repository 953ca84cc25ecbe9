import { decodeProtectedHeader, exportJWK, exportPKCS8, generateKeyPair, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClientAuthenticator } from './client-authentication.js';
import { InvalidArgumentError } from './errors.js';

const issuer = 'https://auth.example.com/as';
const target = { issuer, allowNone: true };
const jwtBearer = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

let keys: { privateKey: CryptoKey; publicKey: CryptoKey };
beforeAll(async () => {
  keys = await generateKeyPair('RS256', { extractable: true });
});

describe('createClientAuthenticator: secrets', () => {
  it('sends client_secret_basic in a form-encoded Basic header and nothing in the form', async () => {
    const authenticator = createClientAuthenticator({ clientId: 'app', clientSecret: 's:e c' }, target);
    expect(authenticator.method).toBe('client_secret_basic');
    const { headers, fields } = await authenticator.authenticate();
    expect(atob((headers.authorization ?? '').slice(6))).toBe('app:s%3Ae+c');
    expect(fields).toEqual({});
  });

  it('sends client_secret_post and none as form fields', async () => {
    const post = createClientAuthenticator(
      { clientId: 'app', clientSecret: 's', authMethod: 'client_secret_post' },
      target,
    );
    expect(await post.authenticate()).toEqual({
      headers: {},
      fields: { client_id: 'app', client_secret: 's' },
    });
    const none = createClientAuthenticator({ clientId: 'spa' }, target);
    expect(none.method).toBe('none');
    expect(await none.authenticate()).toEqual({ headers: {}, fields: { client_id: 'spa' } });
  });

  it('refuses what cannot work before anything is sent', () => {
    const refusals: Array<[Parameters<typeof createClientAuthenticator>[0], boolean, string]> = [
      [{ clientId: ' ', clientSecret: 's' }, true, 'clientId'],
      [{ clientId: 'app', clientSecret: '  ' }, true, 'clientSecret'],
      [{ clientId: 'app' }, false, 'clientSecret'],
      [{ clientId: 'app', authMethod: 'client_secret_jwt' }, true, 'clientSecret'],
      [{ clientId: 'app', authMethod: 'private_key_jwt' }, true, 'privateKey'],
      [{ clientId: 'app', authMethod: 'private_key_jwt', privateKey: ' ' }, true, 'privateKey'],
      [{ clientId: 'app', clientSecret: 's', authMethod: 'none' }, false, 'authMethod'],
      [{ clientId: 'app', clientSecret: 's', authMethod: 'tls' as 'none' }, true, 'authMethod'],
      [
        { clientId: 'app', clientSecret: 's', assertionAudience: 'aud' as 'issuer' },
        true,
        'assertionAudience',
      ],
      [{ clientId: 'app', clientSecret: 's', assertionLifetimeSeconds: 0 }, true, 'assertionLifetimeSeconds'],
      [{ clientId: 'app', clientSecret: 's', privateKeyId: '' }, true, 'privateKeyId'],
    ];
    for (const [options, allowNone, parameter] of refusals) {
      expect(() => createClientAuthenticator(options, { issuer, allowNone }), parameter).toThrow(
        expect.objectContaining({ name: 'InvalidArgumentError', parameter }),
      );
    }
  });
});

describe('createClientAuthenticator: JWT assertions', () => {
  const claimsOf = async (fields: Record<string, string>, key: CryptoKey | Uint8Array, at?: number) => {
    expect(fields.client_assertion_type).toBe(jwtBearer);
    const options = at === undefined ? {} : { currentDate: new Date(at) };
    return (await jwtVerify(fields.client_assertion ?? '', key, options)).payload;
  };

  it('signs client_secret_jwt with HS256, for the token endpoint, fresh each time', async () => {
    const authenticator = createClientAuthenticator(
      { clientId: 'app', clientSecret: 'a secret long enough for HS256', authMethod: 'client_secret_jwt' },
      { ...target, now: () => 1_700_000_000_000 },
    );
    const secret = new TextEncoder().encode('a secret long enough for HS256');
    const first = await authenticator.authenticate();
    const second = await authenticator.authenticate();
    expect(first.headers).toEqual({});
    expect(first.fields.client_id).toBe('app');
    const claims = await claimsOf(first.fields, secret, 1_700_000_000_000);
    expect(claims).toMatchObject({ iss: 'app', sub: 'app', aud: `${issuer}/token`, iat: 1_700_000_000 });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(60);
    expect((await claimsOf(second.fields, secret, 1_700_000_000_000)).jti).not.toBe(claims.jti);
    expect(decodeProtectedHeader(first.fields.client_assertion ?? '').alg).toBe('HS256');
  });

  it('signs private_key_jwt with RS256 from a PKCS#8 PEM, with privateKeyId as kid and the issuer as audience', async () => {
    const authenticator = createClientAuthenticator(
      {
        clientId: 'worker',
        privateKey: await exportPKCS8(keys.privateKey),
        privateKeyId: 'key-1',
        assertionAudience: 'issuer',
        assertionLifetimeSeconds: 120,
      },
      { issuer, allowNone: false },
    );
    expect(authenticator.method).toBe('private_key_jwt');
    const { fields } = await authenticator.authenticate();
    const claims = await claimsOf(fields, keys.publicKey);
    expect(claims.aud).toBe(issuer);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(120);
    expect(decodeProtectedHeader(fields.client_assertion ?? '')).toMatchObject({
      alg: 'RS256',
      kid: 'key-1',
    });
  });

  it('takes the kid of a private JWK, and a CryptoKey as it is', async () => {
    const jwk = { ...(await exportJWK(keys.privateKey)), kid: 'from-jwk' };
    const fromJwk = await createClientAuthenticator(
      { clientId: 'worker', privateKey: jwk },
      target,
    ).authenticate();
    expect(decodeProtectedHeader(fromJwk.fields.client_assertion ?? '').kid).toBe('from-jwk');
    const fromKey = await createClientAuthenticator(
      { clientId: 'worker', privateKey: keys.privateKey },
      target,
    ).authenticate();
    expect(decodeProtectedHeader(fromKey.fields.client_assertion ?? '').kid).toBeUndefined();
    await claimsOf(fromKey.fields, keys.publicKey);
  });

  it('reports a key it cannot import as InvalidArgumentError, every time, without quoting the key', async () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----';
    const authenticator = createClientAuthenticator({ clientId: 'worker', privateKey: pem }, target);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const error = await authenticator.authenticate().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error).toMatchObject({ parameter: 'privateKey' });
      expect(String((error as Error).message)).not.toContain('bm90IGEga2V5');
    }
  });
});
