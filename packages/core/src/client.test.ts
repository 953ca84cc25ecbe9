import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LoopbackServer, sendJson, startLoopbackServer } from '../test/loopback-server.js';
import { createClient } from './client.js';
import { InvalidArgumentError, NotFoundError } from './errors.js';
import { version } from './version.js';

let server: LoopbackServer;
let baseUrl: string;

beforeAll(async () => {
  server = await startLoopbackServer();
  baseUrl = `${server.origin}/v1`;
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  server.handle((request, response) => sendJson(response, 200, { echo: request.url }));
});

describe('createClient: URLs', () => {
  it('fills {environmentId} from the client', async () => {
    const client = createClient({ baseUrl, environmentId: 'env-1' });
    const { data } = await client.get({ url: '/environments/{environmentId}/users' });
    expect(data).toEqual({ echo: '/v1/environments/env-1/users' });
  });

  it('lets a call override environmentId', async () => {
    const client = createClient({ baseUrl, environmentId: 'env-1' });
    await client.get({ url: '/environments/{environmentId}/users', path: { environmentId: 'env-2' } });
    expect(server.requests[0]?.url).toBe('/v1/environments/env-2/users');
  });

  it('refuses a call without any environmentId before sending anything', async () => {
    const client = createClient({ baseUrl });
    await expect(client.get({ url: '/environments/{environmentId}/users' })).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(client.get({ url: '/environments/{environmentId}/users' })).rejects.toMatchObject({
      parameter: 'path.environmentId',
    });
    expect(server.requests).toHaveLength(0);
  });

  it('refuses an empty environmentId on the client and on a call', async () => {
    expect(() => createClient({ baseUrl, environmentId: '' })).toThrow(InvalidArgumentError);
    const client = createClient({ baseUrl, environmentId: 'env-1' });
    await expect(
      client.get({ url: '/environments/{environmentId}/users', path: { environmentId: '' } }),
    ).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ['../x', '..%2Fx'],
    ['../../admin', '..%2F..%2Fadmin'],
    ['a/b?c=d#e', 'a%2Fb%3Fc%3Dd%23e'],
    ['%2e%2e', '%252e%252e'],
    ['ü ser', '%C3%BC%20ser'],
  ])('percent-encodes the path parameter %j so that it stays one segment', async (userId, encoded) => {
    const client = createClient({ baseUrl, environmentId: 'env-1' });
    await client.get({ url: '/environments/{environmentId}/users/{userId}', path: { userId } });
    expect(server.requests[0]?.url).toBe(`/v1/environments/env-1/users/${encoded}`);
  });

  it.each(['.', '..', ''])('refuses the path parameter %j before sending', async (userId) => {
    const client = createClient({ baseUrl, environmentId: 'env-1' });
    await expect(
      client.get({ url: '/environments/{environmentId}/users/{userId}', path: { userId } }),
    ).rejects.toMatchObject({ name: 'InvalidArgumentError', parameter: 'path.userId' });
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a missing or non-string path parameter before sending', async () => {
    const client = createClient({ baseUrl, environmentId: 'env-1' });
    await expect(client.get({ url: '/environments/{environmentId}/users/{userId}' })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    await expect(
      client.get({ url: '/environments/{environmentId}/users/{userId}', path: { userId: { id: 1 } } }),
    ).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(server.requests).toHaveLength(0);
  });

  it('serialises the query: skips undefined and null, repeats arrays, encodes values', async () => {
    const client = createClient({ baseUrl, environmentId: 'env-1' });
    await client.get({
      url: '/environments/{environmentId}/users',
      query: {
        filter: 'email sw "ada"&x',
        limit: 10,
        expand: ['population', 'group'],
        skip: undefined,
        none: null,
        on: true,
      },
    });
    const url = new URL(server.requests[0]?.url ?? '', server.origin);
    expect(url.pathname).toBe('/v1/environments/env-1/users');
    expect(url.searchParams.get('filter')).toBe('email sw "ada"&x');
    expect(url.searchParams.get('limit')).toBe('10');
    expect(url.searchParams.getAll('expand')).toEqual(['population', 'group']);
    expect(url.searchParams.get('on')).toBe('true');
    expect(url.searchParams.has('skip')).toBe(false);
    expect(url.searchParams.has('none')).toBe(false);
  });

  it('sends no "?" for an empty query', async () => {
    const client = createClient({ baseUrl, environmentId: 'env-1' });
    await client.get({ url: '/environments/{environmentId}/users', query: { skip: undefined } });
    expect(server.requests[0]?.url).toBe('/v1/environments/env-1/users');
  });

  it('strips the #action suffix of a URL template', async () => {
    const client = createClient({ baseUrl, environmentId: 'env-1' });
    await client.post({
      url: '/environments/{environmentId}/users/{userId}/password#setUserPassword',
      path: { userId: 'u1' },
      body: { value: 'x' },
    });
    expect(server.requests[0]?.url).toBe('/v1/environments/env-1/users/u1/password');
  });

  it('follows an absolute URL on its own origin verbatim', async () => {
    const client = createClient({ baseUrl, environmentId: 'env-1' });
    await client.get({ url: `${server.origin}/v1/environments/env-1/users?cursor=abc%2Fdef&limit=2` });
    expect(server.requests[0]?.url).toBe('/v1/environments/env-1/users?cursor=abc%2Fdef&limit=2');
  });

  it.each([
    'http://127.0.0.2:1/v1/environments/env-1/users',
    'https://evil.example.com/v1/environments/env-1/users',
  ])('refuses an absolute URL on another origin (%s), sending nothing', async (url) => {
    const client = createClient({ baseUrl, environmentId: 'env-1', token: 'secret-token' });
    await expect(client.get({ url })).rejects.toMatchObject({
      name: 'InvalidArgumentError',
      parameter: 'url',
    });
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a non-positive or non-finite timeout', async () => {
    expect(() => createClient({ baseUrl, timeout: 0 })).toThrow(InvalidArgumentError);
    expect(() => createClient({ baseUrl, timeout: Number.POSITIVE_INFINITY })).toThrow(InvalidArgumentError);
    const client = createClient({ baseUrl });
    await expect(client.get({ url: '/x', timeout: -1 })).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('createClient: bodies and headers', () => {
  it('sends a JSON body with its Content-Type', async () => {
    const client = createClient({ baseUrl, environmentId: 'env-1' });
    await client.post({
      url: '/environments/{environmentId}/users',
      body: { username: 'ada', enabled: true },
    });
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({ username: 'ada', enabled: true });
  });

  it('keeps a Content-Type given in the call headers (PingOne media types)', async () => {
    const client = createClient({ baseUrl, environmentId: 'env-1' });
    const contentType = 'application/vnd.pingidentity.password.set+json';
    await client.put({
      url: '/environments/{environmentId}/users/{userId}/password',
      path: { userId: 'u1' },
      body: { value: 'x' },
      headers: { 'Content-Type': contentType },
    });
    expect(server.requests[0]?.headers['content-type']).toBe(contentType);
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ value: 'x' });
  });

  it('sends strings and URLSearchParams as they are, and a bodySerializer result', async () => {
    const client = createClient({ baseUrl });
    await client.post({ url: '/raw', body: 'plain text', headers: { 'content-type': 'text/plain' } });
    await client.post({ url: '/form', body: new URLSearchParams({ a: '1', b: 'x y' }) });
    await client.post({
      url: '/serialised',
      body: { a: 1 },
      bodySerializer: (body) => `custom:${JSON.stringify(body)}`,
    });
    expect(server.requests.map((request) => request.body)).toEqual([
      'plain text',
      'a=1&b=x+y',
      'custom:{"a":1}',
    ]);
    expect(server.requests[1]?.headers['content-type']).toBe(
      'application/x-www-form-urlencoded;charset=UTF-8',
    );
  });

  it('lets a null header clear a default, so that a multipart form carries its own boundary', async () => {
    const client = createClient({ baseUrl, headers: { 'Content-Type': 'application/json' } });
    const form = new FormData();
    form.append('usageType', 'SIGNING');
    await client.post({ url: '/upload', body: form, headers: { 'Content-Type': null } });
    expect(server.requests[0]?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(server.requests[0]?.body).toContain('SIGNING');
  });

  it('sends Accept, User-Agent pingone-sdk/<version>, client headers and call headers', async () => {
    const client = createClient({
      baseUrl,
      headers: { 'X-Ping-External-Transaction-ID': 'tx-1', 'X-Both': 'client' },
    });
    await client.get({ url: '/x', headers: { 'X-Both': 'call', 'X-Skipped': undefined } });
    const headers = server.requests[0]?.headers ?? {};
    expect(headers.accept).toBe('application/json');
    expect(headers['user-agent']).toBe(`pingone-sdk/${version}`);
    expect(headers['x-ping-external-transaction-id']).toBe('tx-1');
    expect(headers['x-both']).toBe('call');
    expect(headers).not.toHaveProperty('x-skipped');
    expect(headers).not.toHaveProperty('authorization');
  });

  it("lets call headers replace client headers whatever their case, and keeps the caller's User-Agent first", async () => {
    const client = createClient({ baseUrl, headers: { 'x-case': 'client', 'User-Agent': 'my-app/1.2' } });
    await client.get({ url: '/x', headers: { 'X-CASE': 'call', ACCEPT: 'application/hal+json' } });
    const headers = server.requests[0]?.headers ?? {};
    expect(headers['x-case']).toBe('call');
    expect(headers.accept).toBe('application/hal+json');
    expect(headers['user-agent']).toBe(`my-app/1.2 pingone-sdk/${version}`);
  });

  it.each([
    [{ 'X-Bad': 'line\nbreak' }, 'headers.X-Bad'],
    [{ 'X-Nul': 'a\0b' }, 'headers.X-Nul'],
    [{ 'Bad Name': 'value' }, 'headers["Bad Name"]'],
  ])('refuses the invalid header %j, naming it and sending nothing', async (headers, parameter) => {
    const client = createClient({ baseUrl });
    const error = await client.get({ url: '/x', headers }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ parameter });
    expect(server.requests).toHaveLength(0);
  });

  it('refuses an invalid client header when the client is created', () => {
    expect(() => createClient({ baseUrl, headers: { 'X-Bad': 'a\r\nX-Injected: 1' } })).toThrow(
      expect.objectContaining({ parameter: 'headers.X-Bad' }),
    );
  });

  it('accepts call headers as a Headers object', async () => {
    const client = createClient({ baseUrl });
    await client.get({ url: '/x', headers: new Headers({ 'X-From-Headers': 'yes' }) });
    expect(server.requests[0]?.headers['x-from-headers']).toBe('yes');
  });

  it('sends a string token as a Bearer credential', async () => {
    const client = createClient({ baseUrl, token: 'static-token' });
    await client.get({ url: '/x' });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer static-token');
  });
});

describe('createClient: answers', () => {
  it('resolves to the decoded body and the response', async () => {
    server.handle((_request, response) => sendJson(response, 200, { id: 'u1' }, { 'correlation-id': 'c-1' }));
    const client = createClient({ baseUrl });
    const { data, response } = await client.get({ url: '/x' });
    expect(data).toEqual({ id: 'u1' });
    expect(response.status).toBe(200);
    expect(response.headers.get('correlation-id')).toBe('c-1');
  });

  it('decodes vendor JSON media types, text, empty bodies and bytes', async () => {
    const client = createClient({ baseUrl });
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/hal+json;charset=UTF-8' });
      response.end('{"a":1}');
    });
    expect((await client.get({ url: '/x' })).data).toEqual({ a: 1 });
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('hello');
    });
    expect((await client.get({ url: '/x' })).data).toBe('hello');
    server.handle((_request, response) => {
      response.writeHead(204);
      response.end();
    });
    expect((await client.delete({ url: '/x' })).data).toBeUndefined();
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(Buffer.from([1, 2, 3]));
    });
    const { data } = await client.get({ url: '/x' });
    expect(data).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await (data as Blob).arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it('supports every method helper', async () => {
    const client = createClient({ baseUrl });
    server.handle((_request, response) => {
      response.writeHead(204);
      response.end();
    });
    for (const method of ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const) {
      await client[method]({ url: '/m' });
    }
    await client.request({ method: 'GET', url: '/m' });
    expect(server.requests.map((request) => request.method)).toEqual([
      'GET',
      'POST',
      'PUT',
      'PATCH',
      'DELETE',
      'HEAD',
      'OPTIONS',
      'GET',
    ]);
  });
});

