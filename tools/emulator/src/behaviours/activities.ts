import { randomUUID } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import { singular } from '../spec/build-operations.js';
import type { Resource } from '../state/store.js';
import { listApplicationSignOns, listUserActivities } from './activity-counts.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic } from './generic.js';

const verbs: Record<string, string> = {
  POST: 'CREATED',
  PUT: 'UPDATED',
  PATCH: 'UPDATED',
  DELETE: 'DELETED',
};

/**
 * The audit trail, read back: list (filter in the query) and search (filter in the body) answer the
 * same pages, newest last; `getActivity` is the generic read. Filters are those of the facts (§4.2,
 * in the list's `x-pingone-collection`); `recordedat` compares instants, whatever precision the caller wrote.
 */
export const activityBehaviours: BehaviourFamily = {
  listActivities: (context) =>
    searchTrail(context, {
      filter: context.query.filter,
      limit: context.query.limit,
      // The spec declares no `cursor` on this list, so validation drops it; next links carry it anyway.
      cursor: new URL(context.requestUrl).searchParams.get('cursor') ?? undefined,
    }),
  searchActivities: (context) => {
    const body = isObject(context.body) ? context.body : {};
    return searchTrail(context, { filter: body.filter, limit: body.limit, cursor: body.cursor });
  },
  listUserActivities,
  listApplicationSignOns,
};

/** Both searches page like any list; next links are GETs carrying the (normalized) filter. */
function searchTrail(
  context: BehaviourContext,
  search: { filter: unknown; limit: unknown; cursor: unknown },
): Reply {
  const query: Record<string, unknown> = {};
  if (typeof search.filter === 'string') query.filter = normalizeTimestamps(search.filter);
  if (typeof search.limit === 'number') query.limit = search.limit;
  if (typeof search.cursor === 'string') query.cursor = search.cursor;
  return generic.list({ ...context, query } as BehaviourContext);
}

/**
 * Rewrites the `recordedat` bounds as `toISOString()` (what `recordedAt` is stored as), so the
 * filter's string comparison orders instants: `…T10:00:00Z` and `…T10:00:00.000+00:00` agree.
 */
function normalizeTimestamps(filter: string): string {
  return filter.replace(
    /(recordedat\s+(?:gt|ge|lt|le)\s+)"([^"]*)"/gi,
    (_, prefix: string, value: string) => {
      const time = Date.parse(value);
      if (Number.isNaN(time)) {
        throw invalidData([
          {
            code: 'INVALID_FILTER',
            target: 'filter',
            message: `recordedat needs an ISO 8601 timestamp, not "${value}".`,
          },
        ]);
      }
      return `${prefix}"${new Date(time).toISOString()}"`;
    },
  );
}

/**
 * For deletes, the item as it was before the call (the answer has no body to name it from).
 * Called before the behaviour runs; a map lookup, only for DELETE of an item.
 */
export function auditSnapshot(context: BehaviourContext): Resource | undefined {
  const { collectionKey, itemId } = context.location;
  if (context.operation.method !== 'DELETE' || collectionKey === undefined || itemId === undefined)
    return undefined;
  return context.store.getItem(collectionKey, itemId);
}

/**
 * The audit trail: every successful change made through the emulator becomes an activity in
 * `/environments/<id>/activities`, shaped like PingOne's audit events: the action type
 * (`USER.CREATED`, `POPULATION.DELETED`, `PASSWORD.SET` for media-type actions), the calling client
 * as actor, the resource touched (`id`, `type`, `name`, population) and the call's `Correlation-Id`.
 */
