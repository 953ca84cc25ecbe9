import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeAuthServer } from '../test/fake-auth-server.js';
import { createAuthClient } from './create-auth-client.js';
import { TokenVerificationError } from './token-verification-error.js';
import { verifyIdToken } from './verify-id-token.js';

type Server = Awaited<ReturnType<typeof createFakeAuthServer>>;

async function reasonOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TokenVerificationError);
  return (error as TokenVerificationError).reason;
}

describe('verifyIdToken', () => {
  let server: Server;
  beforeEach(async () => {
    server = await createFakeAuthServer();
  });
  const client = () =>
    createAuthClient({
      authUrl: server.authUrl,
      environmentId: server.environmentId,
      clientId: 'app',
      fetch: server.fetch,
    });

  it('accepts an ID token for this client with the right nonce and a recent auth_time', async () => {
    const token = await server.sign({
      aud: 'app',
      sub: 'user-1',
      nonce: 'n-1',
      auth_time: Math.floor(Date.now() / 1000) - 10,
    });
    await expect(verifyIdToken({ client: client(), token, nonce: 'n-1', maxAge: 60 })).resolves.toMatchObject(
      { sub: 'user-1' },
    );
  });

  it('refuses another audience, another azp, a wrong or missing nonce, and an old authentication', async () => {
    const auth = client();
    const now = Math.floor(Date.now() / 1000);
    expect(
      await reasonOf(verifyIdToken({ client: auth, token: await server.sign({ aud: 'other', sub: 'u' }) })),
    ).toBe('wrong_audience');
    const shared = await server.sign({ aud: ['app', 'other'], azp: 'other', sub: 'u' });
    expect(await reasonOf(verifyIdToken({ client: auth, token: shared }))).toBe('wrong_audience');
    const token = await server.sign({ aud: 'app', sub: 'u', nonce: 'n-1', auth_time: now - 600 });
    expect(await reasonOf(verifyIdToken({ client: auth, token, nonce: 'n-2' }))).toBe('wrong_nonce');
    expect(
      await reasonOf(
        verifyIdToken({ client: auth, token: await server.sign({ aud: 'app', sub: 'u' }), nonce: 'n' }),
      ),
    ).toBe('missing_claim');
    expect(await reasonOf(verifyIdToken({ client: auth, token, maxAge: 60 }))).toBe('authentication_too_old');
  });

  it('requires sub', async () => {
    expect(
      await reasonOf(verifyIdToken({ client: client(), token: await server.sign({ aud: 'app' }) })),
    ).toBe('missing_claim');
  });
});
