/**
 * Worker applications that authenticate with a JWT instead of a secret feed the management client
 * directly: `clientCredentials` with private_key_jwt or client_secret_jwt, against the emulator.
 */
import { clientCredentials, paginate } from '@pingone-sdk/core';
import { type RunningEmulator, startEmulator } from '@pingone-sdk/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManagementClient, createUser, getUser, listUsers } from '../src/index.js';

const hmacSecret = 'a worker secret long enough to sign HS256 assertions';

/** An RSA key pair as a worker registers it: the private key as PKCS#8 PEM, the public one as a JWK. */
async function workerKeyPair(): Promise<{ privateKeyPem: string; publicJwk: JsonWebKey }> {
  const pair = await crypto.subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    true,
    ['sign', 'verify'],
  );
  const der = Buffer.from(await crypto.subtle.exportKey('pkcs8', pair.privateKey)).toString('base64');
  const lines = der.match(/.{1,64}/g) ?? [];
  return {
    privateKeyPem: `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----`,
    publicJwk: await crypto.subtle.exportKey('jwk', pair.publicKey),
  };
}

describe('management calls on JWT-authenticated workers', () => {
  let emulator: RunningEmulator;
  let privateKeyPem: string;
  let tokenRequests = 0;
  const countingFetch: typeof fetch = (input, init) => {
    if (String(input instanceof Request ? input.url : input).endsWith('/as/token')) tokenRequests += 1;
    return fetch(input, init);
  };

  beforeAll(async () => {
    const keys = await workerKeyPair();
    privateKeyPem = keys.privateKeyPem;
    emulator = await startEmulator({
      customDomain: true,
      seed: {
        applications: [
          {
            id: 'keyed-worker',
            type: 'WORKER',
            tokenEndpointAuthMethod: 'PRIVATE_KEY_JWT',
            grantTypes: ['CLIENT_CREDENTIALS'],
            jwks: { keys: [{ ...keys.publicJwk, kid: 'worker-key-1', use: 'sig' }] },
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
  afterAll(() => emulator?.close());

  const managementClient = (token: ReturnType<typeof clientCredentials>) =>
    createManagementClient({ baseUrl: emulator.apiUrl, environmentId: emulator.environmentId, token });

  it('creates, reads and lists users with a private_key_jwt worker, one token for every call', async () => {
    tokenRequests = 0;
    const client = managementClient(
      clientCredentials({
        environmentId: emulator.environmentId,
        authUrl: emulator.authUrl,
        clientId: 'keyed-worker',
        privateKey: privateKeyPem,
        privateKeyId: 'worker-key-1',
        fetch: countingFetch,
      }),
    );
    const created = await Promise.all(
      ['ada', 'grace', 'alan'].map(
        async (username) =>
          (
            await createUser({
              client,
              body: {
                username: `pkjwt-${username}`,
                email: `${username}@example.com`,
                population: { id: emulator.defaultPopulationId },
              },
            })
          ).data,
      ),
    );
    const { data: read } = await getUser({ client, path: { userId: created[0]?.id as string } });
    expect(read.username).toBe('pkjwt-ada');
    const names: string[] = [];
    for await (const user of paginate(listUsers, { client, query: { filter: 'username sw "pkjwt-"' } })) {
      names.push(user.username as string);
    }
    expect(names.sort()).toEqual(['pkjwt-ada', 'pkjwt-alan', 'pkjwt-grace']);
    expect(tokenRequests).toBe(1);
  });

  it('creates and lists users with a client_secret_jwt worker', async () => {
    const client = managementClient(
      clientCredentials({
        environmentId: emulator.environmentId,
        authUrl: emulator.authUrl,
        clientId: 'hmac-worker',
        clientSecret: hmacSecret,
        authMethod: 'client_secret_jwt',
      }),
    );
    await createUser({
      client,
      body: {
        username: 'csjwt-ada',
        email: 'csjwt@example.com',
        population: { id: emulator.defaultPopulationId },
      },
    });
    const { data } = await listUsers({ client, query: { filter: 'username eq "csjwt-ada"' } });
    expect(data._embedded?.users?.map((user) => user.username)).toEqual(['csjwt-ada']);
  });

  it('drives management calls with a private_key_jwt worker behind a custom domain', async () => {
    const client = managementClient(
      clientCredentials({
        issuer: emulator.customDomainIssuer as string,
        clientId: 'keyed-worker',
        privateKey: privateKeyPem,
        privateKeyId: 'worker-key-1',
        assertionAudience: 'issuer',
      }),
    );
    const { data } = await listUsers({ client, query: { limit: 1 } });
    expect(data._embedded?.users).toHaveLength(1);
  });
});
