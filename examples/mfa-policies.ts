/**
 * Registers an MFA policy (device authentication policy) that uses a FIDO2 policy for passkeys, then
 * gives a user an SMS device and activates it with the passcode PingOne texted them.
 *
 *   pnpm exec tsx mfa-policies.ts
 *
 * It runs against a local emulator, which keeps the texted passcode in its outbox, unless these are set:
 *   PINGONE_ENVIRONMENT_ID   the environment to configure
 *   PINGONE_CLIENT_ID        a worker application's client id …
 *   PINGONE_CLIENT_SECRET    … and secret
 *   PINGONE_REGION           NA (default), EU, CA, AU, SG or AP
 *   PINGONE_ADMIN_ENVIRONMENT_ID  where the worker application lives (default: PINGONE_ENVIRONMENT_ID)
 *   PINGONE_MFA_PHONE        the phone (+ and digits) that receives the passcode, which you type in;
 *                            required with the three above
 *   PINGONE_API_URL, PINGONE_AUTH_URL  host overrides, e.g. an emulator started elsewhere
 * Everything it creates (policies, the example user and device) is deleted at the end.
 */
import { createInterface } from 'node:readline/promises';
import { BadRequestError } from '@pingone-sdk/core';
import { createUser, deleteUser } from '@pingone-sdk/management';
import {
  activateUserMfaDevice,
  createDeviceAuthenticationPolicy,
  createFido2Policy,
  createUserMfaDevice,
  deleteDeviceAuthenticationPolicy,
  deleteFido2Policy,
  type OfflineMethodPolicy,
} from '@pingone-sdk/mfa';
import { isMain, managementClientFor, runOnTenantOrEmulator, type TenantSettings } from './tenant.js';

export interface MfaPoliciesSettings extends TenantSettings {
  /** The phone that receives the activation passcode, in international format. */
  phone: string;
  /** Answers the passcode that was sent for a device (the emulator's outbox, or a person typing it). */
  readPasscode: (deviceId: string) => Promise<string>;
}

/** Passcodes by SMS, voice or email: valid 5 minutes, 3 wrong tries then a 2-minute pause. */
const passcodeMethod = (enabled: boolean): OfflineMethodPolicy => ({
  enabled,
  otp: {
    lifeTime: { duration: 5, timeUnit: 'MINUTES' },
    failure: { count: 3, coolDown: { duration: 2, timeUnit: 'MINUTES' } },
  },
});

export async function runMfaPolicies(settings: MfaPoliciesSettings): Promise<{ deviceStatus: string }> {
  const log = settings.log ?? console.log;
  const client = managementClientFor(settings);

  // A FIDO2 policy for synced passkeys bound to the sign-on domain.
  const { data: passkeys } = await createFido2Policy({
    client,
    body: {
      name: 'SDK example passkeys',
      attestationRequirements: 'NONE',
      authenticatorAttachment: 'BOTH',
      backupEligibility: { allow: true, enforceDuringAuthentication: false },
      deviceDisplayName: 'Passkey',
      discoverableCredentials: 'PREFERRED',
      mdsAuthenticatorsRequirements: { option: 'NONE', enforceDuringAuthentication: false },
      relyingPartyId: 'login.example.com',
      userDisplayNameAttributes: { attributes: [{ name: 'email' }, { name: 'username' }] },
      userVerification: { option: 'REQUIRED', enforceDuringAuthentication: true },
    },
  });
  log(`created FIDO2 policy ${passkeys.name} (${passkeys.id})`);

  // The MFA policy names every passcode method (enabled or not) and uses the FIDO2 policy for passkeys.
  const { data: policy } = await createDeviceAuthenticationPolicy({
    client,
    body: {
      name: 'SDK example MFA',
      default: false,
      authentication: { deviceSelection: 'PROMPT_TO_SELECT' },
      sms: passcodeMethod(true),
      voice: passcodeMethod(false),
      email: passcodeMethod(true),
      mobile: {
        enabled: false,
        otp: { failure: { count: 3, coolDown: { duration: 2, timeUnit: 'MINUTES' } } },
      },
      totp: { enabled: true, otp: { failure: { count: 3, coolDown: { duration: 2, timeUnit: 'MINUTES' } } } },
      fido2: { enabled: true, fido2PolicyId: passkeys.id },
    },
  });
  log(`created MFA policy ${policy.name} (${policy.id}) with FIDO2 policy ${policy.fido2?.fido2PolicyId}`);

  const { data: user } = await createUser({
    client,
    body: { username: `sdk-mfa-example-${Date.now()}`, email: 'mfa-example@example.com' },
  });
  try {
    const { data: device } = await createUserMfaDevice({
      client,
      path: { userId: user.id },
      body: { type: 'SMS', phone: settings.phone, policy: { id: policy.id } },
    });
    log(`added SMS device ${device.id}: ${device.status}`);
    let active = device;
    for (let attempt = 1; active.status !== 'ACTIVE'; attempt++) {
      const otp = await settings.readPasscode(device.id);
      try {
        active = (
          await activateUserMfaDevice({
            client,
            path: { userId: user.id, deviceId: device.id },
            body: { otp },
          })
        ).data;
      } catch (error) {
        // A mistyped passcode is INVALID_OTP; anything else is a real failure.
        const mistyped = error instanceof BadRequestError && error.details?.[0]?.code === 'INVALID_OTP';
        if (!mistyped || attempt === 3) throw error;
        log('that passcode is not right, try again');
      }
    }
    log(`activated the device: ${active.status}`);
    return { deviceStatus: active.status ?? '' };
  } finally {
    await deleteUser({ client, path: { userId: user.id } });
    await deleteDeviceAuthenticationPolicy({ client, path: { deviceAuthenticationPolicyId: policy.id } });
    await deleteFido2Policy({ client, path: { fido2PolicyId: passkeys.id } });
    log('cleaned up the user and both policies');
  }
}

if (isMain(import.meta.url)) {
  await runOnTenantOrEmulator('Configuring MFA', async (tenant, emulator) => {
    if (emulator) {
      return runMfaPolicies({
        ...tenant,
        phone: '+14155550123',
        // No SMS leaves the emulator: it keeps what it would have texted in its outbox.
        readPasscode: async (deviceId) =>
          emulator.sentMessages().findLast((message) => message.deviceId === deviceId)?.code ?? '',
      });
    }
    const phone = process.env.PINGONE_MFA_PHONE;
    if (!phone)
      throw new Error('Set PINGONE_MFA_PHONE (see the comment at the top of examples/mfa-policies.ts)');
    const terminal = createInterface({ input: process.stdin, output: process.stdout });
    try {
      return await runMfaPolicies({
        ...tenant,
        phone,
        readPasscode: async () => (await terminal.question(`passcode texted to ${phone}: `)).trim(),
      });
    } finally {
      terminal.close();
    }
  });
}
