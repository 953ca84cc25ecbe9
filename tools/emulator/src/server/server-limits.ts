import type { IncomingMessage, Server, ServerOptions } from 'node:http';
import type { Socket } from 'node:net';

/**
 * The emulator's limits against clients that misbehave (users run it inside their own test suites, where
 * a leaked socket or a runaway test must not stall everyone else):
 *
 * 1. A request's headers must arrive within `headersTimeoutMs`, and the whole request within
 *    `requestTimeoutMs`; a slowloris client gets a 408 and a closed connection.
 * 2. A connection idle for `idleTimeoutMs` (before its first request or between requests) is closed.
 * 3. Connections beyond `maxConnections` are refused at accept time.
 * 4. Bodies are limited in read-body.ts (8 MB, above anything PingOne accepts): a larger one gets a 413
 *    in PingOne's error shape and the connection is closed rather than read to the end.
 */
export interface ServerLimits {
  /**
   * Milliseconds a client has to send a request's headers.
   * @default 10000
   * @example 500
   */
  headersTimeoutMs?: number;
  /**
   * Milliseconds a client has to send a whole request, body included.
   * @default 30000
   * @example 5000
   */
  requestTimeoutMs?: number;
  /**
   * Milliseconds an open connection may stay idle, before its first request or between requests.
   * @default 30000
   * @example 1000
   */
  idleTimeoutMs?: number;
  /**
   * Open connections at once; further ones are closed as they arrive.
   * @default 10000
   * @example 100
   */
  maxConnections?: number;
}

/** The limits with their defaults filled in. */
export function resolveLimits(limits: ServerLimits = {}): Required<ServerLimits> {
  const headersTimeoutMs = limits.headersTimeoutMs ?? 10_000;
  return {
    headersTimeoutMs,
    // Node requires the whole-request limit to be at least the headers limit.
    requestTimeoutMs: Math.max(limits.requestTimeoutMs ?? 30_000, headersTimeoutMs),
    idleTimeoutMs: limits.idleTimeoutMs ?? 30_000,
    maxConnections: limits.maxConnections ?? 10_000,
  };
}

/** Options for `createServer` that enforce the limits. */
export function serverOptions(limits: Required<ServerLimits>): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.idleTimeoutMs,
    // Node checks the two timeouts above only this often (30 s by default): check often enough to matter.
    connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
  };
}

/** Applies the limits only a started server takes. */
export function limitConnections(server: Server, limits: Required<ServerLimits>): void {
  server.maxConnections = limits.maxConnections;
  // Between requests keepAliveTimeout closes idle sockets; before the first one nothing does (Node's
  // header timer starts with the first byte, and socket timeouts are off when it runs): close them here.
  const untilFirstRequest = new WeakMap<Socket, NodeJS.Timeout>();
  server.on('connection', (socket: Socket) => {
    const timer = setTimeout(() => socket.destroy(), limits.idleTimeoutMs);
    timer.unref();
    untilFirstRequest.set(socket, timer);
    socket.once('close', () => clearTimeout(timer));
  });
  server.on('request', (request: IncomingMessage) => {
    clearTimeout(untilFirstRequest.get(request.socket));
  });
}
