import { createHmac, randomBytes, randomInt } from 'node:crypto';
import type { Store } from '../state/store.js';
import { recordMessage } from './user-messages.js';

/**
 * Passcodes that activate an MFA device. SMS, voice and email devices get a six-digit code that
 * PingOne "sends" (kept in the outbox, see `user-messages.ts`); TOTP devices share a secret with the
 * authenticator app, which derives the code from the time (RFC 6238: HMAC-SHA1, 30 s steps, 6 digits).
 */

/** Device types PingOne sends a passcode to, which an administrator may also create `ACTIVE`. */
export const messageDeviceTypes: ReadonlySet<unknown> = new Set(['SMS', 'VOICE', 'EMAIL']);
/** Device types activated with a WebAuthn attestation instead of a passcode. */
export const fidoDeviceTypes: ReadonlySet<unknown> = new Set(['FIDO2', 'PLATFORM', 'SECURITY_KEY']);

interface DeviceSecrets {
  otp?: string;
  totpSecret?: string;
  failures?: number;
}

const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** Steps before and after the current one whose code is still accepted (clock drift). */
const totpDriftSteps = 1;

/** Makes a new one-time code for a message-based device and puts the message in the outbox. */
export function sendActivationCode(
  store: Store,
  device: { environmentId: string; userId: string; deviceId: string; key: string },
): void {
  const secrets = store.privateData(device.key) as DeviceSecrets;
  secrets.otp = String(randomInt(100_000, 1_000_000));
  recordMessage(store, {
    environmentId: device.environmentId,
    userId: device.userId,
    deviceId: device.deviceId,
    type: 'DEVICE_ACTIVATION_CODE',
    code: secrets.otp,
  });
}

/** Gives a TOTP device a new shared secret and answers it in base32, as authenticator apps take it. */
export function createTotpSecret(store: Store, deviceKey: string): string {
  const secret = base32Encode(randomBytes(20));
  (store.privateData(deviceKey) as DeviceSecrets).totpSecret = secret;
  return secret;
}

/** Whether `given` is the device's pending code (message devices) or a current TOTP code. */
export function passcodeMatches(store: Store, deviceKey: string, given: string, now = Date.now()): boolean {
  const secrets = store.privateData(deviceKey) as DeviceSecrets;
  if (secrets.otp !== undefined) return given === secrets.otp;
  if (secrets.totpSecret === undefined) return false;
  const step = Math.floor(now / 30_000);
  for (let offset = -totpDriftSteps; offset <= totpDriftSteps; offset++) {
    if (totpCode(secrets.totpSecret, step + offset) === given) return true;
  }
  return false;
}

/** Counts a wrong passcode and answers how many there have been in a row. */
export function countFailure(store: Store, deviceKey: string): number {
  const secrets = store.privateData(deviceKey) as DeviceSecrets;
  secrets.failures = (secrets.failures ?? 0) + 1;
  return secrets.failures;
}

/** Forgets the activation secrets and the failure count (after activation or an unlock). */
export function clearPasscodes(store: Store, deviceKey: string, keep: { totpSecret?: boolean } = {}): void {
  const secrets = store.privateData(deviceKey) as DeviceSecrets;
  delete secrets.otp;
  delete secrets.failures;
  if (!keep.totpSecret) delete secrets.totpSecret;
}

export function resetFailures(store: Store, deviceKey: string): void {
  delete (store.privateData(deviceKey) as DeviceSecrets).failures;
}

/** The RFC 6238 code of a base32 secret at a 30-second step. */
export function totpCode(base32Secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const digest = createHmac('sha1', base32Decode(base32Secret)).update(counter).digest();
  const offset = (digest.at(-1) ?? 0) & 0x0f;
  const value = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 1_000_000).padStart(6, '0');
}

function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let output = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += base32Alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) output += base32Alphabet[(value << (5 - bits)) & 31];
  return output;
}

function base32Decode(text: string): Buffer {
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const character of text.replace(/=+$/, '').toUpperCase()) {
    value = (value << 5) | base32Alphabet.indexOf(character);
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}
