import { type RunningEmulator, startEmulator } from '@pingone-sdk/emulator';
import { exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../src/client.js';
import { type ClientCredentialsOptions, clientCredentials } from '../src/client-credentials.js';
import { AuthenticationError, NotFoundError } from '../src/errors.js';

const hmacSecret = 'a client secret of at least thirty-two bytes';

describe('clientCredentials against the emulator, with every client authentication method', () => {
  let emulator: RunningEmulator;
  let privateKeyPem: string;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    privateKeyPem = await exportPKCS8(pair.privateKey);
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'worker-key-1', use: 'sig' };
    emulator = await startEmulator({
      customDomain: true,
      seed: {
        applications: [
          {
            id: 'keyed-worker',
            type: 'WORKER',
            tokenEndpointAuthMethod: 'PRIVATE_KEY_JWT',
            grantTypes: ['CLIENT_CREDENTIALS'],
            jwks: { keys: [publicJwk] },
          },
          {
            id: 'hmac-worker',
            type: 'WORKER',
            clientSecret: hmacSecret,
            tokenEndpointAuthMethod: 'CLIENT_SECRET_JWT',
            grantTypes: ['CLIENT_CREDENTIALS'],
          },
        ],
      },
    });
  }, 60_000);
  afterAll(() => emulator.close());

  const listPopulations = async (token: ReturnType<typeof clientCredentials>) => {
    const client = createClient({ baseUrl: emulator.apiUrl, environmentId: emulator.environmentId, token });
    const { response } = await client.get({ url: '/environments/{environmentId}/populations' });
    return response.status;
  };

  const keyedWorker = (options: Partial<ClientCredentialsOptions> = {}) =>
    clientCredentials({
      environmentId: emulator.environmentId,
      authUrl: emulator.authUrl,
      clientId: 'keyed-worker',
      privateKey: privateKeyPem,
      privateKeyId: 'worker-key-1',
      ...options,
    });

  it('drives API calls with a private_key_jwt worker', async () => {
    expect(await listPopulations(keyedWorker())).toBe(200);
  });

  it('drives API calls with a client_secret_jwt worker', async () => {
    const token = clientCredentials({
      environmentId: emulator.environmentId,
      authUrl: emulator.authUrl,
      clientId: 'hmac-worker',
      clientSecret: hmacSecret,
      authMethod: 'client_secret_jwt',
    });
    expect(await listPopulations(token)).toBe(200);
  });

  it('reaches a custom domain through issuer alone, with either assertion audience', async () => {
    const issuer = emulator.customDomainIssuer as string;
    for (const assertionAudience of ['tokenEndpoint', 'issuer'] as const) {
      const token = clientCredentials({
        issuer,
        clientId: 'keyed-worker',
        privateKey: privateKeyPem,
        privateKeyId: 'worker-key-1',
        assertionAudience,
      });
      const accessToken = await token.getToken();
      const claims = JSON.parse(
        atob((accessToken.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/')),
      );
      expect(claims.iss).toBe(issuer);
      expect(await listPopulations(token)).toBe(200);
    }
    const withSecret = clientCredentials({
      issuer,
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
    });
    expect(await listPopulations(withSecret)).toBe(200);
  });

  it('refuses an assertion signed by a key the application does not hold as AuthenticationError', async () => {
    const stranger = await generateKeyPair('RS256', { extractable: true });
    const token = keyedWorker({ privateKey: await exportPKCS8(stranger.privateKey) });
    const error = await token.getToken().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, error: 'invalid_client' });
  });

  it('reports a wrong environment or issuer path as a 404 naming the URL, not as bad credentials', async () => {
    const wrongEnvironment = keyedWorker({ environmentId: '00000000-0000-4000-8000-000000000001' });
    const error = await wrongEnvironment.getToken().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).not.toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toBe(
      `Nothing answers at ${emulator.authUrl}/00000000-0000-4000-8000-000000000001/as/token (404): check region, authUrl or issuer, and environmentId`,
    );
    const wrongIssuer = clientCredentials({
      issuer: `${new URL(emulator.customDomainIssuer as string).origin}/oauth`,
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
    });
    await expect(wrongIssuer.getToken()).rejects.toThrow(
      /Nothing answers at http:\/\/127\.0\.0\.1:\d+\/oauth\/token/,
    );
  });
});
