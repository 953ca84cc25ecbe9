import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  clientId,
  clientSecret,
  environmentId,
  type FakePingOne,
  startFakePingOne,
} from '../test/fake-pingone.js';
import { closedPort, realDelay, sendJson, startLoopbackServer, waitUntil } from '../test/loopback-server.js';
import { createClient } from './client.js';
import { type ClientCredentialsOptions, clientCredentials } from './client-credentials.js';
import {
  AuthenticationError,
  ConnectionError,
  InvalidArgumentError,
  ServerError,
  TimeoutError,
} from './errors.js';

let pingOne: FakePingOne;

beforeAll(async () => {
  pingOne = await startFakePingOne();
});
afterAll(() => pingOne.close());
beforeEach(() => pingOne.reset());
afterEach(() => vi.useRealTimers());

function provider(options: Partial<ClientCredentialsOptions> = {}) {
  return clientCredentials({ environmentId, clientId, clientSecret, authUrl: pingOne.authUrl, ...options });
}

function clientWith(options: Partial<ClientCredentialsOptions> = {}, fetch?: typeof globalThis.fetch) {
  return createClient({ baseUrl: pingOne.baseUrl, environmentId: 'env-1', token: provider(options), fetch });
}

/**
 * Answers API calls in-process (200, recording the Authorization header) and sends everything else, the token
 * request included, over the wire: a thousand calls then cost milliseconds instead of a thousand sockets.
 */
function inProcessApiFetch(seen: string[]): typeof globalThis.fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    if (!request.url.startsWith(pingOne.baseUrl)) return fetch(request);
    seen.push(request.headers.get('authorization') ?? '');
    await new Promise((resolve) => setImmediate(resolve));
    return Response.json({ id: 'user-1' });
  };
}

const getUser = (client: ReturnType<typeof clientWith>, signal?: AbortSignal) =>
  client.get({ url: '/environments/{environmentId}/users/{userId}', path: { userId: 'user-1' }, signal });

describe('clientCredentials: the token request', () => {
  it('posts grant_type=client_credentials to {authUrl}/{environmentId}/as/token with client_secret_basic', async () => {
    const token = await provider().getToken();
    expect(token).toBe(pingOne.issued[0]);
    const [request] = pingOne.tokenRequests();
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe(`/${environmentId}/as/token`);
    expect(request?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request?.headers.accept).toBe('application/json');
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      grant_type: 'client_credentials',
    });
    const basic = request?.headers.authorization ?? '';
    expect(basic).toMatch(/^Basic /);
    // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and base64-encoded.
    expect(Buffer.from(basic.slice(6), 'base64').toString('utf8')).toBe(
      'worker-app:Sup3r-Secr3t-Value%2F%2B%3D',
    );
  });

  it('form-encodes id and secret with spaces, colons and non-ASCII characters in the Basic credential', async () => {
    const server = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, { access_token: 'ok', expires_in: 3600 }),
    );
    try {
      await clientCredentials({
        environmentId,
        clientId: 'my client',
        clientSecret: 'pä:ss word',
        authUrl: server.origin,
      }).getToken();
      const basic = server.requests[0]?.headers.authorization ?? '';
      expect(Buffer.from(basic.slice(6), 'base64').toString('utf8')).toBe('my+client:p%C3%A4%3Ass+word');
    } finally {
      await server.close();
    }
  });

  it('sends client_id and client_secret in the body with client_secret_post, and no Authorization', async () => {
    await provider({ authMethod: 'client_secret_post' }).getToken();
    const [request] = pingOne.tokenRequests();
    expect(request?.headers.authorization).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    });
  });

  it('passes scope', async () => {
    await provider({ scope: 'p1:read:user p1:update:user' }).getToken();
    expect(new URLSearchParams(pingOne.tokenRequests()[0]?.body).get('scope')).toBe(
      'p1:read:user p1:update:user',
    );
  });

  it('percent-encodes the environment id in the token URL', async () => {
    const server = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, { access_token: 'ok', expires_in: 3600 }),
    );
    try {
      await clientCredentials({
        environmentId: '../admin',
        clientId,
        clientSecret,
        authUrl: server.origin,
      }).getToken();
      expect(server.requests[0]?.url).toBe('/..%2Fadmin/as/token');
    } finally {
      await server.close();
    }
  });

  it('refuses missing options and an unknown authMethod at once', () => {
    expect(() => clientCredentials({ environmentId: '', clientId, clientSecret })).toThrow(
      InvalidArgumentError,
    );
    expect(() => clientCredentials({ environmentId, clientId: ' ', clientSecret })).toThrow(
      InvalidArgumentError,
    );
    expect(() => clientCredentials({ environmentId, clientId, clientSecret: '' })).toThrow(
      InvalidArgumentError,
    );
    expect(() =>
      clientCredentials({
        environmentId,
        clientId,
        clientSecret,
        authMethod: 'none',
      }),
    ).toThrow(/authMethod/);
    expect(() => clientCredentials({ environmentId, clientId, authMethod: 'private_key_jwt' })).toThrow(
      /privateKey/,
    );
    expect(() => clientCredentials({ environmentId, clientId })).toThrow(/clientSecret/);
  });

  it('sends the token as a Bearer credential on API calls', async () => {
    const client = clientWith();
    await expect(getUser(client)).resolves.toMatchObject({ data: { id: 'user-1' } });
    expect(pingOne.apiRequests()[0]?.headers.authorization).toBe(`Bearer ${pingOne.issued[0]}`);
  });
});