describe('createClient: ky hooks', () => {
  it('runs beforeRequest before every attempt, with the request as sent, and lets it add a header', async () => {
    let count = 0;
    server.handle((_request, response) => sendJson(response, ++count < 3 ? 503 : 200, { count }));
    const seen: Array<{ method: string; url: string; authorization: string | null; retryCount: number }> = [];
    const client = createClient({
      baseUrl,
      token: 'hook-token',
      retry: { delay: () => 1 },
      hooks: {
        beforeRequest: [
          (request, _options, { retryCount }) => {
            seen.push({
              method: request.method,
              url: request.url,
              authorization: request.headers.get('authorization'),
              retryCount,
            });
            request.headers.set('x-attempt', String(retryCount + 1));
          },
        ],
      },
    });
    await client.get({ url: '/x' });
    const sent = { method: 'GET', url: `${baseUrl}/x`, authorization: 'Bearer hook-token' };
    expect(seen).toEqual([0, 1, 2].map((retryCount) => ({ ...sent, retryCount })));
    expect(server.requests.map((request) => request.headers['x-attempt'])).toEqual(['1', '2', '3']);
  });

  it('runs beforeRetry before each retry, with the failure that caused it', async () => {
    let count = 0;
    server.handle((_request, response) => sendJson(response, ++count === 1 ? 429 : 200, { count }));
    const retries: Array<{ retryCount: number; error: string; url: string }> = [];
    const client = createClient({
      baseUrl,
      retry: { delay: () => 1 },
      hooks: {
        beforeRetry: [
          ({ request, error, retryCount }) => {
            retries.push({ retryCount, error: error.name, url: request.url });
          },
        ],
      },
    });
    await expect(client.get({ url: '/x' })).resolves.toMatchObject({ data: { count: 2 } });
    expect(retries).toEqual([{ retryCount: 1, error: 'HTTPError', url: `${baseUrl}/x` }]);
  });

  it("runs afterResponse on each attempt's answer with its own copy of the body", async () => {
    let count = 0;
    server.handle((_request, response) => sendJson(response, ++count === 1 ? 503 : 200, { count }));
    const answers: Array<{ status: number; body: unknown; retryCount: number }> = [];
    const client = createClient({
      baseUrl,
      retry: { delay: () => 1 },
      hooks: {
        afterResponse: [
          async (_request, _options, response, { retryCount }) => {
            answers.push({ status: response.status, body: await response.json(), retryCount });
          },
        ],
      },
    });
    const { data } = await client.get({ url: '/x' });
    // The hook read its own copy: the caller still gets the body.
    expect(data).toEqual({ count: 2 });
    expect(answers).toEqual([
      { status: 503, body: { count: 1 }, retryCount: 0 },
      { status: 200, body: { count: 2 }, retryCount: 1 },
    ]);
  });

  it('runs beforeError with the final failed answer; the call still throws the PingOne error', async () => {
    server.handle((_request, response) => sendJson(response, 404, { code: 'NOT_FOUND', message: 'gone' }));
    const seen: Array<{ name: string; status: number; retryCount: number }> = [];
    const client = createClient({
      baseUrl,
      hooks: {
        beforeError: [
          (error, { retryCount }) => {
            seen.push({ name: error.name, status: error.response.status, retryCount });
            return error;
          },
        ],
      },
    });
    const failure = await client.get({ url: '/y' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NotFoundError);
    expect(failure).toMatchObject({ status: 404, message: 'gone', code: 'NOT_FOUND' });
    expect(seen).toEqual([{ name: 'HTTPError', status: 404, retryCount: 0 }]);
  });

  it('lets an error thrown by beforeRequest through as it is, without retrying', async () => {
    const failure = new Error('hook refused');
    const client = createClient({
      baseUrl,
      retry: { delay: () => 1 },
      hooks: {
        beforeRequest: [
          () => {
            throw failure;
          },
        ],
      },
    });
    await expect(client.get({ url: '/x' })).rejects.toBe(failure);
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    [{ beforeRequest: () => {} }, 'hooks.beforeRequest'],
    [{ afterResponse: ['not a function'] }, 'hooks.afterResponse'],
    [{ beforeRequests: [] }, 'hooks.beforeRequests'],
  ])('refuses the hooks %j when the client is created, naming %s', (hooks, parameter) => {
    expect(() => createClient({ baseUrl, hooks: hooks as never })).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError', parameter }),
    );
  });
});

