import { invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Store } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { newResource, requireItem } from './generic.js';

/** A consent a seeded user already gave. */
export interface SeedAgreementConsent {
  agreement: { id: string };
  language: { id: string };
  /** @default 'ACCEPTED' */
  status?: 'ACCEPTED' | 'PENDING' | 'REVOKED' | 'EXPIRED';
}

/**
 * Consents are given by users while signing on (the emulator runs no agreement action), so they
 * come from the seed, keyed by agreement id. Revoking turns an accepted consent into `REVOKED`.
 */
export const userAgreementConsentBehaviours: BehaviourFamily = {
  revokeUserAgreementConsent: revokeConsent,
};

export function seedAgreementConsents(
  store: Store,
  apiUrl: string,
  environmentId: string,
  userId: string,
  consents: readonly SeedAgreementConsent[],
): void {
  const key = `/environments/${environmentId}/users/${userId}/agreementConsents`;
  for (const { status = 'ACCEPTED', ...given } of consents) {
    const id = given.agreement.id;
    const resource = newResource(apiUrl, environmentId, key, id, {
      ...given,
      user: { id: userId },
      status,
      ...(status === 'ACCEPTED'
        ? { lastConsent: { at: new Date().toISOString(), language: given.language } }
        : {}),
    });
    // The consent's key is its agreement; the answer has no id of its own.
    delete resource.id;
    store.putItem(key, id, resource);
  }
}

function revokeConsent(context: BehaviourContext): Reply {
  const existing = requireItem(context);
  if (existing.status !== 'ACCEPTED') {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'status',
        message: `Only an accepted consent can be revoked; this one is ${String(existing.status)}.`,
      },
    ]);
  }
  const revoked = { ...existing, status: 'REVOKED', updatedAt: new Date().toISOString() };
  context.store.putItem(context.location.collectionKey ?? '', context.location.itemId ?? '', revoked);
  return { status: 200, body: revoked };
}
