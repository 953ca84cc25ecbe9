import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A PingOne stand-in on 127.0.0.1 (a free port) that misbehaves on purpose: the token endpoint and the
 * users routes answer normally, except the one route under test, whose answers a {@link FaultPlan} writes.
 * Every request is counted per route, so a cell can prove how often a POST was really sent.
 */

/** What the fault plan is handed for one request to the route under test. */
export interface FaultRequest {
  /** 1 for the first request to the route, 2 for the first retry, … */
  attempt: number;
  request: IncomingMessage;
  response: ServerResponse;
  /** The JSON a well-behaved server would answer with. */
  goodBody: unknown;
  /** A server of the same kind on another host, for redirects. */
  otherOrigin: string;
}

/** Writes (or withholds) the answer for one request to the route under test. */
export type FaultPlan = (fault: FaultRequest) => void;

/** Which request of a call the fault hits. */
export type FaultRoute = 'token' | 'user' | 'users' | 'next-page';

export const environmentId = 'f1e2d3c4-0000-4000-8000-00000000e0e0';
export const userId = 'a1b2c3d4-0000-4000-8000-0000000000a1';
/** The user DELETE removes: not the one the other calls read, where an emulator is shared. */
export const deletableUserId = 'd0d0d0d0-0000-4000-8000-0000000000d0';
export const populationId = 'b0b0b0b0-0000-4000-8000-0000000000b0';
export const clientId = 'c0ffee00-0000-4000-8000-0000000c11e1';
/** Values no error, log line or inspection may ever show. */
export const clientSecret = 'S3CRET-never-print-2f6a0b';
export const accessToken = 'ACCESS-TOKEN-never-print-9d41c7';

export interface FaultServer {
  origin: string;
  apiUrl: string;
  /** Requests seen per route, faulted or not. */
  counts: Record<FaultRoute | 'other', number>;
  /** Requests the other host received, and whether any of them carried credentials. */
  otherHost: { requests: number; sawCredentials: boolean };
  close(): Promise<void>;
}

export const user = { id: userId, username: 'ada', environment: { id: environmentId } };

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

function routeOf(method: string, path: string): FaultRoute | 'other' {
  if (method === 'POST' && path === `/${environmentId}/as/token`) return 'token';
  if (path === `/v1/environments/${environmentId}/users/${userId}`) return 'user';
  if (path === `/v1/environments/${environmentId}/users/${deletableUserId}`) return 'user';
  if (path === `/v1/environments/${environmentId}/users`) return 'users';
  if (path === `/v1/environments/${environmentId}/users/page-2`) return 'next-page';
  return 'other';
}

async function listen(handler: (request: IncomingMessage, response: ServerResponse) => void) {
  const server = createServer(handler);
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return { origin: `http://127.0.0.1:${port}`, close };
}

/** Starts a server whose `route` answers as `plan` says; every other route answers as PingOne would. */
export async function startFaultServer(route: FaultRoute, plan: FaultPlan): Promise<FaultServer> {
  const counts: FaultServer['counts'] = { token: 0, user: 0, users: 0, 'next-page': 0, other: 0 };
  const otherHost = { requests: 0, sawCredentials: false };
  const other = await listen((request, response) => {
    otherHost.requests++;
    const body: Buffer[] = [];
    request.on('data', (chunk: Buffer) => body.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(body).toString();
      if (request.headers.authorization || text.includes(clientSecret)) otherHost.sawCredentials = true;
      json(response, 200, { id: 'from-another-host' });
    });
  });
  let apiUrl = '';
  const main = await listen((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const which = routeOf(request.method ?? '', path);
    counts[which]++;
    // Read the whole request first, as a real server would before it answers or fails.
    request.resume();
    request.on('end', () => {
      const goodBody = goodAnswer(which, request.method ?? '', apiUrl);
      if (which === route) {
        plan({ attempt: counts[which], request, response, goodBody, otherOrigin: other.origin });
      } else if (which === 'other') {
        json(response, 404, { code: 'NOT_FOUND', message: 'No such route on the fault server' });
      } else if (request.method === 'DELETE') {
        response.writeHead(204).end();
      } else {
        json(response, which === 'users' && request.method === 'POST' ? 201 : 200, goodBody);
      }
    });
  });
  apiUrl = `${main.origin}/v1`;
  return {
    origin: main.origin,
    apiUrl,
    counts,
    otherHost,
    close: async () => {
      await Promise.all([main.close(), other.close()]);
    },
  };
}

function goodAnswer(route: FaultRoute | 'other', method: string, apiUrl: string): unknown {
  const users = `${apiUrl}/environments/${environmentId}/users`;
  switch (route) {
    case 'token':
      return { access_token: accessToken, token_type: 'Bearer', expires_in: 3600 };
    case 'users':
      if (method === 'POST') return user;
      return {
        _links: { self: { href: users }, next: { href: `${users}/page-2` } },
        _embedded: { users: [{ ...user, id: 'first-page-user' }] },
        count: 2,
        size: 1,
      };
    case 'next-page':
      return {
        _links: { self: { href: `${users}/page-2` } },
        _embedded: { users: [user] },
        count: 2,
        size: 1,
      };
    default:
      return method === 'DELETE' ? undefined : user;
  }
}

/** A port on 127.0.0.1 where nothing listens (it was free a moment ago). */
export async function refusingOrigin(): Promise<string> {
  const probe = await listen(() => {});
  await probe.close();
  return probe.origin;
}