describe('clientCredentials: token failures', () => {
  it('rejects all waiters of a refused token request with AuthenticationError, then tries again', async () => {
    pingOne.settings.tokenDelay = 30;
    pingOne.settings.tokenFailure = {
      status: 401,
      body: { error: 'invalid_client', error_description: 'Client authentication failed' },
    };
    const client = clientWith();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => getUser(client)));
    expect(pingOne.tokenRequests()).toHaveLength(1);
    expect(pingOne.apiRequests()).toHaveLength(0);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      const error = (result as PromiseRejectedResult).reason;
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({
        status: 401,
        error: 'invalid_client',
        error_description: 'Client authentication failed',
        correlationId: 'corr-token',
      });
    }

    // Nothing poisoned: once the endpoint recovers, the next call gets a token.
    pingOne.settings.tokenFailure = undefined;
    await expect(getUser(client)).resolves.toMatchObject({ data: { id: 'user-1' } });
    expect(pingOne.tokenRequests()).toHaveLength(2);
  });

  it('turns any 4xx refusal of the credentials into AuthenticationError', async () => {
    pingOne.settings.tokenFailure = {
      status: 400,
      body: { error: 'invalid_scope', error_description: 'The requested scope is invalid' },
    };
    const error = await provider()
      .getToken()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({
      status: 400,
      error: 'invalid_scope',
      errorDescription: 'The requested scope is invalid',
    });
  });

  it('keeps a 5xx of the token endpoint a ServerError', async () => {
    pingOne.settings.tokenFailure = { status: 503, body: { message: 'down' } };
    await expect(provider().getToken()).rejects.toBeInstanceOf(ServerError);
  });

  it('refuses a 200 without an access_token, or with a body that is not JSON', async () => {
    const server = await startLoopbackServer((request, response) => {
      if (request.url.startsWith('/empty')) return sendJson(response, 200, { token_type: 'Bearer' });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"access_token": "half-a-tok');
    });
    try {
      const withoutToken = clientCredentials({
        environmentId,
        clientId,
        clientSecret,
        authUrl: `${server.origin}/empty`,
      });
      await expect(withoutToken.getToken()).rejects.toBeInstanceOf(AuthenticationError);
      const broken = clientCredentials({
        environmentId,
        clientId,
        clientSecret,
        authUrl: `${server.origin}/broken`,
      });
      const error = await broken.getToken().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(String((error as Error).message)).not.toContain('half-a-tok');
    } finally {
      await server.close();
    }
  });

  it('throws ConnectionError when the auth host is unreachable', async () => {
    const port = await closedPort();
    const unreachable = clientCredentials({
      environmentId,
      clientId,
      clientSecret,
      authUrl: `http://127.0.0.1:${port}`,
    });
    await expect(unreachable.getToken()).rejects.toBeInstanceOf(ConnectionError);
  });

  it('throws TimeoutError when the token request exceeds its timeout', async () => {
    pingOne.settings.tokenDelay = 1_000;
    const error = await provider({ timeout: 50 })
      .getToken()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeout: 50 });
  });
});

