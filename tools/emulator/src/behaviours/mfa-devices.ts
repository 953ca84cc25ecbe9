import { randomBytes } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { ApiError, invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic, requireItem } from './generic.js';
import {
  clearPasscodes,
  countFailure,
  createTotpSecret,
  passcodeMatches,
  resetFailures,
  sendActivationCode,
} from './mfa-device-passcodes.js';
import { effectiveMfaSettings } from './mfa-settings.js';

/** Device types PingOne sends a passcode to, which an administrator may also create `ACTIVE`. */
const messageTypes = new Set(['SMS', 'VOICE', 'EMAIL']);
const fidoTypes = new Set(['FIDO2', 'PLATFORM', 'SECURITY_KEY']);

/**
 * A user's MFA devices move through activation: created `ACTIVATION_REQUIRED` (SMS, voice and email
 * get a passcode in the outbox, TOTP a shared secret, FIDO the WebAuthn options), then `ACTIVE` with
 * the right passcode. Wrong passcodes answer INVALID_OTP and, at the MFA settings' `lockout.failureCount`,
 * lock the device for `lockout.durationSeconds`. Administrators block, unblock and unlock devices.
 */
export const mfaDeviceBehaviours: BehaviourFamily = {
  createUserMfaDevice: createDevice,
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

function createDevice(context: BehaviourContext): Reply {
  const body = isObject(context.body) ? context.body : {};
  const type = String(body.type);
  if (type === 'MOBILE') {
    throw invalidData([
      { code: 'INVALID_VALUE', target: 'type', message: 'A MOBILE device pairs itself with a pairing key.' },
    ]);
  }
  if (body.status === 'ACTIVE' && !messageTypes.has(type)) {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'status',
        message: `A ${type} device must be activated by its user; only SMS, VOICE and EMAIL devices may be created ACTIVE.`,
      },
    ]);
  }
  const environmentId = context.environmentId ?? '';
  const userId = context.pathParameters.userId ?? '';
  const { maxAllowedDevices } = effectiveMfaSettings(context.store, environmentId).pairing;
  if (context.store.items(context.location.key).size >= maxAllowedDevices) {
    throw invalidData([
      {
        code: 'SIZE_LIMIT_EXCEEDED',
        target: 'devices',
        message: `A user may have at most ${maxAllowedDevices} MFA devices (MFA settings, pairing.maxAllowedDevices).`,
      },
    ]);
  }
  const status = body.status === 'ACTIVE' ? 'ACTIVE' : 'ACTIVATION_REQUIRED';
  const created = generic.create(context, { ...body, user: { id: userId }, status });
  const device = created.body as Resource;
  const key = `${context.location.key}/${device.id as string}`;
  if (status === 'ACTIVE') return created;
  if (messageTypes.has(type)) {
    sendActivationCode(context.store, { environmentId, userId, deviceId: device.id as string, key });
    return created;
  }
  const extra: Resource = {};
  if (type === 'TOTP') {
    extra.secret = createTotpSecret(context.store, key);
    extra.keyUri = `otpauth://totp/PingOne:${userId}?secret=${extra.secret}&issuer=PingOne`;
  } else if (fidoTypes.has(type)) {
    const relyingParty = isObject(body.rp) ? body.rp : { id: new URL(context.services.apiUrl).hostname };
    extra.publicKeyCredentialCreationOptions = JSON.stringify({
      rp: relyingParty,
      user: { id: Buffer.from(userId).toString('base64url'), name: userId },
      challenge: randomBytes(32).toString('base64url'),
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
    });
  }
  const stored = { ...device, ...extra };
  context.store.putItem(context.location.key, device.id as string, stored);
  return { status: created.status, body: stored };
}

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
  if (fidoTypes.has(String(device.type))) {
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
