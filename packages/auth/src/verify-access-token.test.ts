import { generateKeyPair } from 'jose';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeAuthServer } from '../test/fake-auth-server.js';
import { createAuthClient } from './create-auth-client.js';
import { TokenVerificationError } from './token-verification-error.js';
import { verifyAccessToken } from './verify-access-token.js';

type Server = Awaited<ReturnType<typeof createFakeAuthServer>>;

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TokenVerificationError);
  return (error as TokenVerificationError).reason;
}

function base64Url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('verifyAccessToken', () => {
  let server: Server;
  let now: number;
  const audience = 'https://api.example.com';
  beforeEach(async () => {
    server = await createFakeAuthServer();
    now = Date.now();
  });
  afterEach(() => vi.useRealTimers());
  const client = (extra: object = {}) =>
    createAuthClient({
      authUrl: server.authUrl,
      environmentId: server.environmentId,
      clientId: 'app',
      fetch: server.fetch,
      now: () => now,
      ...extra,
    });

  it('accepts a good token and fetches the JWKS once for a hundred verifications', async () => {
    const auth = client();
    const token = await server.sign({ aud: [audience], sub: 'user-1', scope: 'openid orders:read' });
    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        verifyAccessToken({ client: auth, token, audience, requiredScopes: ['orders:read'] }),
      ),
    );
    expect(results[0]).toMatchObject({ sub: 'user-1', iss: server.issuer });
    for (let index = 0; index < 50; index += 1) await verifyAccessToken({ client: auth, token, audience });
    expect(server.jwksFetches).toBe(1);
  });

  it("fetches the signing keys through the client's fetch, with its headers", async () => {
    const auth = client({ headers: { 'X-Ping-External-Transaction-ID': 'tx-1' } });
    await verifyAccessToken({ client: auth, token: await server.sign({ aud: audience }), audience });
    const keyRequest = server.requests.find((request) => request.url === `${server.issuer}/jwks`);
    expect(keyRequest?.headers.get('x-ping-external-transaction-id')).toBe('tx-1');
  });

  it('refuses a wrong issuer, a wrong audience and a missing scope', async () => {
    const auth = client();
    const foreign = await server.sign({ aud: audience, iss: 'https://auth.pingone.com/other-env/as' });
    expect(await reasonOf(verifyAccessToken({ client: auth, token: foreign, audience }))).toBe(
      'wrong_issuer',
    );
    const otherAudience = await server.sign({ aud: 'https://other.example.com' });
    expect(await reasonOf(verifyAccessToken({ client: auth, token: otherAudience, audience }))).toBe(
      'wrong_audience',
    );
    const narrow = await server.sign({ aud: audience, scope: 'orders:read' });
    expect(
      await reasonOf(
        verifyAccessToken({ client: auth, token: narrow, audience, requiredScopes: ['orders:write'] }),
      ),
    ).toBe('insufficient_scope');
  });

  it('refuses an expired token beyond the clock tolerance, and accepts one within it', async () => {
    const auth = client({ clockToleranceSeconds: 30 });
    const token = await server.sign({ aud: audience }, { expiresIn: 60 });
    now += 80_000;
    await expect(verifyAccessToken({ client: auth, token, audience })).resolves.toBeTruthy();
    now += 20_000;
    expect(await reasonOf(verifyAccessToken({ client: auth, token, audience }))).toBe('expired');
  });

  it('refuses alg none, HS256 and tokens that are not JWTs, without fetching keys', async () => {
    const auth = client();
    const unsigned = `${base64Url({ alg: 'none', typ: 'JWT' })}.${base64Url({ iss: server.issuer, aud: audience, exp: 2e9 })}.`;
    expect(await reasonOf(verifyAccessToken({ client: auth, token: unsigned, audience }))).toBe(
      'unsupported_algorithm',
    );
    const hmac = await server.sign(
      { aud: audience },
      { algorithm: 'HS256', key: new Uint8Array(32) as never },
    );
    expect(await reasonOf(verifyAccessToken({ client: auth, token: hmac, audience }))).toBe(
      'unsupported_algorithm',
    );
    expect(await reasonOf(verifyAccessToken({ client: auth, token: 'not-a-jwt', audience }))).toBe(
      'malformed',
    );
    expect(await reasonOf(verifyAccessToken({ client: auth, token: '%%.%%.%%', audience }))).toBe(
      'malformed',
    );
    expect(server.jwksFetches).toBe(0);
  });

  it('refuses a tampered payload and a token signed by another key with the same kid', async () => {
    const auth = client();
    const token = await server.sign({ aud: audience, sub: 'user-1', scope: 'read' });
    const [header, , signature] = token.split('.');
    const forgedPayload = base64Url({
      iss: server.issuer,
      aud: audience,
      sub: 'admin',
      scope: 'read write',
      exp: 2e9,
    });
    expect(
      await reasonOf(
        verifyAccessToken({ client: auth, token: `${header}.${forgedPayload}.${signature}`, audience }),
      ),
    ).toBe('invalid_signature');
    const other = await generateKeyPair('RS256');
    const impostor = await server.sign({ aud: audience }, { key: other.privateKey });
    expect(await reasonOf(verifyAccessToken({ client: auth, token: impostor, audience }))).toBe(
      'invalid_signature',
    );
  });

  it('refetches the JWKS for an unknown kid, at most once per cooldown', async () => {
    // jose's key set reads the system clock for its cooldown; move it with the client's.
    vi.useFakeTimers({ toFake: ['Date'], now });
    const advance = (milliseconds: number) => {
      now += milliseconds;
      vi.setSystemTime(now);
    };
    const auth = client({ jwksCooldownSeconds: 30 });
    await verifyAccessToken({ client: auth, token: await server.sign({ aud: audience }), audience });
    expect(server.jwksFetches).toBe(1);
    // The server rotates in a new key: the first token naming it causes one refetch (after the cooldown).
    const rotated = await generateKeyPair('RS256', { extractable: true });
    const { exportJWK } = await import('jose');
    server.keySet.keys.push({
      ...(await exportJWK(rotated.publicKey)),
      kid: 'key-2',
      use: 'sig',
      alg: 'RS256',
    });
    const fresh = await server.sign({ aud: audience }, { key: rotated.privateKey, kid: 'key-2' });
    advance(31_000);
    await expect(verifyAccessToken({ client: auth, token: fresh, audience })).resolves.toBeTruthy();
    expect(server.jwksFetches).toBe(2);
    // A flood of unknown kids within the cooldown costs no further fetch.
    for (let index = 0; index < 20; index += 1) {
      const token = await server.sign({ aud: audience }, { kid: `forged-${index}` });
      expect(await reasonOf(verifyAccessToken({ client: auth, token, audience }))).toBe('unknown_key');
    }
    expect(server.jwksFetches).toBe(2);
    advance(31_000);
    expect(
      await reasonOf(
        verifyAccessToken({
          client: auth,
          token: await server.sign({ aud: audience }, { kid: 'x' }),
          audience,
        }),
      ),
    ).toBe('unknown_key');
    expect(server.jwksFetches).toBe(3);
  });

  it('reports an unreachable JWKS as jwks_unavailable and tries again on the next verification', async () => {
    const auth = createAuthClient({
      authUrl: server.authUrl,
      environmentId: server.environmentId,
      clientId: 'app',
      retry: false,
      fetch: async () => {
        throw new TypeError('connection refused');
      },
    });
    const token = await server.sign({ aud: audience });
    expect(await reasonOf(verifyAccessToken({ client: auth, token, audience }))).toBe('jwks_unavailable');
    expect(await reasonOf(verifyAccessToken({ client: auth, token, audience }))).toBe('jwks_unavailable');
  });
});