export function recordActivity(context: BehaviourContext, reply: Reply, before?: Resource): void {
  const { operation, environmentId } = context;
  if (environmentId === undefined || operation.method === 'GET' || reply.status >= 300) return;
  if (operation.collectionName === 'activities') return;
  const target = targetOf(context, reply, before);
  const vendor = vendorAction(context.mediaType);
  const actionNoun = vendor?.noun ?? target.type;
  const verb = vendor?.verb ?? verbs[operation.method] ?? 'UPDATED';
  const now = new Date().toISOString();
  const id = randomUUID();
  const collectionKey = `/environments/${environmentId}/activities`;
  const client = context.store.getItem(
    `/environments/${context.caller.environmentId}/applications`,
    context.caller.clientId,
  );
  const name = target.item ? nameOf(target.item) : undefined;
  const populationId = isObject(target.item?.population) ? target.item.population.id : undefined;
  const resource: Resource = {
    _links: { self: { href: `${context.services.apiUrl}${collectionKey}/${id}` } },
    id,
    recordedAt: now,
    createdAt: now,
    correlationId: context.correlationId,
    actors: {
      client: {
        id: context.caller.clientId,
        ...(typeof client?.name === 'string' ? { name: client.name } : {}),
        environment: { id: context.caller.environmentId },
        type: 'CLIENT',
      },
    },
    action: { type: `${actionNoun}.${verb}`, description: `${actionNoun} ${verb}`.toLowerCase() },
    resources: [
      {
        type: target.type,
        ...(target.id !== undefined ? { id: target.id } : {}),
        ...(name !== undefined ? { name } : {}),
        environment: { id: environmentId },
        ...(typeof populationId === 'string' ? { population: { id: populationId } } : {}),
        href: target.href,
      },
    ],
    result: {
      status: 'SUCCESS',
      description: `${verb.toLowerCase()} ${target.type.toLowerCase()}${name !== undefined ? ` ${name}` : ''}`,
    },
  };
  const transactionId = context.headers['x-ping-external-transaction-id'];
  if (typeof transactionId === 'string') resource.externalCorrelation = { transactionId };
  context.store.putItem(collectionKey, id, resource);
}

interface AuditTarget {
  type: string;
  id: string | undefined;
  item: Resource | undefined;
  href: string;
}

/**
 * What the call touched: the created, changed or deleted item; for a singleton or an action below an
 * item (`/users/{id}/password`), that item; otherwise the singleton itself (`/brandingSettings`).
 */
function targetOf(context: BehaviourContext, reply: Reply, before: Resource | undefined): AuditTarget {
  const { operation, location } = context;
  const answered = isObject(reply.body) && typeof reply.body.id === 'string' ? reply.body : undefined;
  if (operation.shape !== 'singleton') {
    const item = answered ?? before ?? requestedItem(context);
    const id = (item?.id as string | undefined) ?? location.itemId;
    const href =
      operation.shape === 'collection' && id !== undefined ? `${location.href}/${id}` : location.href;
    return { type: toConstant(singular(operation.collectionName ?? 'resource')), id, item, href };
  }
  // The innermost `<collection>/{id}` pair of the path names the owner.
  for (let index = operation.segments.length - 1; index > 0; index -= 1) {
    const segment = operation.segments[index] ?? '';
    const collection = operation.segments[index - 1] ?? '';
    if (!segment.startsWith('{') || collection.startsWith('{')) continue;
    const collectionKey = `/${location.segments.slice(0, index).join('/')}`;
    const id = location.segments[index] ?? '';
    const item = context.store.getItem(collectionKey, id);
    const href = `${context.services.apiUrl}${collectionKey}/${id}`;
    return { type: toConstant(singular(collection)), id, item, href };
  }
  const last = [...operation.segments].reverse().find((segment) => !segment.startsWith('{')) ?? 'resource';
  return {
    type: toConstant(singular(last)),
    id: answered?.id as string | undefined,
    item: answered,
    href: location.href,
  };
}

function requestedItem(context: BehaviourContext): Resource | undefined {
  const { collectionKey, itemId } = context.location;
  return collectionKey !== undefined && itemId !== undefined
    ? context.store.getItem(collectionKey, itemId)
    : undefined;
}

/** `application/vnd.pingidentity.password.set+json` → `PASSWORD` / `SET`. */
function vendorAction(mediaType: string | undefined): { noun: string; verb: string } | undefined {
  const vendor = /^application\/vnd\.pingidentity\.([\w.]+?)(\+json)?$/i.exec(mediaType ?? '');
  const parts = vendor?.[1]?.split('.') ?? [];
  const [noun, ...rest] = parts;
  if (noun === undefined || rest.length === 0) return undefined;
  return { noun: toConstant(noun), verb: toConstant(rest.join('_')) };
}

/** How PingOne names a resource in audit events: a user by username, anything else by name. */
function nameOf(item: Resource): string | undefined {
  if (typeof item.username === 'string') return item.username;
  if (typeof item.name === 'string') return item.name;
  const configuration = item.configuration;
  return isObject(configuration) && typeof configuration.name === 'string' ? configuration.name : undefined;
}

/** `signOnPolicy` → `SIGN_ON_POLICY`. */
function toConstant(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/\./g, '_')
    .toUpperCase();
}
