/**
 * Creates a verify policy, starts an identity verification of a user with it, prints what the user
 * follows to take part (web link, QR code image, code) and reads the transaction's status back.
 *
 *   pnpm exec tsx start-verify-transaction.ts
 *
 * It runs against a local emulator unless these are set:
 *   PINGONE_ENVIRONMENT_ID   the environment (PingOne Verify must be enabled in it)
 *   PINGONE_CLIENT_ID        a worker application's client id …
 *   PINGONE_CLIENT_SECRET    … and secret
 *   PINGONE_REGION           NA (default), EU, CA, AU, SG or AP
 *   PINGONE_ADMIN_ENVIRONMENT_ID  where the worker application lives (default: PINGONE_ENVIRONMENT_ID)
 *   PINGONE_USER_ID          the user to verify (default: a new user, deleted at the end)
 *   PINGONE_API_URL, PINGONE_AUTH_URL  host overrides, e.g. an emulator started elsewhere
 * The policy it creates is deleted at the end; the transaction stays in the user's history.
 */
import { randomUUID } from 'node:crypto';
import { createUser, deleteUser } from '@pingone-sdk/management';
import {
  createUserVerifyTransaction,
  createVerifyPolicy,
  deleteVerifyPolicy,
  getUserVerifyTransaction,
  type UserVerifyTransactionStatusValue,
} from '@pingone-sdk/verify';
import { isMain, managementClientFor, runOnTenantOrEmulator, type TenantSettings } from './tenant.js';

export interface StartVerifyTransactionSettings extends TenantSettings {
  /** The user to verify. @default a new user, deleted at the end */
  userId?: string;
}

export async function runStartVerifyTransaction(
  settings: StartVerifyTransactionSettings,
): Promise<{ transactionId: string; status: UserVerifyTransactionStatusValue }> {
  const log = settings.log ?? console.log;
  const client = managementClientFor(settings);

  // A passport or licence, a live selfie that matches its photo, and 15 minutes to do it in.
  const { data: policy } = await createVerifyPolicy({
    client,
    body: {
      name: `SDK example ${randomUUID().slice(0, 8)}`,
      description: 'Document and selfie, created by examples/start-verify-transaction.ts.',
      governmentId: { verify: 'REQUIRED', failExpiredId: true },
      facialComparison: { verify: 'REQUIRED', threshold: 'HIGH' },
      liveness: { verify: 'REQUIRED', threshold: 'HIGH' },
      transaction: {
        timeout: { duration: 15, timeUnit: 'MINUTES' },
        dataCollection: { timeout: { duration: 10, timeUnit: 'MINUTES' } },
      },
    },
  });
  const verifyPolicyId = policy.id as string;
  log(`created verify policy "${policy.name}" (${verifyPolicyId})`);

  let userId = settings.userId;
  const ownUser = userId === undefined;
  if (userId === undefined) {
    const username = `verify-example-${randomUUID().slice(0, 8)}`;
    const { data: user } = await createUser({
      client,
      body: { username, email: `${username}@example.com` },
    });
    userId = user.id as string;
    log(`created user ${username}`);
  }

  try {
    const { data: transaction } = await createUserVerifyTransaction({
      client,
      path: { userId },
      body: { verifyPolicy: { id: verifyPolicyId } },
    });
    // What the user follows: the web page (on a phone or a desktop that hands over to one), the QR
    // code that opens it, or the code typed into PingOne's verification app.
    log(`transaction ${transaction.id} is ${transaction.transactionStatus.status}`);
    log(`  open:   ${transaction.webVerificationUrl}`);
    log(`  scan:   ${transaction.qrUrl}`);
    log(`  code:   ${transaction.verificationCode}`);
    log(`  before: ${transaction.expiresAt}`);

    const { data: current } = await getUserVerifyTransaction({
      client,
      path: { userId, transactionId: transaction.id },
    });
    log(`read back: ${current.transactionStatus.status} under policy ${current.verifyPolicy?.id}`);
    return { transactionId: transaction.id, status: current.transactionStatus.status };
  } finally {
    if (ownUser) await deleteUser({ client, path: { userId } });
    await deleteVerifyPolicy({ client, path: { verifyPolicyId } });
    log('cleaned up');
  }
}

if (isMain(import.meta.url)) {
  await runOnTenantOrEmulator('Starting a verify transaction', (tenant, emulator) =>
    runStartVerifyTransaction(emulator ? tenant : { ...tenant, userId: process.env.PINGONE_USER_ID }),
  );
}
