import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closedPort, type LoopbackServer, sendJson, startLoopbackServer } from '../test/loopback-server.js';
import { createClient } from './client.js';
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  MalformedResponseError,
  NotFoundError,
  PermissionDeniedError,
  PingOneError,
  PingOneSdkError,
  RateLimitError,
  ServerError,
  TimeoutError,
} from './errors.js';
import { parseRetryAfter } from './internal/retry-after.js';

let server: LoopbackServer;
let baseUrl: string;

beforeAll(async () => {
  server = await startLoopbackServer();
  baseUrl = `${server.origin}/v1`;
});
afterAll(() => server.close());
beforeEach(() => server.reset());

/** Calls once (no retries) against a server that answers `status` with `body` and `headers`. */
async function failure(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<unknown> {
  server.handle((_request, response) => sendJson(response, status, body, headers));
  const client = createClient({ baseUrl, retry: false });
  return client.get({ url: '/environments/e/users/u' }).then(
    () => expect.unreachable('the call should fail'),
    (error: unknown) => error,
  );
}

const pingOneBody = {
  id: 'err-1',
  code: 'INVALID_DATA',
  message: 'The request could not be completed. One or more validation errors were in the request.',
  details: [{ code: 'INVALID_VALUE', target: 'email', message: 'must be a well-formed email address' }],
};

describe('status → error class', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [429, RateLimitError],
    [500, ServerError],
    [501, ServerError],
    [502, ServerError],
    [503, ServerError],
    [504, ServerError],
    [418, PingOneError],
    [422, PingOneError],
  ])('%i → %o', async (status, ErrorClass) => {
    const error = await failure(status, pingOneBody, { 'correlation-id': `corr-${status}` });
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(PingOneError);
    expect(error).toBeInstanceOf(PingOneSdkError);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe(ErrorClass.name);
    expect(error).toMatchObject({
      status,
      code: 'INVALID_DATA',
      message: pingOneBody.message,
      details: pingOneBody.details,
      id: 'err-1',
      correlationId: `corr-${status}`,
    });
    expect((error as PingOneError).response?.status).toBe(status);
  });
});

describe('error fields', () => {
  it('reads retryAfter from Retry-After seconds', async () => {
    const error = await failure(
      429,
      { code: 'REQUEST_LIMITED', message: 'slow down' },
      { 'retry-after': '7' },
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfter: 7, code: 'REQUEST_LIMITED', message: 'slow down' });
  });

  it('reads retryAfter from a Retry-After HTTP date', async () => {
    const date = new Date(Date.now() + 30_000).toUTCString();
    const error = (await failure(
      429,
      { code: 'REQUEST_LIMITED', message: 'x' },
      { 'retry-after': date },
    )) as RateLimitError;
    expect(error.retryAfter).toBeGreaterThanOrEqual(28);
    expect(error.retryAfter).toBeLessThanOrEqual(31);
  });

  it('parses Retry-After deterministically against a given clock', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:10 GMT', now)).toBe(10);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('-5', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('leaves retryAfter undefined without the header, and details empty without details', async () => {
    const error = await failure(404, { id: 'e', code: 'NOT_FOUND', message: 'Unable to find user' });
    expect(error).toMatchObject({ retryAfter: undefined, details: [], correlationId: undefined });
  });

  it('carries the OAuth error and error_description of the auth server', async () => {
    const error = await failure(401, {
      error: 'invalid_client',
      error_description: 'Client authentication failed',
    });
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({
      error: 'invalid_client',
      errorDescription: 'Client authentication failed',
      error_description: 'Client authentication failed',
      code: 'invalid_client',
      message: 'Client authentication failed',
    });
  });

  it.each([
    ['an HTML page', 'text/html', '<html><body>Bad Gateway</body></html>'],
    ['broken JSON', 'application/json', '{"code": "INVA'],
    ['an empty body', 'application/json', ''],
    ['a JSON array', 'application/json', '[1,2]'],
  ])('still names the status for %s', async (_what, contentType, text) => {
    server.handle((_request, response) => {
      response.writeHead(502, { 'content-type': contentType, 'correlation-id': 'c-502' });
      response.end(text);
    });
    const client = createClient({ baseUrl, retry: false });
    const error = await client.get({ url: '/x' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 502, code: undefined, correlationId: 'c-502', details: [] });
    expect((error as Error).message).toMatch(/^PingOne answered 502/);
  });
});

describe('MalformedResponseError', () => {
  it('is thrown for a 200 whose JSON is broken', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'correlation-id': 'c-bad' });
      response.end('{"id": "u1", ');
    });
    const client = createClient({ baseUrl });
    const error = await client.get({ url: '/x' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error).toBeInstanceOf(PingOneSdkError);
    expect(error).toMatchObject({ status: 200, correlationId: 'c-bad' });
    // The parser's message may quote the body (which can hold a token), so it is not attached.
    expect((error as Error).cause).toBeUndefined();
  });
});

describe('transport failures', () => {
  it('throws ConnectionError when the server drops the connection', async () => {
    server.handle((_request, _response, raw) => raw.socket.destroy());
    const client = createClient({ baseUrl, retry: false });
    const error = await client.get({ url: '/x' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toBeInstanceOf(PingOneSdkError);
    expect((error as Error).message).toContain(`GET ${baseUrl}/x failed`);
    expect(server.requests).toHaveLength(1);
  });

  it('throws ConnectionError when nothing listens on the port', async () => {
    const port = await closedPort();
    const client = createClient({ baseUrl: `http://127.0.0.1:${port}/v1`, retry: false });
    const error = await client.get({ url: '/x' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionError);
  });

  it('throws TimeoutError when the server never answers within `timeout`', async () => {
    server.handle(() => {
      // never answers
    });
    const client = createClient({ baseUrl, timeout: 100 });
    const startedAt = performance.now();
    const error = await client.get({ url: '/x' }).catch((caught: unknown) => caught);
    const elapsed = performance.now() - startedAt;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeout: 100 });
    expect((error as Error).message).toContain('took longer than 100 ms');
    expect(elapsed).toBeGreaterThanOrEqual(95);
    expect(elapsed).toBeLessThan(2_000);
    // A timed-out attempt may have been processed: it is not retried.
    expect(server.requests).toHaveLength(1);
  });

  it('takes a per-call timeout over the client one', async () => {
    server.handle(() => {
      // never answers
    });
    const client = createClient({ baseUrl });
    const error = await client.get({ url: '/x', timeout: 50 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'TimeoutError', timeout: 50 });
  });
});
