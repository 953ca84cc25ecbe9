import { randomInt } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic, requireItem } from './generic.js';
import { defaultVerifyPolicy } from './verify-policies.js';

/** How long a transaction stays open when its policy sets no timeout (PingOne's default, 30 minutes). */
const defaultLifetimeMs = 30 * 60 * 1000;

/** States in which an administrator may still decide a transaction by hand. */
const undecided = new Set(['REQUESTED', 'INITIATED', 'IN_PROGRESS', 'PARTIAL', 'FAIL']);

/**
 * PingOne Verify transactions of a user: created `REQUESTED` with a code, QR and web links under the
 * named verify policy or else the environment's default one, expiring after the policy's transaction
 * timeout (refused while the user's `verifyStatus` is `DISABLED`); an administrator may approve a
 * failed or unfinished one (`APPROVED_MANUALLY` / `APPROVED_NO_REQUEST`), never a finished one.
 */
export const verifyTransactionBehaviours: BehaviourFamily = {
  createUserVerifyTransaction: createTransaction,
  replaceUserVerifyTransaction: approveTransaction,
};

function createTransaction(context: BehaviourContext): Reply {
  const userId = context.pathParameters.userId ?? '';
  const user = context.store.getItem(`/environments/${context.environmentId ?? ''}/users`, userId);
  if (user?.verifyStatus === 'DISABLED') {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'verifyStatus',
        message: 'Identity verification is disabled for this user.',
      },
    ]);
  }
  const {
    sendNotification: _notification,
    requirements: _requirements,
    ...body
  } = isObject(context.body) ? context.body : {};
  const environmentId = context.environmentId ?? '';
  const fallback = defaultVerifyPolicy(context.store, context.services.apiUrl, environmentId);
  const named = isObject(body.verifyPolicy) ? String(body.verifyPolicy.id) : undefined;
  const policyId = named ?? String(fallback?.id);
  // An unknown named policy is left to the spec's `references` check, which answers 400 for it.
  const policy = context.store.getItem(`/environments/${environmentId}/verifyPolicies`, policyId);
  const now = Date.now();
  const code = String(randomInt(100_000, 1_000_000));
  const reply = generic.create(context, {
    ...body,
    verifyPolicy: { id: policyId },
    user: { id: userId },
    transactionStatus: { status: 'REQUESTED' },
    verificationCode: code,
    expiresAt: new Date(now + lifetimeOf(policy)).toISOString(),
  });
  const created = reply.body as Record<string, unknown>;
  const web = `${context.services.authUrl}/${context.environmentId ?? ''}/verify/${String(created.id)}?code=${code}`;
  const withLinks = { ...created, webVerificationUrl: web, qrUrl: `${web}&format=qr` };
  context.store.putItem(context.location.key, String(created.id), withLinks);
  return { ...reply, body: withLinks };
}

/** The policy's `transaction.timeout` in milliseconds. */
function lifetimeOf(policy: Record<string, unknown> | undefined): number {
  const transaction = isObject(policy?.transaction) ? policy.transaction : {};
  const timeout = isObject(transaction.timeout) ? transaction.timeout : {};
  if (typeof timeout.duration !== 'number') return defaultLifetimeMs;
  return timeout.duration * (timeout.timeUnit === 'SECONDS' ? 1000 : 60_000);
}

function approveTransaction(context: BehaviourContext): Reply {
  const existing = requireItem(context);
  const current = isObject(existing.transactionStatus) ? String(existing.transactionStatus.status) : '';
  const requested =
    isObject(context.body) && isObject(context.body.transactionStatus)
      ? context.body.transactionStatus.status
      : isObject(context.body)
        ? context.body.transactionStatus
        : undefined;
  if (requested !== 'APPROVED_MANUALLY' && requested !== 'APPROVED_NO_REQUEST') {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'transactionStatus',
        message: 'An administrator can only approve a transaction.',
      },
    ]);
  }
  if (!undecided.has(current)) {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'transactionStatus',
        message: `The transaction is already ${current}.`,
      },
    ]);
  }
  return generic.update(context, { transactionStatus: { status: requested } });
}
