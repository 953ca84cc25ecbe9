import { isObject } from '@pingone-sdk/openapi';
import { ApiError, invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { requireItem } from './generic.js';
import {
  clearPasscodes,
  countFailure,
  fidoDeviceTypes,
  passcodeMatches,
  resetFailures,
} from './mfa-device-passcodes.js';
import { effectiveMfaSettings } from './mfa-settings.js';

/**
 * The actions on one MFA device (chosen by Content-Type): activation with the right passcode (or, for
 * FIDO devices, an attestation) makes it `ACTIVE`; wrong passcodes answer INVALID_OTP and, at the MFA
 * settings' `lockout.failureCount`, lock it for `lockout.durationSeconds`. Administrators block,
 * unblock and unlock devices.
 */
export const mfaDeviceActionBehaviours: BehaviourFamily = {
  activateUserMfaDevice: activateDevice,
  blockUserMfaDevice: (context) =>
    saveDevice(context, requireItem(context), { block: { status: 'BLOCKED', blockedAt: now() } }),
  unblockUserMfaDevice: (context) =>
    saveDevice(context, requireItem(context), { block: { status: 'UNBLOCKED' } }),
  unlockUserMfaDevice: (context) => {
    resetFailures(context.store, deviceKey(context));
    return saveDevice(context, requireItem(context), { lock: { status: 'UNLOCKED' } });
  },
};

function activateDevice(context: BehaviourContext): Reply {
  const device = requireItem(context);
  if (device.status === 'ACTIVE') {
    throw invalidData([
      { code: 'INVALID_VALUE', target: 'status', message: 'The device is already active.' },
    ]);
  }
  const key = deviceKey(context);
  const body = isObject(context.body) ? context.body : {};
  const lock = isObject(device.lock) ? device.lock : {};
  if (
    lock.status === 'LOCKED' &&
    typeof lock.expiresAt === 'string' &&
    Date.parse(lock.expiresAt) > Date.now()
  ) {
    throw new ApiError(
      400,
      'REQUEST_FAILED',
      'The device is locked after too many wrong passcodes; unlock it or wait.',
    );
  }
  if (fidoDeviceTypes.has(String(device.type))) {
    // The emulator has no authenticator to check an attestation against; it takes any non-empty one.
    if (typeof body.attestation !== 'string' || body.attestation === '') {
      throw invalidData([
        {
          code: 'REQUIRED_VALUE',
          target: 'attestation',
          message: 'A FIDO device is activated with its attestation.',
        },
      ]);
    }
  } else if (typeof body.otp !== 'string' || !passcodeMatches(context.store, key, body.otp)) {
    const failures = countFailure(context.store, key);
    const { failureCount, durationSeconds } = effectiveMfaSettings(
      context.store,
      context.environmentId ?? '',
    ).lockout;
    if (failures >= failureCount) {
      const expiresAt = new Date(Date.now() + durationSeconds * 1000).toISOString();
      saveDevice(context, device, { lock: { status: 'LOCKED', expiresAt } });
    }
    throw invalidData([{ code: 'INVALID_OTP', target: 'otp', message: 'The passcode is not correct.' }]);
  }
  clearPasscodes(context.store, key, { totpSecret: device.type === 'TOTP' });
  const { secret: _secret, keyUri: _keyUri, publicKeyCredentialCreationOptions: _options, ...rest } = device;
  return saveDevice(context, rest, { status: 'ACTIVE', lock: { status: 'UNLOCKED' } });
}

/** Stores the device with `changes` applied (stored resources are replaced, never mutated). */
function saveDevice(context: BehaviourContext, device: Resource, changes: Resource): Reply {
  const updated: Resource = { ...device, ...changes, updatedAt: now() };
  const collectionKey = context.location.collectionKey ?? '';
  context.store.putItem(collectionKey, device.id as string, updated);
  return { status: 200, body: updated };
}

function deviceKey(context: BehaviourContext): string {
  return `${context.location.collectionKey ?? ''}/${context.location.itemId ?? ''}`;
}

function now(): string {
  return new Date().toISOString();
}
