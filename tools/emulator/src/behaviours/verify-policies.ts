import type { Resource, Store } from '../state/store.js';
import type { Behaviour, BehaviourFamily } from './behaviour.js';
import { defaultFlaggedWrites } from './default-flag.js';
import { addBuiltInsOnce } from './environment-built-ins.js';
import { generic } from './generic.js';

const noun = 'verify policy';

/**
 * The policy a PingOne environment starts with: document, live selfie and a face match, open for 30
 * minutes with 15 of them to hand the evidence in (the values of the reference's policy example).
 */
const builtInPolicy: Resource = {
  name: 'Default Verify Policy',
  description: 'Checks a government ID and a live selfie that matches its photo.',
  default: true,
  governmentId: { verify: 'REQUIRED' },
  facialComparison: { verify: 'REQUIRED', threshold: 'HIGH' },
  liveness: { verify: 'REQUIRED', threshold: 'HIGH' },
  email: { verify: 'DISABLED' },
  phone: { verify: 'DISABLED' },
  transaction: {
    timeout: { duration: 30, timeUnit: 'MINUTES' },
    dataCollection: { timeout: { duration: 15, timeUnit: 'MINUTES' } },
    dataCollectionOnly: false,
  },
};

/**
 * Verify policies: every environment has one default policy (present from the first use of Verify,
 * like PingOne's built-in one), which keeps the flag until another policy takes it and cannot be
 * deleted.
 */
const writes = defaultFlaggedWrites(noun);

/** The behaviour, once the environment has its default policy. */
const withDefaultPolicy =
  (behaviour: Behaviour): Behaviour =>
  (context) => {
    defaultVerifyPolicy(context.store, context.services.apiUrl, context.environmentId ?? '');
    return behaviour(context);
  };

export const verifyPolicyBehaviours: BehaviourFamily = {
  listVerifyPolicies: withDefaultPolicy((context) => generic.list(context)),
  getVerifyPolicy: withDefaultPolicy((context) => generic.read(context)),
  createVerifyPolicy: withDefaultPolicy(writes.create),
  replaceVerifyPolicy: withDefaultPolicy(writes.replace),
  deleteVerifyPolicy: withDefaultPolicy(writes.delete),
};

/**
 * The environment's default verify policy, added the first time the environment's Verify is used so
 * that environments created by any means have one. Undefined for an unknown environment.
 */
export function defaultVerifyPolicy(
  store: Store,
  apiUrl: string,
  environmentId: string,
): Resource | undefined {
  if (!store.getItem('/environments', environmentId)) return undefined;
  const collectionKey = `/environments/${environmentId}/verifyPolicies`;
  addBuiltInsOnce(store, apiUrl, environmentId, 'verify', (put) =>
    put(collectionKey, structuredClone(builtInPolicy)),
  );
  return [...store.items(collectionKey).values()].find((policy) => policy.default === true);
}