describe('clientCredentials: the cache on the wire', () => {
  it('reuses the token until expires_in minus 60 s, then fetches a new one', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2025-01-01T00:00:00Z') });
    const client = clientWith();
    await getUser(client);
    vi.advanceTimersByTime(3_539_000);
    await getUser(client);
    expect(pingOne.tokenRequests()).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    await getUser(client);
    expect(pingOne.tokenRequests()).toHaveLength(2);
    expect(pingOne.apiRequests().map((request) => request.headers.authorization)).toEqual([
      `Bearer ${pingOne.issued[0]}`,
      `Bearer ${pingOne.issued[0]}`,
      `Bearer ${pingOne.issued[1]}`,
    ]);
  });

  it('honours refreshWindowSeconds', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2025-01-01T00:00:00Z') });
    const token = provider({ refreshWindowSeconds: 600 });
    await token.getToken();
    vi.advanceTimersByTime(2_999_000);
    await token.getToken();
    expect(pingOne.tokenRequests()).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    await token.getToken();
    expect(pingOne.tokenRequests()).toHaveLength(2);
  });

  it('makes exactly one token request for 1,000 concurrent cold calls', async () => {
    pingOne.settings.tokenDelay = 50;
    const authorizations: string[] = [];
    const client = clientWith({}, inProcessApiFetch(authorizations));
    const calls = Array.from({ length: 1000 }, () => getUser(client));
    // All thousand calls are waiting for a token before the first one is issued.
    await waitUntil(() => pingOne.tokenRequests().length === 1);
    expect(authorizations).toHaveLength(0);
    const results = await Promise.all(calls);
    expect(results.every((result) => (result.data as { id: string }).id === 'user-1')).toBe(true);
    expect(pingOne.tokenRequests()).toHaveLength(1);
    expect(authorizations).toHaveLength(1000);
    expect(new Set(authorizations)).toEqual(new Set([`Bearer ${pingOne.issued[0]}`]));
  });

  it('makes one token request for 100 concurrent cold calls over the wire', async () => {
    pingOne.settings.tokenDelay = 30;
    const client = clientWith();
    await Promise.all(Array.from({ length: 100 }, () => getUser(client)));
    expect(pingOne.tokenRequests()).toHaveLength(1);
    expect(pingOne.apiStatuses).toEqual({ 200: 100 });
  });

  it('does not cancel the shared token request when one caller aborts', async () => {
    pingOne.settings.tokenDelay = 150;
    const client = clientWith();
    const controller = new AbortController();
    const impatient = getUser(client, controller.signal).catch((caught: unknown) => caught);
    const patient = Array.from({ length: 5 }, () => getUser(client));
    await waitUntil(() => pingOne.tokenRequests().length === 1);
    controller.abort();
    expect(await impatient).toMatchObject({ name: 'AbortError' });
    await expect(Promise.all(patient)).resolves.toHaveLength(5);
    expect(pingOne.tokenRequests()).toHaveLength(1);
    expect(pingOne.apiRequests()).toHaveLength(5);
  });
});

