import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { garbageCollector, settledHeap } from '../test/heap.js';
import { type Handler, type LoopbackServer, sendJson, startLoopbackServer } from '../test/loopback-server.js';
import { createClient } from './client.js';
import type { Client } from './client-types.js';
import { InvalidArgumentError, MalformedResponseError } from './errors.js';
import type { OperationOptions } from './internal/operation-options.js';
import { type ItemOf, PaginationLoopError, paginate } from './paginate.js';

// List operations written the way the generator writes them (see packages/management/src/generated).
interface User {
  id: string;
  username: string;
}
interface UsersPage {
  _links?: { self?: { href: string }; next?: { href: string } };
  _embedded: { users: User[] };
  count?: number;
  size?: number;
}
interface ListUsersData {
  body?: never;
  path: { environmentId: string };
  query?: { limit?: number; filter?: string };
  url: '/environments/{environmentId}/users';
}
const listUsers = (options: OperationOptions<ListUsersData>) =>
  options.client.get<{ 200: UsersPage }>({ url: '/environments/{environmentId}/users', ...options });

interface Group {
  id: string;
  name: string;
}
interface GroupsPage {
  _embedded?: { groups?: Group[] };
}
const listGroups = (
  options: OperationOptions<{ path: { environmentId: string }; url: '/environments/{environmentId}/groups' }>,
) => options.client.get<{ 200: GroupsPage }>({ url: '/environments/{environmentId}/groups', ...options });

let server: LoopbackServer;
let baseUrl: string;
let client: Client;

