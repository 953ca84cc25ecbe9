import { randomInt } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic } from './generic.js';

/** PingOne allows at most this many unclaimed pairing keys per user. */
const maximumUnclaimed = 20;

/**
 * MFA pairing keys: a new key is `UNCLAIMED` with a 14-digit code that a native app would type or
 * scan. The applications it names must exist (the spec's `references`); reading and deleting are generic.
 */
export const userPairingKeyBehaviours: BehaviourFamily = {
  createUserPairingKey: createPairingKey,
};

function createPairingKey(context: BehaviourContext): Reply {
  const body = isObject(context.body) ? context.body : {};
  let unclaimed = 0;
  for (const key of context.store.items(context.location.key).values())
    if (key.status === 'UNCLAIMED') unclaimed++;
  if (unclaimed >= maximumUnclaimed) {
    throw invalidData([
      {
        code: 'SIZE_LIMIT_EXCEEDED',
        target: 'pairingKeys',
        message: `A user can hold at most ${maximumUnclaimed} unclaimed pairing keys.`,
      },
    ]);
  }
  const code = Array.from({ length: 14 }, () => randomInt(10)).join('');
  return generic.create(context, {
    ...body,
    user: { id: context.pathParameters.userId },
    code,
    status: 'UNCLAIMED',
  });
}
