import { randomUUID } from 'node:crypto';
import type { Resource, Store } from '../state/store.js';
import { newResource } from './generic.js';

/** Adds one built-in resource to a collection of the environment; answers it as stored. */
export type PutBuiltIn = (collectionKey: string, body: Resource) => Resource;

/**
 * Puts a service's built-in resources into an environment the first time the service is used there,
 * so that environments made by any means (the seed, or `POST /environments` later) get them. `name`
 * tells services apart; `add` runs at most once per environment and never for an unknown one.
 */
export function addBuiltInsOnce(
  store: Store,
  apiUrl: string,
  environmentId: string | undefined,
  name: string,
  add: (put: PutBuiltIn) => void,
): void {
  if (environmentId === undefined || !store.getItem('/environments', environmentId)) return;
  const marker = store.privateData(`/environments/${environmentId}`);
  const key = `builtIns:${name}`;
  if (marker[key] === true) return;
  marker[key] = true;
  add((collectionKey, body) => {
    const id = randomUUID();
    const resource = newResource(apiUrl, environmentId, collectionKey, id, body);
    store.putItem(collectionKey, id, resource);
    return resource;
  });
}
