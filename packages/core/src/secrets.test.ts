import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  clientId,
  clientSecret,
  environmentId,
  type FakePingOne,
  startFakePingOne,
} from '../test/fake-pingone.js';
import { closedPort, realDelay, sendJson, startLoopbackServer } from '../test/loopback-server.js';
import { createClient } from './client.js';
import { type ClientSecretAuthMethod, clientCredentials } from './client-credentials.js';
import type { Client } from './client-types.js';
import { staticToken } from './token-provider.js';

/**
 * The client secret, tokens and the Basic credential must never show in errors (message, stack, JSON,
 * util.inspect), in inspected clients and providers, or in log lines.
 */

let pingOne: FakePingOne;
let lines: string[];
const logger = { debug: (line: string) => lines.push(line) };
const staticSecretToken = 'static-token-3f9a1c7e5b';
const basicCredential = Buffer.from(`${clientId}:${encodeURIComponent(clientSecret)}`).toString('base64');

beforeAll(async () => {
  pingOne = await startFakePingOne();
});
afterAll(() => pingOne.close());
beforeEach(() => {
  pingOne.reset();
  lines = [];
});

function secrets(): string[] {
  return [
    clientSecret,
    encodeURIComponent(clientSecret),
    basicCredential,
    staticSecretToken,
    ...pingOne.issued,
  ];
}

/** Every way an object can be printed or serialised. */
function renderings(value: unknown): Record<string, string> {
  const error = value instanceof Error ? value : undefined;
  return {
    string: String(value),
    message: error?.message ?? '',
    stack: error?.stack ?? '',
    json: JSON.stringify(value) ?? '',
    inspect: inspect(value, { depth: Number.POSITIVE_INFINITY }),
    inspectHidden: inspect(value, { depth: 6, showHidden: true }),
    cause: error?.cause === undefined ? '' : inspect(error.cause, { depth: Number.POSITIVE_INFINITY }),
  };
}

function expectNoSecrets(value: unknown): void {
  const known = secrets();
  expect(known.length).toBeGreaterThan(3);
  for (const [how, text] of Object.entries(renderings(value))) {
    for (const secret of known) {
      expect(text.includes(secret), `${how} shows ${secret}:\n${text}`).toBe(false);
    }
  }
}

function expectCleanLogs(): void {
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) for (const secret of secrets()) expect(line).not.toContain(secret);
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('the call should fail'),
    (error: unknown) => error,
  );
}

function workerClient(
  authMethod: ClientSecretAuthMethod = 'client_secret_basic',
  baseUrl = pingOne.baseUrl,
): Client {
  const token = clientCredentials({
    environmentId,
    clientId,
    clientSecret,
    authUrl: pingOne.authUrl,
    authMethod,
  });
  return createClient({ baseUrl, environmentId: 'env-1', token, logger, retry: { delay: () => 1 } });
}

describe.each(['client_secret_basic', 'client_secret_post'] as const)('with %s', (authMethod) => {
  it('a refused token request', async () => {
    pingOne.settings.tokenFailure = {
      status: 401,
      body: { error: 'invalid_client', error_description: 'Client authentication failed' },
    };
    const error = await failureOf(
      workerClient(authMethod).get({ url: '/environments/{environmentId}/users' }),
    );
    expect(error).toMatchObject({ name: 'AuthenticationError', error: 'invalid_client' });
    expectNoSecrets(error);
    expectCleanLogs();
  });

  it('a token request that times out, and one that cannot connect', async () => {
    pingOne.settings.tokenDelay = 500;
    const slow = clientCredentials({
      environmentId,
      clientId,
      clientSecret,
      authUrl: pingOne.authUrl,
      authMethod,
      timeout: 20,
    });
    expectNoSecrets(await failureOf(slow.getToken()));
    const port = await closedPort();
    const unreachable = clientCredentials({
      environmentId,
      clientId,
      clientSecret,
      authMethod,
      authUrl: `http://127.0.0.1:${port}`,
    });
    expectNoSecrets(await failureOf(unreachable.getToken()));
    // The server may still issue the token the slow request gave up on: let it finish before another test
    // counts tokens.
    await realDelay(pingOne.settings.tokenDelay + 100);
  });

  it('API calls failing with a cached token: 403, 500 after retries, 401 after the replay', async () => {
    const client = workerClient(authMethod);
    await client.get({ url: '/environments/{environmentId}/users' });
    const errors: unknown[] = [];
    const api = await startLoopbackServer((request, response) => {
      const status = Number(request.url.split('/').pop());
      sendJson(
        response,
        status,
        { id: 'e', code: 'X', message: `refused with ${status}` },
        { 'correlation-id': 'c' },
      );
    });
    try {
      const viaApi = workerClient(authMethod, `${api.origin}/v1`);
      for (const status of [400, 401, 403, 404, 409, 429, 500]) {
        errors.push(await failureOf(viaApi.get({ url: `/environments/{environmentId}/${status}` })));
      }
      // The token went out on every attempt: the server saw it, the errors must not show it.
      expect(api.requests[0]?.headers.authorization).toMatch(/^Bearer access-token-/);
    } finally {
      await api.close();
    }
    expect(errors).toHaveLength(7);
    for (const error of errors) expectNoSecrets(error);
    expectCleanLogs();
  });
});

