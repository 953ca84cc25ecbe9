import { randomInt } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic, requireItem } from './generic.js';

/** How long a verification transaction stays open (PingOne's default is 30 minutes). */
const lifetimeMs = 30 * 60 * 1000;

/** States in which an administrator may still decide a transaction by hand. */
const undecided = new Set(['REQUESTED', 'INITIATED', 'IN_PROGRESS', 'PARTIAL', 'FAIL']);

/**
 * PingOne Verify transactions of a user: created `REQUESTED` with a code, QR and web links (refused
 * while the user's `verifyStatus` is `DISABLED`); an administrator may approve a failed or
 * unfinished one (`APPROVED_MANUALLY` / `APPROVED_NO_REQUEST`), never a finished one.
 */
export const userVerifyTransactionBehaviours: BehaviourFamily = {
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
  const now = Date.now();
  const code = String(randomInt(100_000, 1_000_000));
  const reply = generic.create(context, {
    ...body,
    user: { id: userId },
    transactionStatus: { status: 'REQUESTED' },
    verificationCode: code,
    expiresAt: new Date(now + lifetimeMs).toISOString(),
  });
  const created = reply.body as Record<string, unknown>;
  const web = `${context.services.authUrl}/${context.environmentId ?? ''}/verify/${String(created.id)}?code=${code}`;
  const withLinks = { ...created, webVerificationUrl: web, qrUrl: `${web}&format=qr` };
  context.store.putItem(context.location.key, String(created.id), withLinks);
  return { ...reply, body: withLinks };
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
