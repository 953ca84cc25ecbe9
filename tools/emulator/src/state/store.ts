/**
 * A stored resource, exactly as answered (with `id`, `_links`, timestamps). Treat stored resources as
 * immutable: to change one, put a new object (answers cache their serialization per object).
 */
export type Resource = Record<string, unknown>;

/**
 * In-memory state of every environment. Collections are keyed by their resolved path
 * (`/environments/<id>/users`), so each environment's data is naturally its own; singletons
 * (`/environments/<id>/users/<id>/enabled`) by theirs. Behaviours keep data that PingOne never
 * answers with (passwords, secrets) in {@link Store.privateData}, keyed by the owner's path.
 */
export class Store {
  readonly #collections = new Map<string, Map<string, Resource>>();
  readonly #singletons = new Map<string, Resource>();
  readonly #private = new Map<string, Record<string, unknown>>();

  /** Items of a collection in insertion order; empty when the collection has none yet. */
  items(collectionKey: string): Map<string, Resource> {
    let collection = this.#collections.get(collectionKey);
    if (!collection) {
      collection = new Map();
      this.#collections.set(collectionKey, collection);
    }
    return collection;
  }

  getItem(collectionKey: string, id: string): Resource | undefined {
    return this.#collections.get(collectionKey)?.get(id);
  }

  putItem(collectionKey: string, id: string, resource: Resource): void {
    this.items(collectionKey).set(id, resource);
  }

  /** Removes an item and everything nested under it; false when it did not exist. */
  deleteItem(collectionKey: string, id: string): boolean {
    const removed = this.#collections.get(collectionKey)?.delete(id) ?? false;
    if (removed) this.#purge(`${collectionKey}/${id}`);
    return removed;
  }

  getSingleton(key: string): Resource | undefined {
    return this.#singletons.get(key);
  }

  setSingleton(key: string, resource: Resource): void {
    this.#singletons.set(key, resource);
  }

  deleteSingleton(key: string): boolean {
    return this.#singletons.delete(key);
  }

  /** Behaviour-private data of a resource (for example a user's password), created on first use. */
  privateData(ownerKey: string): Record<string, unknown> {
    let data = this.#private.get(ownerKey);
    if (!data) {
      data = {};
      this.#private.set(ownerKey, data);
    }
    return data;
  }

  #purge(ownerKey: string): void {
    const prefix = `${ownerKey}/`;
    this.#private.delete(ownerKey);
    for (const map of [this.#collections, this.#singletons, this.#private] as Map<string, unknown>[]) {
      for (const key of map.keys()) if (key.startsWith(prefix)) map.delete(key);
    }
  }
}
