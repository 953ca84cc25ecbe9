import { randomInt } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource, Store } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { requireItem } from './generic.js';
import { recordMessage } from './user-messages.js';

/** Failed verification attempts before the code stops working and a new one must be sent. */
const maximumAttempts = 5;

interface VerificationSecrets {
  verificationCode?: string;
  verificationAttempts?: number;
}

/**
 * Account verification: a user whose lifecycle is `VERIFICATION_REQUIRED` proves they own their
 * address with the code PingOne sent them (`user.verify`), or asks for a new one
 * (`user.sendVerificationCode`). Verified users become `ACCOUNT_OK`.
 */
export const userVerificationBehaviours: BehaviourFamily = {
  verifyUser: verifyUser,
  resendUserVerificationCode: resendCode,
};

/** Issues a fresh verification code for the user and "sends" it (see `user-messages.ts`). */
export function issueVerificationCode(store: Store, environmentId: string, userId: string): void {
  const secrets = store.privateData(`/environments/${environmentId}/users/${userId}`) as VerificationSecrets;
  secrets.verificationCode = String(randomInt(100_000, 1_000_000));
  secrets.verificationAttempts = 0;
  recordMessage(store, { environmentId, userId, type: 'VERIFICATION_CODE', code: secrets.verificationCode });
}

/**
 * Checks `given` against the user's pending verification code and, when it matches, marks the user
 * verified (`ACCOUNT_OK`) and returns them; a wrong or spent code throws `INVALID_DATA`. Shared by the
 * management action and the sign-on flow's `user.verify`.
 */
export function redeemVerificationCode(
  store: Store,
  environmentId: string,
  existing: Resource,
  given: unknown,
): Resource {
  const key = `/environments/${environmentId}/users/${existing.id as string}`;
  const secrets = store.privateData(key) as VerificationSecrets;
  if (secrets.verificationCode === undefined || (secrets.verificationAttempts ?? 0) >= maximumAttempts) {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'verificationCode',
        message: 'The verification code has expired; send a new one.',
      },
    ]);
  }
  if (given !== secrets.verificationCode) {
    secrets.verificationAttempts = (secrets.verificationAttempts ?? 0) + 1;
    throw invalidData([
      { code: 'INVALID_VALUE', target: 'verificationCode', message: 'The verification code is not correct.' },
    ]);
  }
  delete secrets.verificationCode;
  delete secrets.verificationAttempts;
  const verified: Resource = {
    ...existing,
    lifecycle: { ...(isObject(existing.lifecycle) ? existing.lifecycle : {}), status: 'ACCOUNT_OK' },
    ...(typeof existing.email === 'string' ? { emailVerified: true } : {}),
    updatedAt: new Date().toISOString(),
  };
  store.putItem(`/environments/${environmentId}/users`, existing.id as string, verified);
  return verified;
}

function verifyUser(context: BehaviourContext): Reply {
  const existing = requireVerificationPending(context);
  const given = isObject(context.body) ? context.body.verificationCode : undefined;
  return {
    status: 200,
    body: redeemVerificationCode(context.store, context.environmentId ?? '', existing, given),
  };
}

function resendCode(context: BehaviourContext): Reply {
  const existing = requireVerificationPending(context);
  issueVerificationCode(context.store, context.environmentId ?? '', existing.id as string);
  return { status: 200, body: existing };
}

function requireVerificationPending(context: BehaviourContext): Resource {
  const existing = requireItem(context);
  if (!isObject(existing.lifecycle) || existing.lifecycle.status !== 'VERIFICATION_REQUIRED') {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'lifecycle.status',
        message: 'The user does not need to be verified.',
      },
    ]);
  }
  return existing;
}
