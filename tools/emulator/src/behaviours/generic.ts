import { randomUUID } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { compileFilter } from '../filter/compile-filter.js';
import { FilterError } from '../filter/filter-expression.js';
import { parseFilter } from '../filter/parse-filter.js';
import { ApiError, invalidData, notFound, uniquenessViolation } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import { decodeCursor, encodeCursor } from '../paging/cursor.js';
import { defaultPageSize, fallbackMaximumPageSize } from '../paging/page-size.js';
import { singular } from '../spec/build-operations.js';
import type { OperationKind } from '../spec/operation.js';
import type { Resource } from '../state/store.js';
import type { Behaviour, BehaviourContext } from './behaviour.js';

/**
 * PingOne's behaviour for any resource, inferred from the path shape: lists with HAL paging and
 * filters, create (201, server fields), read, replace (PUT), merge (PATCH), delete (204), and
 * singletons. Family behaviours wrap these (for example to fill defaults before `create`).
 */
export const generic = {
  list(context: BehaviourContext): Reply {
    const { location, operation, query } = context;
    const collectionKey = location.collectionKey ?? location.key;
    let items = [...context.store.items(collectionKey).values()];
    const filter = typeof query.filter === 'string' ? query.filter : undefined;
    const rules = operation.collection;
    if (filter !== undefined) {
      try {
        const predicate = compileFilter(parseFilter(filter), rules?.filters);
        items = items.filter(predicate);
      } catch (error) {
        if (error instanceof FilterError) {
          throw invalidData([{ code: 'INVALID_FILTER', target: 'filter', message: error.message }]);
        }
        throw error;
      }
    }
    // A maximum the spec declares was enforced by validation; otherwise, like PingOne, answer a smaller page.
    const maximum = operation.maximumLimit ?? rules?.maximumLimit ?? fallbackMaximumPageSize;
    const requested = typeof query.limit === 'number' ? query.limit : undefined;
    const limit = Math.max(1, Math.min(requested ?? rules?.defaultLimit ?? defaultPageSize, maximum));
    let offset = 0;
    // Next links carry a cursor on every list, also where the spec declares no `cursor` parameter.
    const cursor =
      typeof query.cursor === 'string'
        ? query.cursor
        : context.requestUrl.includes('cursor=')
          ? new URL(context.requestUrl).searchParams.get('cursor')
          : null;
    if (typeof cursor === 'string') {
      const decoded = decodeCursor(cursor);
      if (decoded === undefined) {
        throw invalidData([{ code: 'INVALID_VALUE', target: 'cursor', message: 'The cursor is not valid.' }]);
      }
      offset = decoded;
    }
    const page = items.slice(offset, offset + limit);
    const base = `${context.services.apiUrl}${collectionKey}`;
    const linkTo = (pageOffset: number) => {
      const search = new URLSearchParams();
      if (requested !== undefined) search.set('limit', String(requested));
      if (filter !== undefined) search.set('filter', filter);
      search.set('cursor', encodeCursor(pageOffset));
      return { href: `${base}?${search}` };
    };
    const links: Record<string, { href: string }> = { self: { href: context.requestUrl } };
    if (offset + limit < items.length) links.next = linkTo(offset + limit);
    if (offset > 0) links.prev = linkTo(Math.max(0, offset - limit));
    const name = operation.embeddedName ?? operation.collectionName ?? 'items';
    return {
      status: operation.successStatus,
      body: { _links: links, _embedded: { [name]: page }, count: items.length, size: page.length },
    };
  },

  create(context: BehaviourContext, body: unknown = context.body): Reply {
    const collectionKey = context.location.collectionKey ?? context.location.key;
    const resource = newResource(
      context.services.apiUrl,
      context.environmentId,
      collectionKey,
      randomUUID(),
      { ...structuredClone(context.operation.defaults), ...asObject(body) },
    );
    assertRoom(context, collectionKey);
    assertReferences(context, resource);
    assertUnique(context, collectionKey, resource);
    context.store.putItem(collectionKey, resource.id as string, resource);
    return { status: context.operation.successStatus, body: resource };
  },

  read(context: BehaviourContext): Reply {
    return { status: context.operation.successStatus, body: requireItem(context) };
  },

  replace(context: BehaviourContext, body: unknown = context.body): Reply {
    const existing = requireItem(context);
    const collectionKey = context.location.collectionKey ?? '';
    const resource = newResource(
      context.services.apiUrl,
      context.environmentId,
      collectionKey,
      existing.id as string,
      body,
    );
    if (existing.createdAt !== undefined) resource.createdAt = existing.createdAt;
    assertReferences(context, resource);
    assertUnique(context, collectionKey, resource);
    context.store.putItem(collectionKey, resource.id as string, resource);
    return { status: context.operation.successStatus, body: resource };
  },

  update(context: BehaviourContext, body: unknown = context.body): Reply {
    const existing = requireItem(context);
    const collectionKey = context.location.collectionKey ?? '';
    const resource = mergePatch(existing, body) as Resource;
    // Server-owned fields survive any patch.
    for (const field of ['_links', 'id', 'environment', 'createdAt'] as const) {
      if (existing[field] !== undefined) resource[field] = existing[field];
    }
    touch(resource);
    assertReferences(context, resource);
    assertUnique(context, collectionKey, resource);
    context.store.putItem(collectionKey, resource.id as string, resource);
    return { status: context.operation.successStatus, body: resource };
  },

  delete(context: BehaviourContext): Reply {
    requireItem(context);
    context.store.deleteItem(context.location.collectionKey ?? '', context.location.itemId ?? '');
    return { status: context.operation.successStatus };
  },

  singletonRead(context: BehaviourContext): Reply {
    const stored = context.store.getSingleton(context.location.key);
    return {
      status: context.operation.successStatus,
      body: stored ?? { _links: { self: { href: context.location.href } } },
    };
  },

  singletonReplace(context: BehaviourContext, body: unknown = context.body): Reply {
    const resource: Resource = { _links: { self: { href: context.location.href } }, ...asObject(body) };
    if (context.environmentId !== undefined) resource.environment = { id: context.environmentId };
    touch(resource);
    context.store.setSingleton(context.location.key, resource);
    return { status: context.operation.successStatus, body: resource };
  },

  singletonUpdate(context: BehaviourContext, body: unknown = context.body): Reply {
    const existing = context.store.getSingleton(context.location.key) ?? {};
    const resource = mergePatch(existing, body) as Resource;
    resource._links = { self: { href: context.location.href } };
    touch(resource);
    context.store.setSingleton(context.location.key, resource);
    return { status: context.operation.successStatus, body: resource };
  },

  singletonDelete(context: BehaviourContext): Reply {
    context.store.deleteSingleton(context.location.key);
    return { status: context.operation.successStatus };
  },

  /**
   * An action nobody has taught the emulator yet: it succeeds without changing state, answering the
   * resource the action is on (an item for `POST /users/{id}`), or the URL's singleton.
   */
  action(context: BehaviourContext, status = context.operation.successStatus): Reply {
    if (status === 204) return { status };
    if (context.operation.shape === 'item') return { status, body: requireItem(context) };
    return {
      status,
      body: context.store.getSingleton(context.location.key) ?? {
        _links: { self: { href: context.location.href } },
      },
    };
  },
} as const;

