import { invalidData } from '../http/api-error.js';
import type { Resource, Store } from '../state/store.js';

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

function defaultRequired(noun: string) {
  return invalidData([
    {
      code: 'CONSTRAINT_VIOLATION',
      target: 'default',
      message: `The environment needs a default ${noun}; make another ${noun} the default instead.`,
    },
  ]);
}
