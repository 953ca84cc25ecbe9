import { randomUUID } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import type { Reply } from '../http/reply.js';
import type { Resource, Store } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { assertNotDefault, nextDefault, takeDefault } from './default-flag.js';
import { generic, newResource, requireItem } from './generic.js';

const noun = 'verify policy';
const seededFlag = 'defaultVerifyPolicySeeded';

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
export const verifyPolicyBehaviours: BehaviourFamily = {
  listVerifyPolicies: (context) => {
    ensureDefaultPolicy(context);
    return generic.list(context);
  },
  getVerifyPolicy: (context) => {
    ensureDefaultPolicy(context);
    return generic.read(context);
  },
  createVerifyPolicy: (context) => {
    ensureDefaultPolicy(context);
    const body = isObject(context.body) ? context.body : {};
    return afterWrite(context, generic.create(context, { ...body, default: body.default === true }));
  },
  replaceVerifyPolicy: (context) => {
    ensureDefaultPolicy(context);
    const existing = requireItem(context);
    const body = isObject(context.body) ? context.body : {};
    const fixed = { ...body, default: nextDefault(existing, body.default, noun) };
    return afterWrite(context, generic.replace(context, fixed));
  },
  deleteVerifyPolicy: (context) => {
    ensureDefaultPolicy(context);
    assertNotDefault(requireItem(context), noun);
    return generic.delete(context);
  },
};

function afterWrite(context: BehaviourContext, reply: Reply): Reply {
  const stored = reply.body as Resource;
  if (stored.default === true) {
    takeDefault(context.store, context.location.collectionKey ?? '', String(stored.id));
  }
  return reply;
}

function ensureDefaultPolicy(context: BehaviourContext): void {
  defaultVerifyPolicy(context.store, context.services.apiUrl, context.environmentId ?? '');
}

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
  const marker = store.privateData(`/environments/${environmentId}`);
  if (marker[seededFlag] !== true) {
    marker[seededFlag] = true;
    const id = randomUUID();
    store.putItem(
      collectionKey,
      id,
      newResource(apiUrl, environmentId, collectionKey, id, structuredClone(builtInPolicy)),
    );
  }
  return [...store.items(collectionKey).values()].find((policy) => policy.default === true);
}