const byKind: Record<OperationKind, Behaviour> = {
  list: generic.list,
  create: (context) => generic.create(context),
  read: generic.read,
  replace: (context) => generic.replace(context),
  update: (context) => generic.update(context),
  delete: generic.delete,
  'singleton-read': generic.singletonRead,
  'singleton-replace': (context) => generic.singletonReplace(context),
  'singleton-update': (context) => generic.singletonUpdate(context),
  'singleton-delete': generic.singletonDelete,
  action: (context) => generic.action(context),
};

/** The generic behaviour of an operation kind. */
export function genericBehaviour(kind: OperationKind): Behaviour {
  return byKind[kind];
}

/** The item the URL names, or a 404 NOT_FOUND naming its kind and id. */
export function requireItem(context: BehaviourContext): Resource {
  const { collectionKey, itemId } = context.location;
  const item =
    collectionKey !== undefined && itemId !== undefined
      ? context.store.getItem(collectionKey, itemId)
      : undefined;
  if (!item) {
    throw notFound(
      `Unable to find ${singular(context.operation.collectionName ?? 'resource')} with ID ${itemId ?? ''}.`,
    );
  }
  return item;
}

/** A stored resource built from a request body with the server's fields (`id`, links, timestamps). */
export function newResource(
  apiUrl: string,
  environmentId: string | undefined,
  collectionKey: string,
  id: string,
  body: unknown,
): Resource {
  const now = new Date().toISOString();
  const resource: Resource = { _links: { self: { href: `${apiUrl}${collectionKey}/${id}` } }, id };
  if (environmentId !== undefined && collectionKey !== '/environments')
    resource.environment = { id: environmentId };
  Object.assign(resource, asObject(body));
  resource.id = id;
  resource.createdAt = now;
  resource.updatedAt = now;
  return resource;
}

