import { randomUUID } from 'node:crypto';
import type { Resource, Store } from '../state/store.js';
import { readPath } from './generic.js';

/**
 * An issued credential is ACTIVE and delivered to each of the user's digital wallets: one
 * provisioned-credential record per wallet, readable from the credential and from the wallet (the
 * same record stored under both). Wallets created later receive the user's active credentials.
 */

/** Delivers the credential to one wallet, under the credential and under the wallet. */
export function provision(
  store: Store,
  apiUrl: string,
  environment: string,
  credential: Resource,
  walletId: string,
): void {
  const userId = String(readPath(credential, 'user.id'));
  const credentialId = String(credential.id);
  const id = randomUUID();
  const underCredential = `${environment}/users/${userId}/credentials/${credentialId}/provisionedCredentials`;
  const underWallet = `${environment}/users/${userId}/digitalWallets/${walletId}/provisionedCredentials`;
  const record: Resource = {
    _links: { self: { href: `${apiUrl}${underCredential}/${id}` } },
    id,
    environment: { id: environment.split('/')[2] },
    user: { id: userId },
    credential: { id: credentialId },
    digitalWallet: { id: walletId },
    status: 'PENDING',
    walletActions: [],
    createdAt: new Date().toISOString(),
  };
  if (typeof credential.expiresAt === 'string') record.expiredAt = credential.expiresAt;
  store.putItem(underCredential, id, record);
  store.putItem(underWallet, id, record);
}

/** Stores a credential whose values are already checked, and delivers it to every wallet of the user. */
export function storeIssuedCredential(
  store: Store,
  apiUrl: string,
  environment: string,
  userId: string,
  fields: Record<string, unknown>,
): Resource {
  const collection = `${environment}/users/${userId}/credentials`;
  const id = randomUUID();
  const now = new Date().toISOString();
  const credential: Resource = {
    _links: { self: { href: `${apiUrl}${collection}/${id}` } },
    id,
    environment: { id: environment.split('/')[2] },
    user: { id: userId },
    ...fields,
    status: 'ACTIVE',
    createdAt: now,
    updatedAt: now,
  };
  store.putItem(collection, id, credential);
  for (const walletId of store.items(`${environment}/users/${userId}/digitalWallets`).keys())
    provision(store, apiUrl, environment, credential, walletId);
  return credential;
}
