import { randomUUID } from 'node:crypto';
import type { Store } from '../state/store.js';
import { newResource } from './generic.js';

/** A link to an external identity provider account, as a seed gives it. */
export interface SeedLinkedAccount {
  /** @default a random UUID */
  id?: string;
  identityProvider: { id: string };
  /** The user's id at the identity provider. */
  externalId: string;
}

/**
 * PingOne links accounts when a user first signs on through an external identity provider, which the
 * emulator does not offer; links therefore come from the seed. Listing, reading and unlinking them
 * is the generic behaviour (no family behaviour needed).
 */
export function seedLinkedAccounts(
  store: Store,
  apiUrl: string,
  environmentId: string,
  userId: string,
  accounts: readonly SeedLinkedAccount[],
): void {
  const key = `/environments/${environmentId}/users/${userId}/linkedAccounts`;
  for (const { id = randomUUID(), ...account } of accounts) {
    store.putItem(key, id, newResource(apiUrl, environmentId, key, id, { ...account, user: { id: userId } }));
  }
}