describe('transport failures of API calls carrying a token', () => {
  it('TimeoutError', async () => {
    const api = await startLoopbackServer(() => {
      // never answers
    });
    try {
      const client = createClient({
        baseUrl: `${api.origin}/v1`,
        token: staticSecretToken,
        timeout: 30,
        logger,
      });
      const error = await failureOf(client.get({ url: '/x' }));
      expect(error).toMatchObject({ name: 'TimeoutError' });
      expectNoSecrets(error);
      expectCleanLogs();
    } finally {
      await api.close();
    }
  });

  it('ConnectionError, dropped and refused', async () => {
    const api = await startLoopbackServer((_request, _response, raw) => raw.socket.destroy());
    try {
      const client = createClient({
        baseUrl: `${api.origin}/v1`,
        token: staticSecretToken,
        logger,
        retry: { delay: () => 1 },
      });
      const dropped = await failureOf(client.get({ url: '/x' }));
      expect(dropped).toMatchObject({ name: 'ConnectionError' });
      expectNoSecrets(dropped);
    } finally {
      await api.close();
    }
    const port = await closedPort();
    const refused = await failureOf(
      createClient({ baseUrl: `http://127.0.0.1:${port}/v1`, token: staticSecretToken, retry: false }).get({
        url: '/x',
      }),
    );
    expect(refused).toMatchObject({ name: 'ConnectionError' });
    expectNoSecrets(refused);
    expectCleanLogs();
  });

  it('TimeoutError of a stalled body, and ConnectionError of a body cut off', async () => {
    const api = await startLoopbackServer((request, response, raw) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      response.write('{"users":[');
      if (request.url.endsWith('/cut')) setTimeout(() => raw.socket.destroy(), 20);
    });
    try {
      const client = createClient({
        baseUrl: `${api.origin}/v1`,
        token: staticSecretToken,
        timeout: 100,
        retry: false,
        logger,
      });
      const stalled = await failureOf(client.get({ url: '/stalled' }));
      expect(stalled).toMatchObject({ name: 'TimeoutError' });
      expectNoSecrets(stalled);
      const cut = await failureOf(client.get({ url: '/cut' }));
      expect(cut).toMatchObject({ name: 'ConnectionError' });
      expectNoSecrets(cut);
      expectCleanLogs();
    } finally {
      await api.close();
    }
  });

  it('MalformedResponseError', async () => {
    const api = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"broken":');
    });
    try {
      const client = createClient({ baseUrl: `${api.origin}/v1`, token: staticSecretToken, logger });
      const error = await failureOf(client.get({ url: '/x' }));
      expect(error).toMatchObject({ name: 'MalformedResponseError' });
      expectNoSecrets(error);
      expectCleanLogs();
    } finally {
      await api.close();
    }
  });
});

describe('inspecting clients and providers', () => {
  it('shows neither the secret nor a token once one is cached', async () => {
    const provider = clientCredentials({ environmentId, clientId, clientSecret, authUrl: pingOne.authUrl });
    const client = createClient({
      baseUrl: pingOne.baseUrl,
      environmentId: 'env-1',
      token: provider,
      logger,
    });
    await client.get({ url: '/environments/{environmentId}/users' });
    expect(pingOne.issued).toHaveLength(1);
    for (const value of [
      provider,
      client,
      staticToken(staticSecretToken),
      staticToken(() => staticSecretToken),
      createClient({ token: staticSecretToken }),
      { nested: { client, provider } },
    ]) {
      expectNoSecrets(value);
    }
    expect(inspect(provider)).toBe(`[ClientCredentialsTokenProvider ${clientId}]`);
    expect(JSON.stringify(client)).toBe(JSON.stringify(`[PingOneClient ${pingOne.baseUrl}]`));
    expectCleanLogs();
  });
});
