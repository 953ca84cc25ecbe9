import { randomBytes } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic } from './generic.js';
import {
  createTotpSecret,
  fidoDeviceTypes,
  messageDeviceTypes,
  sendActivationCode,
} from './mfa-device-passcodes.js';
import { effectiveMfaSettings } from './mfa-settings.js';

/**
 * A new MFA device starts `ACTIVATION_REQUIRED`: SMS, voice and email devices get a passcode in the
 * outbox, TOTP devices a shared secret, FIDO devices the WebAuthn options (activation is in
 * `mfa-device-actions.ts`). Administrators may create message devices `ACTIVE`; MOBILE devices pair with
 * a pairing key instead, and the MFA settings cap how many devices a user has.
 */
export const mfaDeviceBehaviours: BehaviourFamily = {
  createUserMfaDevice: createDevice,
};

function createDevice(context: BehaviourContext): Reply {
  const body = isObject(context.body) ? context.body : {};
  const type = String(body.type);
  if (type === 'MOBILE') {
    throw invalidData([
      { code: 'INVALID_VALUE', target: 'type', message: 'A MOBILE device pairs itself with a pairing key.' },
    ]);
  }
  if (body.status === 'ACTIVE' && !messageDeviceTypes.has(type)) {
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
  if (messageDeviceTypes.has(type)) {
    sendActivationCode(context.store, { environmentId, userId, deviceId: device.id as string, key });
    return created;
  }
  const extra: Resource = {};
  if (type === 'TOTP') {
    extra.secret = createTotpSecret(context.store, key);
    extra.keyUri = `otpauth://totp/PingOne:${userId}?secret=${extra.secret}&issuer=PingOne`;
  } else if (fidoDeviceTypes.has(type)) {
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