describe('401 on a cached token', () => {
  it('invalidates it, refreshes once and replays the request once', async () => {
    const client = clientWith();
    await getUser(client);
    pingOne.revoke(pingOne.issued[0] ?? '');
    await expect(getUser(client)).resolves.toMatchObject({ data: { id: 'user-1' } });
    expect(pingOne.tokenRequests()).toHaveLength(2);
    expect(pingOne.apiRequests().map((request) => request.headers.authorization)).toEqual([
      `Bearer ${pingOne.issued[0]}`,
      `Bearer ${pingOne.issued[0]}`,
      `Bearer ${pingOne.issued[1]}`,
    ]);
    // The new token is cached for the calls that follow.
    await getUser(client);
    expect(pingOne.tokenRequests()).toHaveLength(2);
  });

  it('replays a POST with the same body', async () => {
    const client = clientWith();
    await getUser(client);
    pingOne.revoke(pingOne.issued[0] ?? '');
    await client.post({ url: '/environments/{environmentId}/users', body: { username: 'ada' } });
    const posts = pingOne.apiRequests().filter((request) => request.method === 'POST');
    expect(posts.map((request) => request.body)).toEqual(['{"username":"ada"}', '{"username":"ada"}']);
  });

  it('never loops: a second 401 with the new token is thrown', async () => {
    pingOne.settings.refuseAllTokens = true;
    const client = clientWith();
    const error = await getUser(client).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'INVALID_TOKEN' });
    expect(pingOne.apiRequests()).toHaveLength(2);
    expect(pingOne.tokenRequests()).toHaveLength(2);
  });

  it('shares one refresh among concurrent calls refused with the same token', async () => {
    const client = clientWith();
    await getUser(client);
    pingOne.revoke(pingOne.issued[0] ?? '');
    pingOne.settings.tokenDelay = 30;
    await Promise.all(Array.from({ length: 50 }, () => getUser(client)));
    expect(pingOne.tokenRequests()).toHaveLength(2);
    expect(pingOne.apiStatuses[200]).toBe(51);
  });
});

describe('a token rolling over mid-load', () => {
  /** Runs `workers` loops of back-to-back calls until `until()` holds; returns every outcome. */
  async function load(client: ReturnType<typeof clientWith>, workers: number, until: () => boolean) {
    const outcomes: Array<'ok' | unknown> = [];
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (!until()) {
          outcomes.push(
            await getUser(client).then(
              () => 'ok',
              (error: unknown) => error,
            ),
          );
        }
      }),
    );
    return outcomes;
  }

  it('fails no call while the clock crosses several refresh points', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2025-01-01T00:00:00Z') });
    pingOne.settings.expiresIn = 120; // stale after 60 s, refused by the server after 120 s
    pingOne.settings.tokenDelay = 5;
    const client = clientWith();
    let done = false;
    const running = load(client, 25, () => done);
    // Move the clock 10 s at a time while calls are in flight: a refresh every 6 steps.
    for (let step = 0; step < 30; step += 1) {
      await realDelay(5);
      vi.advanceTimersByTime(10_000);
    }
    done = true;
    const outcomes = await running;
    expect(outcomes.filter((outcome) => outcome !== 'ok')).toEqual([]);
    expect(outcomes.length).toBeGreaterThan(100);
    expect(pingOne.tokenRequests().length).toBeGreaterThanOrEqual(4);
    // Tokens were replaced before the server stopped accepting them: not one 401.
    expect(pingOne.apiStatuses[401]).toBeUndefined();
  });

  it('fails no call when the server revokes the old token the moment a new one is asked for', async () => {
    pingOne.settings.expiresIn = 1; // real clock: stale after 0.5 s (half the lifetime, it is under 60 s)
    pingOne.settings.revokeOnTokenRequest = true;
    pingOne.settings.tokenDelay = 20;
    // Calls are still in flight with the old token when it is revoked. Several rollovers (one every 0.5 s)
    // make it all but certain that at least one of them catches calls mid-flight, on a fast machine too.
    pingOne.settings.apiDelay = 25;
    const client = clientWith();
    const startedAt = performance.now();
    const outcomes = await load(client, 25, () => performance.now() - startedAt > 2_600);
    expect(outcomes.filter((outcome) => outcome !== 'ok')).toEqual([]);
    expect(pingOne.tokenRequests().length).toBeGreaterThanOrEqual(2);
    // Calls in flight with the revoked token were refused, then replayed with the new one.
    expect(pingOne.apiStatuses[401] ?? 0).toBeGreaterThan(0);
  });
});