describe('createClient: a custom fetch', () => {
  it('calls fetch detached, as edge runtimes require (workerd throws "Illegal invocation" otherwise)', async () => {
    function strictFetch(this: unknown, input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
      if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation');
      return fetch(input, init);
    }
    server.handle((_request, response) => sendJson(response, 200, { ok: true }));
    const client = createClient({ baseUrl, fetch: strictFetch, retry: false });
    await expect(client.get({ url: '/x' })).resolves.toMatchObject({ data: { ok: true } });
    const hooked = createClient({
      baseUrl,
      fetch: strictFetch,
      retry: false,
      hooks: { beforeRequest: [() => {}] },
    });
    await expect(hooked.get({ url: '/x' })).resolves.toMatchObject({ data: { ok: true } });
  });

  it('is used for every attempt, and any error it throws counts as a connection failure', async () => {
    // Bun's fetch rejects with a plain Error where Node's rejects with a TypeError.
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      calls += 1;
      if (calls === 1) throw new Error('Unable to connect');
      return fetch(input, init);
    };
    server.handle((_request, response) => sendJson(response, 200, { ok: true }));
    const client = createClient({ baseUrl, fetch: flaky, retry: { delay: () => 1 } });
    await expect(client.get({ url: '/x' })).resolves.toMatchObject({ data: { ok: true } });
    expect(calls).toBe(2);
    expect(server.requests).toHaveLength(1);
  });
});

