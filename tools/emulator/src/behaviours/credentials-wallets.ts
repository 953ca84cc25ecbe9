import { isObject } from '@pingone-sdk/openapi';
import type { Resource } from '../state/store.js';
import type { BehaviourFamily } from './behaviour.js';
import { environmentKey, requireUser } from './credentials-context.js';
import { provision } from './credentials-provisioning.js';
import { generic, requireItem } from './generic.js';

/**
 * A user's digital wallets: a new wallet receives the user's active credentials, and a deleted one
 * takes its provisioned credentials along, from its own list and from each credential's.
 */
export const digitalWalletBehaviours: BehaviourFamily = {
  createDigitalWallet: (context) => {
    const user = requireUser(context);
    const reply = generic.create(context, { ...(context.body as Resource), user: { id: user.id } });
    const wallet = reply.body as Resource;
    const environment = environmentKey(context);
    for (const credential of context.store.items(`${environment}/users/${user.id}/credentials`).values()) {
      if (credential.status === 'ACTIVE')
        provision(context.store, context.services.apiUrl, environment, credential, String(wallet.id));
    }
    return reply;
  },
  replaceDigitalWallet: (context) => {
    const existing = requireItem(context);
    return generic.replace(context, { ...(context.body as Resource), user: existing.user });
  },
  deleteDigitalWallet: (context) => {
    const wallet = requireItem(context);
    const userKey = `${environmentKey(context)}/users/${context.pathParameters.userId}`;
    for (const credentialId of context.store.items(`${userKey}/credentials`).keys()) {
      const provisioned = context.store.items(
        `${userKey}/credentials/${credentialId}/provisionedCredentials`,
      );
      for (const [id, record] of provisioned) {
        if (isObject(record.digitalWallet) && record.digitalWallet.id === wallet.id) provisioned.delete(id);
      }
    }
    return generic.delete(context);
  },
};
