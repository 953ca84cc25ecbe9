import type { Client, RequestResult, RequestSettings } from './client-types.js';
import { MalformedResponseError, PingOneSdkError } from './errors.js';

/**
 * The pagination policy:
 *
 * - The first page comes from the list operation itself; every later page from the previous page's
 *   `_links.next.href`, followed verbatim (it is absolute and carries PingOne's cursor). Nothing else in
 *   the page is read to decide what comes next.
 * - No `next` link means the last page.
 * - A `next` link seen before is an error ({@link PaginationLoopError}), never an endless loop.
 * - The call's `signal` is checked between pages, so a loop can be cancelled; its `headers`, `retry` and
 *   `timeout` apply to every page.
 * - Only the current page is held in memory, however large the collection.
 * - A page that is not a JSON object (an empty body, a proxy's HTML page) is a
 *   {@link MalformedResponseError}: ending the listing there would silently drop the rest.
 */

/** A HAL page as PingOne returns it. */
interface HalPage {
  _links?: { next?: { href?: string } };
  _embedded?: Record<string, unknown>;
}

/** Any generated list operation: its options carry the client, it resolves to a HAL page. */
// biome-ignore lint/suspicious/noExplicitAny: operations differ in their options; only `client` and `signal` are read.
export type ListOperation<TOptions = any, TPage = unknown> = (
  options: TOptions,
) => Promise<RequestResult<TPage>>;

/** The page type a list operation resolves to. */
export type PageOf<TOperation> = TOperation extends ListOperation<never, infer TPage> ? TPage : never;

/** The `_embedded` object of a page type. */
export type EmbeddedOf<TPage> = TPage extends { _embedded?: infer TEmbedded }
  ? NonNullable<TEmbedded>
  : never;

/** The item type of a list operation: the element type of the arrays in its `_embedded`. */
export type ItemOf<TOperation> = {
  // `-?`: an optional collection (`users?: User[]`) must not add `undefined` to the item type.
  [K in keyof EmbeddedOf<PageOf<TOperation>>]-?: NonNullable<
    EmbeddedOf<PageOf<TOperation>>[K]
  > extends ReadonlyArray<infer TItem>
    ? TItem
    : never;
}[keyof EmbeddedOf<PageOf<TOperation>>];

/** What {@link paginate} returns: iterate it for items, or call `pages()` for whole pages. */
export interface Paginator<TItem, TPage> extends AsyncIterable<TItem> {
  /** Iterates whole pages (each with its `_links`, `count` and `size`). */
  pages(): AsyncIterable<TPage>;
}

/** Thrown when a collection links back to a page already read. */
export class PaginationLoopError extends PingOneSdkError {
  override name = 'PaginationLoopError';
  readonly href: string;
  constructor(href: string) {
    super(`Pagination stopped: the next link ${href} was already followed`);
    this.href = href;
  }
}

function pageOf(result: RequestResult<unknown>): HalPage {
  const page = result.data;
  if (typeof page !== 'object' || page === null || Array.isArray(page)) {
    throw new MalformedResponseError(result.response);
  }
  return page as HalPage;
}

function itemsOf(page: HalPage): unknown[] {
  const embedded = page._embedded;
  if (!embedded) return [];
  for (const value of Object.values(embedded)) if (Array.isArray(value)) return value;
  return [];
}

/**
 * Iterates every item of a PingOne collection, following its pages.
 *
 * @example
 * for await (const user of paginate(listUsers, { client, query: { filter: 'email sw "ada"' } })) {
 *   console.log(user.username);
 * }
 * for await (const page of paginate(listUsers, { client }).pages()) console.log(page.size);
 */
export function paginate<TOperation extends ListOperation>(
  operation: TOperation,
  options: Parameters<TOperation>[0],
): Paginator<ItemOf<TOperation>, PageOf<TOperation>> {
  // What the first call was given for its own sake (headers, signal, retry, timeout) applies to every page;
  // `path` and `query` do not: the next link already carries them.
  const { client, signal, headers, retry, timeout } = options as {
    client: Client;
    signal?: AbortSignal;
    headers?: Record<string, string>;
  } & RequestSettings;

  async function* pages(): AsyncGenerator<PageOf<TOperation>> {
    const seen = new Set<string>();
    let page = pageOf(await operation(options));
    while (true) {
      yield page as PageOf<TOperation>;
      const next = page._links?.next?.href;
      if (!next) return;
      if (seen.has(next)) throw new PaginationLoopError(next);
      seen.add(next);
      signal?.throwIfAborted();
      page = pageOf(await client.get({ url: next, signal, headers, retry, timeout }));
    }
  }

  return {
    pages,
    [Symbol.asyncIterator]() {
      // Written out rather than `for await (…) yield*`: an async generator delegating to an array awaits
      // every item several times over, which costs more than the page fetches on a large collection.
      // Here an item already on the current page is one resolved promise.
      const pageIterator = pages();
      let items: unknown[] = [];
      let index = 0;
      const nextItem = async (): Promise<IteratorResult<ItemOf<TOperation>>> => {
        while (index >= items.length) {
          const page = await pageIterator.next();
          if (page.done) {
            items = [];
            return { done: true, value: undefined };
          }
          items = itemsOf(page.value as HalPage);
          index = 0;
        }
        return { done: false, value: items[index++] as ItemOf<TOperation> };
      };
      // Calls to next() that overlap (allowed, if unusual) wait for the page being fetched, in order.
      let loading: Promise<IteratorResult<ItemOf<TOperation>>> | undefined;
      const next = (): Promise<IteratorResult<ItemOf<TOperation>>> => {
        if (loading) return loading.then(next, next);
        if (index < items.length)
          return Promise.resolve({ done: false, value: items[index++] as ItemOf<TOperation> });
        loading = nextItem().finally(() => {
          loading = undefined;
        });
        return loading;
      };
      return {
        next,
        // `break` out of a for-await loop: stop the pages too, so that no further page is fetched.
        async return(value?: unknown): Promise<IteratorResult<ItemOf<TOperation>>> {
          items = [];
          await pageIterator.return(undefined);
          return { done: true, value: value as undefined };
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
    },
  };
}
