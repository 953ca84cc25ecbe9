import type { BehaviourFamily } from './behaviour.js';
import { generic } from './generic.js';
import { mfaDeviceActionBehaviours } from './mfa-device-actions.js';
import { mfaDeviceDetailBehaviours } from './mfa-device-details.js';
import { mfaDeviceOrderBehaviours } from './mfa-device-order.js';
import { mfaDeviceBehaviours } from './mfa-devices.js';
import { checkingOwners } from './mfa-owners.js';
import { mfaPolicyBehaviours } from './mfa-policies.js';
import { mfaPushCredentialBehaviours } from './mfa-push-credentials.js';
import { mfaSettingsBehaviours } from './mfa-settings.js';

/**
 * Every behaviour of the PingOne MFA service (spec/mfa), registered as one family. Operations under a
 * user or an application that need nothing but the generic behaviour are listed too, so that the
 * owner check covers them.
 */
export const mfaBehaviours: BehaviourFamily = checkingOwners({
  getUserMfaDevice: generic.read,
  deleteUserMfaDevice: generic.delete,
  listMfaPushCredentials: generic.list,
  getMfaPushCredential: generic.read,
  deleteMfaPushCredential: generic.delete,
  ...mfaDeviceBehaviours,
  ...mfaDeviceActionBehaviours,
  ...mfaDeviceOrderBehaviours,
  ...mfaDeviceDetailBehaviours,
  ...mfaPolicyBehaviours,
  ...mfaPushCredentialBehaviours,
  ...mfaSettingsBehaviours,
});