beforeAll(async () => {
  server = await startLoopbackServer();
  baseUrl = `${server.origin}/v1`;
  client = createClient({ baseUrl, environmentId: 'env-1', token: 'page-token', retry: { delay: () => 1 } });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

/** Serves `total` users in pages of `size`; page n links to `next(n + 1)` (absolute, with a cursor). */
function servePages(
  total: number,
  size: number,
  next = (page: number) => `${baseUrl}/environments/env-1/users?cursor=c%2F${page}&limit=${size}`,
): Handler {
  const handler: Handler = (request, response) => {
    const cursor = new URL(request.url, server.origin).searchParams.get('cursor');
    const page = cursor === null ? 0 : Number(cursor.split('/')[1]);
    const first = page * size;
    const users = Array.from({ length: Math.max(0, Math.min(size, total - first)) }, (_, index) => ({
      id: `user-${first + index}`,
      username: `user${first + index}`,
    }));
    const hasNext = first + size < total;
    sendJson(response, 200, {
      _links: {
        self: { href: `${server.origin}${request.url}` },
        ...(hasNext && { next: { href: next(page + 1) } }),
      },
      _embedded: { users },
      count: total,
      size: users.length,
    });
  };
  server.handle(handler);
  return handler;
}

describe('paginate', () => {
  it('types items from the operation’s _embedded collection', () => {
    expectTypeOf<ItemOf<typeof listUsers>>().toEqualTypeOf<User>();
    // An optional `_embedded` or collection adds no `undefined` to the items.
    expectTypeOf<ItemOf<typeof listGroups>>().toEqualTypeOf<Group>();
    const paginator = paginate(listUsers, { client, query: { limit: 2 } });
    expectTypeOf(paginator).toExtend<AsyncIterable<User>>();
    expectTypeOf(paginator.pages()).toExtend<AsyncIterable<UsersPage>>();
    expectTypeOf(paginate(listGroups, { client }).pages()).toExtend<AsyncIterable<GroupsPage>>();
    // @ts-expect-error: the options are the operation's own, so a query it does not take is refused.
    paginate(listUsers, { client, query: { unknown: 1 } });
  });

  it('yields every item, following _links.next.href verbatim, and stops without a next link', async () => {
    servePages(5, 2);
    const ids: string[] = [];
    for await (const user of paginate(listUsers, {
      client,
      query: { limit: 2, filter: 'username sw "u"' },
    })) {
      ids.push(user.id);
    }
    expect(ids).toEqual(['user-0', 'user-1', 'user-2', 'user-3', 'user-4']);
    expect(server.requests.map((request) => request.url)).toEqual([
      '/v1/environments/env-1/users?limit=2&filter=username+sw+%22u%22',
      // The next links, exactly as served: the first call's query is not added to them.
      '/v1/environments/env-1/users?cursor=c%2F1&limit=2',
      '/v1/environments/env-1/users?cursor=c%2F2&limit=2',
    ]);
    expect(new Set(server.requests.map((request) => request.headers.authorization))).toEqual(
      new Set(['Bearer page-token']),
    );
  });

  it('gives whole pages with .pages()', async () => {
    servePages(5, 2);
    const pages: UsersPage[] = [];
    for await (const page of paginate(listUsers, { client }).pages()) pages.push(page);
    expect(pages.map((page) => page.size)).toEqual([2, 2, 1]);
    expect(pages.map((page) => page._embedded?.users?.map((user) => user.id))).toEqual([
      ['user-0', 'user-1'],
      ['user-2', 'user-3'],
      ['user-4'],
    ]);
    expect(pages[2]?._links?.next).toBeUndefined();
  });

  it('handles a single page and an empty collection', async () => {
    servePages(0, 10);
    const none: User[] = [];
    for await (const user of paginate(listUsers, { client })) none.push(user);
    expect(none).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('hands out every item once, in order, to overlapping next() calls', async () => {
    servePages(5, 2);
    const iterator = paginate(listUsers, { client })[Symbol.asyncIterator]();
    const results = await Promise.all(Array.from({ length: 7 }, () => iterator.next()));
    expect(results.map((result) => (result.done ? 'done' : result.value.id))).toEqual([
      'user-0',
      'user-1',
      'user-2',
      'user-3',
      'user-4',
      'done',
      'done',
    ]);
  });

  it('stops fetching when the loop breaks', async () => {
    servePages(100, 2);
    for await (const user of paginate(listUsers, { client })) {
      if (user.id === 'user-2') break;
    }
    expect(server.requests).toHaveLength(2);
  });

  it('throws PaginationLoopError on a next link already followed, instead of looping', async () => {
    // Page 2 links back to page 1's link.
    servePages(100, 2, (page) => `${baseUrl}/environments/env-1/users?cursor=c%2F${page > 2 ? 1 : page}`);
    const ids: string[] = [];
    const error = await (async () => {
      for await (const user of paginate(listUsers, { client })) ids.push(user.id);
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PaginationLoopError);
    expect(error).toMatchObject({ href: `${baseUrl}/environments/env-1/users?cursor=c%2F1` });
    expect(ids).toEqual(['user-0', 'user-1', 'user-2', 'user-3', 'user-4', 'user-5']);
    expect(server.requests).toHaveLength(3);
  });

  it('throws PaginationLoopError on a page linking to itself', async () => {
    servePages(100, 2, () => `${baseUrl}/environments/env-1/users?cursor=c%2F1`);
    const pages = paginate(listUsers, { client }).pages();
    await expect(
      (async () => {
        for await (const _ of pages);
      })(),
    ).rejects.toBeInstanceOf(PaginationLoopError);
    expect(server.requests).toHaveLength(2);
  });

  it('stops between pages when the signal aborts', async () => {
    servePages(100, 2);
    const controller = new AbortController();
    const ids: string[] = [];
    const error = await (async () => {
      for await (const user of paginate(listUsers, { client, signal: controller.signal })) {
        ids.push(user.id);
        if (user.id === 'user-3') controller.abort(new Error('enough'));
      }
    })().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ message: 'enough' });
    expect(ids).toEqual(['user-0', 'user-1', 'user-2', 'user-3']);
    expect(server.requests).toHaveLength(2);
  });

  it('carries the call headers, retry and timeout to every page', async () => {
    const pages = servePages(6, 2);
    let count = 0;
    // The second page is refused once with 503: with retry: false on the call, that failure surfaces.
    server.handle((request, response, raw) =>
      ++count === 2 ? sendJson(response, 503, { message: 'busy' }) : pages(request, response, raw),
    );
    const error = await (async () => {
      for await (const _ of paginate(listUsers, { client, retry: false, headers: { 'X-Trace': 't-1' } }));
    })().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 503 });
    expect(server.requests.map((request) => request.headers['x-trace'])).toEqual(['t-1', 't-1']);

    // A page slower than the call's timeout fails with TimeoutError.
    server.reset();
    count = 0;
    server.handle((request, response, raw) =>
      ++count === 2 ? setTimeout(() => pages(request, response, raw), 300) : pages(request, response, raw),
    );
    const timeout = await (async () => {
      for await (const _ of paginate(listUsers, { client, timeout: 100 }));
    })().catch((caught: unknown) => caught);
    expect(timeout).toMatchObject({ name: 'TimeoutError', timeout: 100 });
  });

  it('refuses a next link on another origin, before sending the token there', async () => {
    servePages(4, 2, () => 'https://elsewhere.example.com/v1/environments/env-1/users?cursor=c%2F1');
    const error = await (async () => {
      for await (const _ of paginate(listUsers, { client }));
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(server.requests).toHaveLength(1);
  });

  it('fails with MalformedResponseError on a page that is not a JSON object, instead of ending early', async () => {
    const first = servePages(4, 2);
    server.handle((request, response, raw) => {
      if (!request.url.includes('cursor')) return first(request, response, raw);
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html>Sign in to the proxy</html>');
    });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const user of paginate(listUsers, { client })) seen.push(user.id);
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error).toMatchObject({ status: 200 });
    expect(seen).toHaveLength(2);
  });
});

describe('paginate: memory', () => {
  const total = 100_000;
  const size = 1_000;
  const padding = 'x'.repeat(400);

  /** Serves users built on demand, each ~500 bytes, so that holding them all would cost ~50 MB or more. */
  function serveLargeCollection() {
    server.handle((request, response) => {
      const page = Number(new URL(request.url, server.origin).searchParams.get('page') ?? '0');
      const first = page * size;
      const users = Array.from({ length: size }, (_, index) => ({
        id: `user-${first + index}`,
        username: `user${first + index}`,
        description: `${first + index}${padding}`,
      }));
      sendJson(response, 200, {
        _links:
          first + size < total
            ? { next: { href: `${baseUrl}/environments/env-1/users?page=${page + 1}` } }
            : {},
        _embedded: { users },
        count: total,
        size,
      });
    });
  }

  it('iterates 100,000 items in pages of 1,000 with a flat heap', { timeout: 60_000 }, async (context) => {
    serveLargeCollection();
    const gc = garbageCollector();
    const baseline = gc ? settledHeap(gc) : 0;
    let count = 0;
    let lastId = '';
    let largestGrowth = 0;
    for await (const user of paginate(listUsers, { client })) {
      count += 1;
      lastId = user.id;
      if (gc && count % 20_000 === 0) largestGrowth = Math.max(largestGrowth, settledHeap(gc) - baseline);
    }
    expect(count).toBe(total);
    expect(lastId).toBe(`user-${total - 1}`);
    expect(server.requests).toHaveLength(total / size);
    if (!gc) {
      context.skip('heap growth not measured: no garbage collector available (run node with --expose-gc)');
      return;
    }
    expect(largestGrowth).toBeLessThan(20 * 1024 * 1024);
  });
});
