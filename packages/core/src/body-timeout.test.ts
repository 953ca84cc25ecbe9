import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LoopbackServer, startLoopbackServer, waitUntil } from '../test/loopback-server.js';
import { createClient } from './client.js';
import { ConnectionError, ServerError, TimeoutError } from './errors.js';

/**
 * A call that stalls at any point ends within its timeout (DESIGN §3): ky's own timeout covers an attempt
 * until the answer's headers; the client's deadline covers the rest of the attempt, the body download.
 * Over real loopback HTTP, against a server that sends its headers and then stops sending.
 */

let server: LoopbackServer;
let baseUrl: string;
const open = new Set<ServerResponse>();
let closed = 0;

beforeAll(async () => {
  server = await startLoopbackServer();
  baseUrl = `${server.origin}/v1`;
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  for (const response of open) response.destroy();
  open.clear();
  closed = 0;
});

const timeout = 300;

/** Sends the headers and the first part of a body, then nothing more (the connection stays open). */
function stallAfter(status: number, contentType: string, firstPart: string | Buffer): void {
  server.handle((_request, response) => {
    open.add(response);
    response.on('close', () => {
      closed += 1;
    });
    response.writeHead(status, { 'content-type': contentType });
    response.write(firstPart);
  });
}

async function timed(call: Promise<unknown>): Promise<{ error: unknown; elapsed: number }> {
  const startedAt = performance.now();
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return { error, elapsed: performance.now() - startedAt };
}

describe('a body that stops arriving ends the call in TimeoutError within the timeout', () => {
  it.each([
    ['JSON', 'application/json', '{"_embedded":{"users":['],
    ['text', 'text/plain', 'the first line\n'],
    ['binary (Blob)', 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
  ])('%s', async (_kind, contentType, firstPart) => {
    stallAfter(200, contentType, firstPart);
    const client = createClient({ baseUrl, timeout, retry: false });
    const { error, elapsed } = await timed(client.get({ url: '/x' }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeout });
    expect(elapsed).toBeGreaterThanOrEqual(timeout - 20);
    expect(elapsed).toBeLessThan(timeout + 250);
    expect(server.requests).toHaveLength(1);
    // The download was cancelled, not abandoned: its connection is closed.
    await waitUntil(() => closed === 1, 1_000, 'the stalled connection to close');
  });

  it("an error answer's body, too", async () => {
    stallAfter(500, 'application/json', '{"code":"UNEXPECTED_SERVER_ERROR",');
    const client = createClient({ baseUrl, timeout, retry: false });
    const { error, elapsed } = await timed(client.get({ url: '/x' }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(elapsed).toBeLessThan(timeout + 250);
  });

  it('counts the time spent waiting for the headers: one deadline for the whole attempt', async () => {
    server.handle((_request, response) => {
      open.add(response);
      setTimeout(() => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"users":[');
      }, 200);
    });
    const client = createClient({ baseUrl, timeout, retry: false });
    const { error, elapsed } = await timed(client.get({ url: '/x' }));
    expect(error).toBeInstanceOf(TimeoutError);
    // Headers at ~200 ms, then the rest of the 300 ms: not a fresh 300 ms for the body.
    expect(elapsed).toBeLessThan(timeout + 150);
  });

  it('a body trickling in, each byte in time but the whole too late', async () => {
    server.handle((_request, response) => {
      open.add(response);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('[');
      const timer = setInterval(() => {
        if (response.destroyed) clearInterval(timer);
        else response.write('1,');
      }, 40);
      response.on('close', () => clearInterval(timer));
    });
    const client = createClient({ baseUrl, timeout, retry: false });
    const { error, elapsed } = await timed(client.get({ url: '/x' }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(elapsed).toBeLessThan(timeout + 250);
  });

  it('a call timeout replaces the client timeout for the body too', async () => {
    stallAfter(200, 'application/json', '{');
    const client = createClient({ baseUrl, timeout: 30_000, retry: false });
    const { error, elapsed } = await timed(client.get({ url: '/x', timeout: 150 }));
    expect(error).toMatchObject({ name: 'TimeoutError', timeout: 150 });
    expect(elapsed).toBeLessThan(400);
  });
});

describe('a body cut off before its end', () => {
  it('is a ConnectionError, not a runtime TypeError', async () => {
    server.handle((_request, response, raw) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' });
      response.write('{"users":[1,2,');
      setTimeout(() => raw.socket.destroy(), 50);
    });
    const client = createClient({ baseUrl, timeout, retry: false });
    const { error, elapsed } = await timed(client.get({ url: '/x' }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(elapsed).toBeLessThan(timeout);
  });

  it("of an error answer still yields the PingOne error named by the answer's status", async () => {
    server.handle((_request, response, raw) => {
      response.writeHead(503, { 'content-type': 'application/json', 'content-length': '200' });
      response.write('{"code":');
      setTimeout(() => raw.socket.destroy(), 50);
    });
    const client = createClient({ baseUrl, timeout, retry: false });
    const { error } = await timed(client.get({ url: '/x' }));
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 503 });
  });
});

describe('a call that ends in time', () => {
  it('leaves no deadline behind: a slow but complete body within the timeout succeeds', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"a":');
      setTimeout(() => response.end('1}'), 150);
    });
    const client = createClient({ baseUrl, timeout, retry: false });
    await expect(client.get({ url: '/x' })).resolves.toMatchObject({ data: { a: 1 } });
  });
});
