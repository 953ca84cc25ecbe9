import type { BehaviourFamily } from './behaviour.js';
import { mfaDeviceActionBehaviours } from './mfa-device-actions.js';
import { mfaDeviceDetailBehaviours } from './mfa-device-details.js';
import { mfaDeviceOrderBehaviours } from './mfa-device-order.js';
import { mfaDeviceBehaviours } from './mfa-devices.js';
import { mfaPolicyBehaviours } from './mfa-policies.js';
import { mfaPushCredentialBehaviours } from './mfa-push-credentials.js';
import { mfaSettingsBehaviours } from './mfa-settings.js';

/** Every behaviour of the PingOne MFA service (spec/mfa), registered as one family. */
export const mfaBehaviours: BehaviourFamily = {
  ...mfaDeviceBehaviours,
  ...mfaDeviceActionBehaviours,
  ...mfaDeviceOrderBehaviours,
  ...mfaDeviceDetailBehaviours,
  ...mfaPolicyBehaviours,
  ...mfaPushCredentialBehaviours,
  ...mfaSettingsBehaviours,
};
