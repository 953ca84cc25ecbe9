import { isObject } from '@pingone-sdk/openapi';
import { invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic, requireItem } from './generic.js';

/**
 * Push credentials are write-only: what was sent is kept aside and answers carry only the type and
 * dates. A credential's type is fixed once created (one per type, the spec's `unique`).
 */
export const mfaPushCredentialBehaviours: BehaviourFamily = {
  createMfaPushCredential: (context) => {
    const { shown, secrets } = split(context.body);
    const reply = generic.create(context, shown);
    keepSecrets(context, reply, secrets);
    return reply;
  },
  replaceMfaPushCredential: (context) => {
    const existing = requireItem(context);
    const { shown, secrets } = split(context.body);
    if (shown.type !== existing.type) {
      throw invalidData([
        {
          code: 'INVALID_VALUE',
          target: 'type',
          message: `The credential's type stays ${String(existing.type)}.`,
        },
      ]);
    }
    const reply = generic.replace(context, shown);
    keepSecrets(context, reply, secrets);
    return reply;
  },
};

/** PingOne answers a push credential's `type` only; everything else it was given stays aside. */
function split(body: unknown): { shown: Resource; secrets: Resource } {
  const { type, ...secrets } = isObject(body) ? body : {};
  return { shown: { type }, secrets };
}

function keepSecrets(context: BehaviourContext, reply: Reply, secrets: Resource): void {
  const stored = reply.body as Resource;
  const key = `${context.location.collectionKey ?? context.location.key}/${stored.id as string}`;
  Object.assign(context.store.privateData(key), secrets);
}
