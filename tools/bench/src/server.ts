import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The loopback server the benchmarks call. It runs in a child process, so that its work does not share
 * the measured process's event loop, and answers from bodies prepared at start-up, so that every variant
 * pays the same, small server cost.
 *
 * Routes (under `/v1/environments/{environmentId}`):
 * - `GET /users/{userId}`: one user, as PingOne returns it (~0.6 KB of JSON).
 * - `GET /users[?cursor=n]`: page `n` of a collection of `totalUsers` users, `pageSize` per page, each page
 *   linking to the next with an absolute `_links.next.href` that carries the cursor.
 *
 * The anchors read the same user body at their own paths: `/api/v1/users/{userId}` (Okta) and
 * `/api/v2/users/{userId}` (auth0); octokit requests the PingOne path itself.
 */

export const environmentId = 'abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6';
export const userId = '5a0d5b1d-1a8b-4b8d-9f3a-2b1c7e3f4a5b';
export const totalUsers = 100_000;
export const pageSize = 1_000;

function user(index: number, origin: string) {
  const id = `${index.toString(16).padStart(8, '0')}-1a8b-4b8d-9f3a-2b1c7e3f4a5b`;
  return {
    _links: { self: { href: `${origin}/v1/environments/${environmentId}/users/${id}` } },
    id,
    environment: { id: environmentId },
    population: { id: '60971d3b-cc5a-4601-9996-5d8a8f5ae5d2' },
    username: `user${index}`,
    email: `user${index}@example.com`,
    enabled: true,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  };
}

function startServer(): void {
  const pages: Buffer[] = [];
  let userBody = Buffer.alloc(0);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const collection = `/v1/environments/${environmentId}/users`;
    let body: Buffer | undefined;
    if (
      url.pathname === `${collection}/${userId}` ||
      url.pathname === `/api/v1/users/${userId}` ||
      url.pathname === `/api/v2/users/${userId}`
    )
      body = userBody;
    else if (url.pathname === collection) body = pages[Number(url.searchParams.get('cursor') ?? '0')];
    if (!body) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end('{"code":"NOT_FOUND","message":"no such resource"}');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    response.end(body);
  });
  server.keepAliveTimeout = 60_000;
  server.listen({ port: 0, host: '127.0.0.1' }, () => {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    userBody = Buffer.from(JSON.stringify({ ...user(0, origin), id: userId }));
    const collection = `${origin}/v1/environments/${environmentId}/users`;
    for (let page = 0; page * pageSize < totalUsers; page += 1) {
      const first = page * pageSize;
      const users = Array.from({ length: Math.min(pageSize, totalUsers - first) }, (_, index) =>
        user(first + index, origin),
      );
      const hasNext = first + pageSize < totalUsers;
      pages.push(
        Buffer.from(
          JSON.stringify({
            _links: {
              self: { href: page === 0 ? collection : `${collection}?cursor=${page}&limit=${pageSize}` },
              ...(hasNext && { next: { href: `${collection}?cursor=${page + 1}&limit=${pageSize}` } }),
            },
            _embedded: { users },
            count: totalUsers,
            size: users.length,
          }),
        ),
      );
    }
    process.send?.({ origin });
  });
  process.on('disconnect', () => process.exit(0));
}

/** A running server process. */
export interface BenchServer {
  origin: string;
  stop(): void;
}

/** Starts the server in a child process and resolves once it listens. */
export function startServerProcess(): Promise<BenchServer> {
  const child = fork(new URL(import.meta.url), ['serve'], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the bench server exited with ${code}`)));
    child.once('message', (message: { origin: string }) => {
      child.removeAllListeners('exit');
      resolve({ origin: message.origin, stop: () => child.kill() });
    });
  });
}

if (process.argv[2] === 'serve') startServer();
