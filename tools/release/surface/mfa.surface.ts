/**
 * The public surface of @pingone-sdk/mfa, written the way users write it (an MFA policy with a FIDO2
 * policy, a user's device activated with its passcode, the device order). Never run: tools/release
 * type-checks it against the build, and the copy from the last release tag must still compile against
 * the next build, or the release is major.
 */
import { createClient } from '@pingone-sdk/core';
import {
  activateUserMfaDevice,
  createDeviceAuthenticationPolicy,
  createFido2Policy,
  createUserMfaDevice,
  type DeviceAuthenticationPolicy,
  getMfaSettings,
  listUserMfaDevices,
  type MfaDevice,
  type OfflineMethodPolicy,
  reorderUserMfaDevices,
} from '@pingone-sdk/mfa';

const client = createClient({ region: 'EU', environmentId: 'environment', token: 'token' });

const passcodes: OfflineMethodPolicy = {
  enabled: true,
  otp: {
    lifeTime: { duration: 5, timeUnit: 'MINUTES' },
    failure: { count: 3, coolDown: { duration: 2, timeUnit: 'MINUTES' } },
  },
};

export async function registerPolicies(): Promise<DeviceAuthenticationPolicy> {
  const { data: fido2 } = await createFido2Policy({
    client,
    body: {
      name: 'Passkeys',
      attestationRequirements: 'NONE',
      authenticatorAttachment: 'BOTH',
      backupEligibility: { allow: true, enforceDuringAuthentication: false },
      deviceDisplayName: 'Passkey',
      discoverableCredentials: 'REQUIRED',
      mdsAuthenticatorsRequirements: { option: 'NONE', enforceDuringAuthentication: false },
      relyingPartyId: 'login.example.com',
      userDisplayNameAttributes: { attributes: [{ name: 'username' }] },
      userVerification: { option: 'REQUIRED', enforceDuringAuthentication: true },
    },
  });
  const { data: policy } = await createDeviceAuthenticationPolicy({
    client,
    body: {
      name: 'Customers',
      default: false,
      sms: passcodes,
      voice: { ...passcodes, enabled: false },
      email: passcodes,
      mobile: {
        enabled: false,
        otp: { failure: { count: 3, coolDown: { duration: 2, timeUnit: 'MINUTES' } } },
      },
      totp: { enabled: true, otp: { failure: { count: 3, coolDown: { duration: 2, timeUnit: 'MINUTES' } } } },
      fido2: { enabled: true, fido2PolicyId: fido2.id },
    },
  });
  return policy;
}

export async function activateSms(userId: string, otp: string): Promise<string> {
  const { data: device } = await createUserMfaDevice({
    client,
    path: { userId },
    body: { type: 'SMS', phone: '+14155550123' },
  });
  const { data: active }: { data: MfaDevice } = await activateUserMfaDevice({
    client,
    path: { userId, deviceId: device.id },
    body: { otp },
  });
  const { data: devices } = await listUserMfaDevices({ client, path: { userId } });
  await reorderUserMfaDevices({
    client,
    path: { userId },
    body: {
      order: [{ id: active.id }, ...devices._embedded.devices.filter((each) => each.id !== active.id)],
    },
  });
  const { data: settings } = await getMfaSettings({ client });
  return `${active.status} of ${settings.pairing.maxAllowedDevices}`;
}
