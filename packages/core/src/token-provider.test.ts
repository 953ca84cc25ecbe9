import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type LoopbackServer, sendJson, startLoopbackServer } from '../test/loopback-server.js';
import { createClient } from './client.js';
import { AuthenticationError, InvalidArgumentError } from './errors.js';
import { staticToken, type TokenProvider, toTokenProvider } from './token-provider.js';

let server: LoopbackServer;
let baseUrl: string;

beforeAll(async () => {
  server = await startLoopbackServer();
  baseUrl = `${server.origin}/v1`;
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  server.handle((_request, response) =>
    sendJson(response, 401, { code: 'INVALID_TOKEN', message: 'invalid token' }),
  );
});

describe('staticToken', () => {
  it('resolves to the string it was given', async () => {
    await expect(staticToken('abc').getToken()).resolves.toBe('abc');
  });

  it('refuses a blank token, white space alone included', () => {
    for (const token of ['', '  ']) {
      expect(() => staticToken(token)).toThrow(
        'Invalid token: a non-blank string or a function returning one',
      );
    }
  });

  it('calls a function before every request, so the token may change', async () => {
    server.handle((_request, response) => sendJson(response, 200, {}));
    let count = 0;
    const token = vi.fn(async () => `t${++count}`);
    const client = createClient({ baseUrl, token: staticToken(token) });
    await client.get({ url: '/a' });
    await client.get({ url: '/b' });
    expect(token).toHaveBeenCalledTimes(2);
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([
      'Bearer t1',
      'Bearer t2',
    ]);
  });

  it('refuses an empty token or something that is neither a string nor a function', () => {
    expect(() => staticToken('')).toThrow(InvalidArgumentError);
    expect(() => staticToken(42 as unknown as string)).toThrow(InvalidArgumentError);
  });

  it.each([
    ['a string token', () => 'plain'],
    ['staticToken(string)', () => staticToken('plain')],
    ['staticToken(function)', () => staticToken(() => 'plain')],
  ])('never replays a 401 for %s', async (_label, token) => {
    const client = createClient({ baseUrl, token: token() });
    await expect(client.get({ url: '/x' })).rejects.toBeInstanceOf(AuthenticationError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('custom TokenProvider', () => {
  it('is used as given, and replayed once on 401 when it can invalidate', async () => {
    let current = 'first';
    const provider: TokenProvider = {
      getToken: vi.fn(async () => current),
      invalidate: vi.fn((token: string) => {
        if (token === current) current = 'second';
      }),
    };
    server.handle((request, response) =>
      request.headers.authorization === 'Bearer second'
        ? sendJson(response, 200, { ok: true })
        : sendJson(response, 401, { code: 'INVALID_TOKEN', message: 'expired' }),
    );
    const client = createClient({ baseUrl, token: provider });
    await expect(client.get({ url: '/x' })).resolves.toMatchObject({ data: { ok: true } });
    expect(provider.invalidate).toHaveBeenCalledExactlyOnceWith('first');
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([
      'Bearer first',
      'Bearer second',
    ]);
  });

  it('gives each retry the token valid then, and invalidates the one a 401 answered', async () => {
    const tokens = ['first', 'second', 'third'];
    const provider: TokenProvider = {
      // The token changes between attempts, as a short-lived one does while a Retry-After is waited out.
      getToken: vi.fn(async () => tokens.shift() ?? 'last'),
      invalidate: vi.fn(),
    };
    let attempts = 0;
    server.handle((_request, response) => {
      attempts += 1;
      if (attempts === 1) sendJson(response, 429, { code: 'REQUEST_LIMITED' }, { 'retry-after': '0' });
      else if (attempts === 2) sendJson(response, 401, { code: 'INVALID_TOKEN', message: 'expired' });
      else sendJson(response, 200, { ok: true });
    });
    const client = createClient({ baseUrl, token: provider, retry: { delay: () => 0 } });
    await expect(client.get({ url: '/x' })).resolves.toMatchObject({ data: { ok: true } });
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([
      'Bearer first',
      'Bearer second',
      'Bearer third',
    ]);
    expect(provider.invalidate).toHaveBeenCalledExactlyOnceWith('second');
  });

  it('is not replayed without invalidate', async () => {
    const client = createClient({ baseUrl, token: { getToken: async () => 'opaque' } });
    await expect(client.get({ url: '/x' })).rejects.toBeInstanceOf(AuthenticationError);
    expect(server.requests).toHaveLength(1);
  });

  it('passes the call signal to getToken', async () => {
    server.handle((_request, response) => sendJson(response, 200, {}));
    const getToken = vi.fn(async () => 'x');
    const signal = new AbortController().signal;
    await createClient({ baseUrl, token: { getToken } }).get({ url: '/x', signal });
    expect(getToken).toHaveBeenCalledWith({ signal });
  });

  it('refuses a token input that is neither a string nor a provider', () => {
    expect(() => toTokenProvider({} as TokenProvider)).toThrow(InvalidArgumentError);
    expect(() => createClient({ baseUrl, token: 7 as unknown as string })).toThrow(InvalidArgumentError);
  });
});
