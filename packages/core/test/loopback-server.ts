import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on 127.0.0.1 (a free port), for tests that need the wire: every request is recorded
 * (method, path with query, headers, body) and answered by a handler the test swaps at will.
 */

/** One request as the server received it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, as sent on the request line. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Answers one request. `request` is already recorded and its body read. */
export type Handler = (request: RecordedRequest, response: ServerResponse, raw: IncomingMessage) => unknown;

export interface LoopbackServer {
  /** `http://127.0.0.1:{port}`, without a trailing slash. */
  readonly origin: string;
  /** Every request received so far, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Replaces the handler for the requests that follow. */
  handle(handler: Handler): void;
  /** Forgets the recorded requests. */
  reset(): void;
  /** Stops listening and drops every open connection, including ones never answered. */
  close(): Promise<void>;
}

/** Writes a JSON answer. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

const notFound: Handler = (_request, response) =>
  sendJson(response, 404, { code: 'NOT_FOUND', message: 'no handler' });

/** Starts a server on 127.0.0.1 and a free port. Close it in `afterAll`/`afterEach`. */
export async function startLoopbackServer(handler: Handler = notFound): Promise<LoopbackServer> {
  let current = handler;
  const requests: RecordedRequest[] = [];
  const server = createServer((raw, response) => {
    const chunks: Buffer[] = [];
    raw.on('data', (chunk: Buffer) => chunks.push(chunk));
    raw.on('end', () => {
      const recorded: RecordedRequest = {
        method: raw.method ?? '',
        url: raw.url ?? '',
        headers: raw.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      Promise.resolve(current(recorded, response, raw)).catch((error: unknown) => {
        if (!response.headersSent)
          sendJson(response, 599, { message: `test handler failed: ${String(error)}` });
      });
    });
  });
  // Many tests open hundreds of connections at once; a deep accept queue keeps them from being refused.
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      current = next;
    },
    reset() {
      requests.length = 0;
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** A loopback port on which nothing listens (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1' }, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// Captured at load, before any test installs fake timers: waits below always use the real clock.
const realSetTimeout = globalThis.setTimeout;
const realNow = performance.now.bind(performance);

/** Waits on the real clock, even while fake timers are installed. */
export function realDelay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => realSetTimeout(resolve, milliseconds));
}

/** Polls `condition` on the real clock until it holds, or fails after `timeout` ms. */
export async function waitUntil(
  condition: () => boolean,
  timeout = 5_000,
  what = 'condition',
): Promise<void> {
  const deadline = realNow() + timeout;
  while (!condition()) {
    if (realNow() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await realDelay(2);
  }
}
