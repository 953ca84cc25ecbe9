import { type Resource, Store } from '../state/store.js';
import type { BehaviourContext } from './behaviour.js';

/**
 * The context with one collection's items replaced by computed ones (reordered, or derived from
 * other data), so that `generic.list` pages and filters them like stored items. Only `items()` of
 * that collection differs; the view is for reading.
 */
export function withCollection(
  context: BehaviourContext,
  collectionKey: string,
  items: ReadonlyMap<string, Resource>,
): BehaviourContext {
  const store = context.store;
  const view = Object.create(Store.prototype) as Store;
  view.items = (key: string) => (key === collectionKey ? new Map(items) : store.items(key));
  return { ...context, store: view };
}
