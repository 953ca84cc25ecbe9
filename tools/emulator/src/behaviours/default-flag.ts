import { isObject } from '@pingone-sdk/openapi';
import { invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource, Store } from '../state/store.js';
import type { BehaviourContext } from './behaviour.js';
import { generic, requireItem } from './generic.js';

/**
 * PingOne keeps exactly one `default: true` item in some collections (password policies, sign-on
 * policies, branding themes). These helpers hold that invariant for the family behaviours:
 * an item that takes the flag takes it from the previous holder, and the holder can neither drop
 * it nor be deleted; another item has to take it first.
 */

/** Clears `default` on every other item of the collection (stored items are replaced, not mutated). */
export function takeDefault(store: Store, collectionKey: string, holderId: string): void {
  const items = store.items(collectionKey);
  for (const [id, item] of items) {
    if (id !== holderId && item.default === true) items.set(id, { ...item, default: false });
  }
}

/**
 * The `default` a write should store: `true` when asked for; the current holder keeps the flag when
 * the body leaves it out, and refuses an explicit `false` (the collection would have no default).
 */
export function nextDefault(existing: Resource | undefined, requested: unknown, noun: string): boolean {
  if (requested === true) return true;
  if (existing?.default !== true) return false;
  if (requested === false) throw defaultRequired(noun);
  return true;
}

/** 400 when a delete would leave the collection without its default. */
export function assertNotDefault(item: Resource, noun: string): void {
  if (item.default === true) {
    throw invalidData([
      {
        code: 'CONSTRAINT_VIOLATION',
        target: 'default',
        message: `The default ${noun} cannot be deleted; make another ${noun} the default first.`,
      },
    ]);
  }
}

/**
 * Create, replace and delete for a collection that keeps one default: a new item is not the default
 * unless it asks, a write that takes the flag takes it from the holder, and the holder keeps it.
 * `bodyOf` reads (and may check) the request body; by default it is the body as sent.
 */
export function defaultFlaggedWrites(
  noun: string,
  bodyOf: (context: BehaviourContext) => Record<string, unknown> = (context) =>
    isObject(context.body) ? context.body : {},
): Record<'create' | 'replace' | 'delete', (context: BehaviourContext) => Reply> {
  const afterWrite = (context: BehaviourContext, reply: Reply): Reply => {
    const stored = reply.body as Resource;
    const collectionKey = context.location.collectionKey ?? context.location.key;
    if (stored.default === true) takeDefault(context.store, collectionKey, String(stored.id));
    return reply;
  };
  return {
    create: (context) => {
      const body = bodyOf(context);
      return afterWrite(context, generic.create(context, { ...body, default: body.default === true }));
    },
    replace: (context) => {
      const existing = requireItem(context);
      const body = bodyOf(context);
      return afterWrite(
        context,
        generic.replace(context, { ...body, default: nextDefault(existing, body.default, noun) }),
      );
    },
    delete: (context) => {
      assertNotDefault(requireItem(context), noun);
      return generic.delete(context);
    },
  };
}

function defaultRequired(noun: string) {
  return invalidData([
    {
      code: 'CONSTRAINT_VIOLATION',
      target: 'default',
      message: `The environment needs a default ${noun}; make another ${noun} the default instead.`,
    },
  ]);
}
