import { isObject } from '@pingone-sdk/openapi';
import { invalidData, notFound } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource, Store } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { takeDefault } from './default-flag.js';
import { generic, requireItem } from './generic.js';

/**
 * Populations beyond CRUD: `userCount` is counted when answered, at most one population is the
 * default, and a population that still holds users, or is the default, cannot be deleted.
 */
export const populationBehaviours: BehaviourFamily = {
  listPopulations: (context) => withUserCounts(context, generic.list(context)),
  createPopulation: (context) => keepOneDefault(context, generic.create(context)),
  getPopulation: (context) => withUserCounts(context, generic.read(context)),
  replacePopulation: (context) => keepOneDefault(context, generic.replace(context, replacement(context))),
  deletePopulation: deletePopulation,
  getPopulationDefaultIdentityProvider: readDefaultIdentityProvider,
  replacePopulationDefaultIdentityProvider: replaceDefaultIdentityProvider,
};

/** Users per population id, counted in one pass over the environment's users. */
export function countUsers(store: Store, environmentId: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const user of store.items(`/environments/${environmentId}/users`).values()) {
    const id = isObject(user.population) ? user.population.id : undefined;
    if (typeof id === 'string') counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/**
 * PingOne's documentation does not say what deleting a populated population does; the emulator
 * refuses it (as the admin console does) so that users are never deleted or orphaned by accident:
 * move or delete them first. The default population cannot be deleted either.
 */
function deletePopulation(context: BehaviourContext): Reply {
  const existing = requireItem(context);
  if (existing.default === true) {
    throw invalidData([
      {
        code: 'CONSTRAINT_VIOLATION',
        target: 'default',
        message: 'The default population cannot be deleted; make another population the default first.',
      },
    ]);
  }
  const users = countUsers(context.store, context.environmentId ?? '').get(existing.id as string) ?? 0;
  if (users > 0) {
    throw invalidData([
      {
        code: 'CONSTRAINT_VIOLATION',
        target: 'id',
        message: `The population still holds ${users} user(s); move or delete them before deleting it.`,
      },
    ]);
  }
  return generic.delete(context);
}

/** PUT clears what it leaves out, but `default` only moves when another population takes it. */
function replacement(context: BehaviourContext): Record<string, unknown> {
  const existing = requireItem(context);
  const body = isObject(context.body) ? context.body : {};
  return body.default === undefined && existing.default === true ? { ...body, default: true } : body;
}

function keepOneDefault(context: BehaviourContext, reply: Reply): Reply {
  const saved = reply.body as Resource;
  if (saved.default === true) {
    takeDefault(context.store, context.location.collectionKey ?? '', saved.id as string);
  }
  return withUserCounts(context, reply);
}

function withUserCounts(context: BehaviourContext, reply: Reply): Reply {
  const counts = countUsers(context.store, context.environmentId ?? '');
  const count = (item: Resource) => ({ ...item, userCount: counts.get(item.id as string) ?? 0 });
  if (!isObject(reply.body)) return reply;
  const embedded = reply.body._embedded;
  if (isObject(embedded) && Array.isArray(embedded.populations)) {
    return { ...reply, body: { ...reply.body, _embedded: { populations: embedded.populations.map(count) } } };
  }
  return { ...reply, body: count(reply.body) };
}

/** Until one is chosen, a population's users sign on with PingOne itself (named by the environment's id). */
function readDefaultIdentityProvider(context: BehaviourContext): Reply {
  requirePopulation(context);
  const stored = context.store.getSingleton(context.location.key);
  if (stored) return { status: 200, body: stored };
  return {
    status: 200,
    body: { _links: { self: { href: context.location.href } }, id: context.environmentId, type: 'PING_ONE' },
  };
}

/**
 * The identity providers API is outside the curated spec, so any id is accepted; the answer reports
 * the provider as `PING_ONE` when the id is the environment's (PingOne itself), else `OPENID_CONNECT`.
 */
function replaceDefaultIdentityProvider(context: BehaviourContext): Reply {
  requirePopulation(context);
  const id = isObject(context.body) ? context.body.id : undefined;
  const body: Resource = {
    _links: { self: { href: context.location.href } },
    id,
    type: id === context.environmentId ? 'PING_ONE' : 'OPENID_CONNECT',
  };
  context.store.setSingleton(context.location.key, body);
  return { status: 200, body };
}

function requirePopulation(context: BehaviourContext): Resource {
  const id = context.pathParameters.populationId ?? '';
  const found = context.store.getItem(`/environments/${context.environmentId ?? ''}/populations`, id);
  if (!found) throw notFound(`Unable to find population with ID ${id}.`);
  return found;
}