describe('createClient: redirects', () => {
  beforeEach(() => {
    server.handle((request, response) => {
      if (request.url?.endsWith('/start')) {
        response.writeHead(302, { location: `${baseUrl}/landed?code=abc` });
        response.end();
        return;
      }
      sendJson(response, 200, { landed: true });
    });
  });

  it('follows a redirect by default', async () => {
    const client = createClient({ baseUrl });
    await expect(client.get({ url: '/start' })).resolves.toMatchObject({ data: { landed: true } });
    expect(server.requests.map((request) => request.url)).toEqual(['/v1/start', '/v1/landed?code=abc']);
  });

  it("resolves with the redirect itself with redirect: 'manual', to read its Location", async () => {
    const client = createClient({ baseUrl });
    const { data, response } = await client.get({ url: '/start', redirect: 'manual' });
    expect(data).toBeUndefined();
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${baseUrl}/landed?code=abc`);
    expect(server.requests).toHaveLength(1);
  });

  it('refuses any other redirect value before sending', async () => {
    const client = createClient({ baseUrl });
    await expect(
      client.get({ url: '/start', redirect: 'error' as unknown as 'manual' }),
    ).rejects.toMatchObject({ name: 'InvalidArgumentError', parameter: 'redirect' });
    expect(server.requests).toHaveLength(0);
  });
});