/** Throws 400 UNIQUENESS_VIOLATION when another item of the collection has the same unique value. */
export function assertUnique(context: BehaviourContext, collectionKey: string, resource: Resource): void {
  const unique = context.operation.collection?.unique;
  if (!unique) return;
  for (const attribute of unique) {
    const value = readPath(resource, attribute);
    if (typeof value !== 'string') continue;
    const lower = value.toLowerCase();
    for (const other of context.store.items(collectionKey).values()) {
      if (other.id === resource.id) continue;
      const otherValue = readPath(other, attribute);
      if (typeof otherValue === 'string' && otherValue.toLowerCase() === lower)
        throw uniquenessViolation(attribute, value);
    }
  }
}

/** Throws 400 SIZE_LIMIT_EXCEEDED when the collection already holds its spec's `maximumCount` items. */
function assertRoom(context: BehaviourContext, collectionKey: string): void {
  const maximum = context.operation.collection?.maximumCount;
  if (maximum === undefined || context.store.items(collectionKey).size < maximum) return;
  throw invalidData([
    {
      code: 'SIZE_LIMIT_EXCEEDED',
      target: context.operation.collectionName ?? 'collection',
      message: `This collection holds at most ${maximum} items.`,
    },
  ]);
}

/**
 * Throws 400 INVALID_VALUE when an attribute the spec lists in `references` names no existing item.
 * Templates take the request's path parameters (`/environments/{environmentId}/populations`); a path
 * through an array (`applications.id`) checks every element.
 */
function assertReferences(context: BehaviourContext, resource: Resource): void {
  const references = context.operation.collection?.references ?? {};
  for (const [attribute, template] of Object.entries(references)) {
    const collectionKey = template.replace(
      /\{([^}]+)\}/g,
      (_, name: string) => context.pathParameters[name] ?? '',
    );
    const noun = singular(
      template
        .split('/')
        .filter((segment) => !segment.startsWith('{'))
        .at(-1) ?? 'resource',
    );
    for (const [target, value] of entriesAt(resource, attribute)) {
      if (typeof value === 'string' && context.store.getItem(collectionKey, value)) continue;
      throw invalidData([
        { code: 'INVALID_VALUE', target, message: `No ${noun} with ID ${String(value)} exists.` },
      ]);
    }
  }
}

/** Every value at a dotted path with its target (`applications[1].id`), stepping into arrays on the way. */
function entriesAt(value: unknown, path: string, target = ''): Array<[string, unknown]> {
  if (path === '') return value === undefined ? [] : [[target, value]];
  if (Array.isArray(value))
    return value.flatMap((element, index) => entriesAt(element, path, `${target}[${index}]`));
  if (!isObject(value)) return [];
  const [head = '', ...rest] = path.split('.');
  return entriesAt(value[head], rest.join('.'), target === '' ? head : `${target}.${head}`);
}

/** RFC 7396 JSON merge patch: objects merge recursively, `null` removes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

export function readPath(resource: Record<string, unknown>, path: string): unknown {
  let current: unknown = resource;
  for (const part of path.split('.')) {
    if (!isObject(current)) return undefined;
    current = current[part];
  }
  return current;
}

function touch(resource: Resource): void {
  resource.updatedAt = new Date().toISOString();
}

function asObject(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (!isObject(body)) throw new ApiError(400, 'INVALID_DATA', 'The request body must be a JSON object.');
  return body;
}
