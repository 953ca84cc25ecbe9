import { isObject } from '@pingone-sdk/openapi';
import { invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import type { Behaviour, BehaviourContext, BehaviourFamily } from './behaviour.js';
import { defaultFlaggedWrites } from './default-flag.js';
import { addBuiltInsOnce } from './environment-built-ins.js';
import { generic, requireItem } from './generic.js';

/**
 * Device authentication policies and FIDO2 policies each keep exactly one default (taking the flag
 * moves it; the holder can neither drop it nor be deleted). Migrating device authentication policies
 * to FIDO2 turns on their FIDO2 method with the named or default FIDO2 policy, and a FIDO2 policy
 * lists (and with `expand` embeds) the device authentication policies that use it.
 */
const deviceAuthenticationPolicy = defaultFlaggedWrites('device authentication policy');
const fido2Policy = defaultFlaggedWrites('FIDO2 policy');

/** Passcodes by SMS, voice or email in the built-in policy: valid 30 minutes, 3 wrong tries then 2 minutes' pause. */
const builtInPasscodes = {
  enabled: true,
  otp: {
    lifeTime: { duration: 30, timeUnit: 'MINUTES' },
    failure: { count: 3, coolDown: { duration: 2, timeUnit: 'MINUTES' } },
  },
};

/**
 * What PingOne MFA gives every environment, put in place on its first MFA policy request: the default
 * FIDO2 policy "Passkeys" and the default device authentication policy "Default MFA Policy" with every
 * passcode method, TOTP and FIDO2 (through "Passkeys") enabled.
 */
function withBuiltInPolicies(behaviour: (context: BehaviourContext) => Reply): Behaviour {
  return (context) => {
    const environment = `/environments/${context.environmentId ?? ''}`;
    addBuiltInsOnce(context.store, context.services.apiUrl, context.environmentId, 'mfa', (put) => {
      const passkeys = put(`${environment}/fido2Policies`, {
        name: 'Passkeys',
        default: true,
        attestationRequirements: 'NONE',
        authenticatorAttachment: 'BOTH',
        backupEligibility: { allow: true, enforceDuringAuthentication: false },
        deviceDisplayName: 'Passkey',
        discoverableCredentials: 'REQUIRED',
        mdsAuthenticatorsRequirements: { option: 'NONE', enforceDuringAuthentication: false },
        relyingPartyId: 'pingone.com',
        userDisplayNameAttributes: { attributes: [{ name: 'username' }] },
        userVerification: { option: 'REQUIRED', enforceDuringAuthentication: true },
      });
      put(`${environment}/deviceAuthenticationPolicies`, {
        name: 'Default MFA Policy',
        default: true,
        authentication: { deviceSelection: 'DEFAULT_TO_FIRST' },
        sms: builtInPasscodes,
        voice: builtInPasscodes,
        email: builtInPasscodes,
        mobile: {
          enabled: false,
          otp: { failure: { count: 3, coolDown: { duration: 2, timeUnit: 'MINUTES' } } },
        },
        totp: {
          enabled: true,
          otp: { failure: { count: 3, coolDown: { duration: 2, timeUnit: 'MINUTES' } } },
        },
        fido2: { enabled: true, fido2PolicyId: passkeys.id },
      });
    });
    return behaviour(context);
  };
}

export const mfaPolicyBehaviours: BehaviourFamily = {
  listDeviceAuthenticationPolicies: withBuiltInPolicies((context) => generic.list(context)),
  getDeviceAuthenticationPolicy: withBuiltInPolicies((context) => generic.read(context)),
  createDeviceAuthenticationPolicy: withBuiltInPolicies(deviceAuthenticationPolicy.create),
  replaceDeviceAuthenticationPolicy: withBuiltInPolicies(deviceAuthenticationPolicy.replace),
  deleteDeviceAuthenticationPolicy: withBuiltInPolicies(deviceAuthenticationPolicy.delete),
  createFido2Policy: withBuiltInPolicies(fido2Policy.create),
  replaceFido2Policy: withBuiltInPolicies(fido2Policy.replace),
  deleteFido2Policy: withBuiltInPolicies(fido2Policy.delete),
  migrateDeviceAuthenticationPoliciesToFido2: withBuiltInPolicies(migrateToFido2),
  getFido2Policy: withBuiltInPolicies((context) => {
    const policy = withUsers(context, requireItem(context));
    if (context.query.expand !== 'deviceAuthenticationPolicies') return { status: 200, body: policy };
    const users = usersOf(context, policy.id as string);
    return { status: 200, body: { ...policy, _embedded: { deviceAuthenticationPolicies: users } } };
  }),
  listFido2Policies: withBuiltInPolicies((context) => {
    const reply = generic.list(context);
    const body = reply.body as { _embedded: { fido2Policies: Resource[] } };
    const fido2Policies = body._embedded.fido2Policies.map((policy) => withUsers(context, policy));
    return { ...reply, body: { ...body, _embedded: { fido2Policies } } };
  }),
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
