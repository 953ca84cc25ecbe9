import { isObject } from '@pingone-sdk/openapi';
import { invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { defaultFlaggedWrites } from './default-flag.js';
import { generic, requireItem } from './generic.js';

/**
 * Device authentication policies and FIDO2 policies each keep exactly one default (taking the flag
 * moves it; the holder can neither drop it nor be deleted). Migrating device authentication policies
 * to FIDO2 turns on their FIDO2 method with the named or default FIDO2 policy, and a FIDO2 policy
 * lists (and with `expand` embeds) the device authentication policies that use it.
 */
const deviceAuthenticationPolicy = defaultFlaggedWrites('device authentication policy');
const fido2Policy = defaultFlaggedWrites('FIDO2 policy');

export const mfaPolicyBehaviours: BehaviourFamily = {
  createDeviceAuthenticationPolicy: deviceAuthenticationPolicy.create,
  replaceDeviceAuthenticationPolicy: deviceAuthenticationPolicy.replace,
  deleteDeviceAuthenticationPolicy: deviceAuthenticationPolicy.delete,
  createFido2Policy: fido2Policy.create,
  replaceFido2Policy: fido2Policy.replace,
  deleteFido2Policy: fido2Policy.delete,
  migrateDeviceAuthenticationPoliciesToFido2: migrateToFido2,
  getFido2Policy: (context) => {
    const policy = withUsers(context, requireItem(context));
    if (context.query.expand !== 'deviceAuthenticationPolicies') return { status: 200, body: policy };
    const users = usersOf(context, policy.id as string);
    return { status: 200, body: { ...policy, _embedded: { deviceAuthenticationPolicies: users } } };
  },
  listFido2Policies: (context) => {
    const reply = generic.list(context);
    const body = reply.body as { _embedded: { fido2Policies: Resource[] } };
    const fido2Policies = body._embedded.fido2Policies.map((policy) => withUsers(context, policy));
    return { ...reply, body: { ...body, _embedded: { fido2Policies } } };
  },
};

function migrateToFido2(context: BehaviourContext): Reply {
  const policiesKey = context.location.key;
  const fido2Key = `/environments/${context.environmentId ?? ''}/fido2Policies`;
  const entries =
    isObject(context.body) && Array.isArray(context.body.migrationData) ? context.body.migrationData : [];
  const migrated = entries.map((entry, index): Resource => {
    const target = `migrationData[${index}]`;
    const { deviceAuthenticationPolicyId: policyId, fido2PolicyId } = isObject(entry) ? entry : {};
    const policy = context.store.getItem(policiesKey, String(policyId));
    if (!policy)
      throw invalid(
        `${target}.deviceAuthenticationPolicyId`,
        `No device authentication policy with ID ${String(policyId)} exists.`,
      );
    const fido2Id =
      typeof fido2PolicyId === 'string'
        ? fido2PolicyId
        : [...context.store.items(fido2Key).values()].find((each) => each.default === true)?.id;
    if (typeof fido2Id !== 'string' || !context.store.getItem(fido2Key, fido2Id)) {
      throw invalid(`${target}.fido2PolicyId`, `No FIDO2 policy with ID ${String(fido2Id)} exists.`);
    }
    const fido2 = { ...(isObject(policy.fido2) ? policy.fido2 : {}), enabled: true, fido2PolicyId: fido2Id };
    return { ...policy, fido2, updatedAt: new Date().toISOString() };
  });
  // Checked first, stored after: a migration with one bad entry changes nothing.
  for (const policy of migrated) context.store.putItem(policiesKey, policy.id as string, policy);
  return {
    status: 200,
    body: {
      _links: { self: { href: context.location.href } },
      _embedded: { deviceAuthenticationPolicies: migrated },
      count: migrated.length,
      size: migrated.length,
    },
  };
}

/** The device authentication policies whose FIDO2 method uses the FIDO2 policy. */
function usersOf(context: BehaviourContext, fido2PolicyId: string): Resource[] {
  const key = `/environments/${context.environmentId ?? ''}/deviceAuthenticationPolicies`;
  return [...context.store.items(key).values()].filter(
    (policy) => isObject(policy.fido2) && policy.fido2.fido2PolicyId === fido2PolicyId,
  );
}

function withUsers(context: BehaviourContext, policy: Resource): Resource {
  const users = usersOf(context, policy.id as string).map((each) => each.id as string);
  return { ...policy, deviceAuthenticationPolicies: users };
}

function invalid(target: string, message: string) {
  return invalidData([{ code: 'INVALID_VALUE', target, message }]);
}
