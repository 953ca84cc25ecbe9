import { BadRequestError, InvalidArgumentError, NotFoundError } from '@pingone-sdk/core';
import { getUserVerifyStatus, replaceUserVerifyStatus } from '@pingone-sdk/management';
import { type EmulatorSession, startEmulatorSession } from '@pingone-sdk/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUserVerifyTransaction,
  createVerifyPolicy,
  deleteUserVerifyTransaction,
  getUserVerifyTransaction,
  listUserVerifyTransactions,
  listVerifyPolicies,
  replaceUserVerifyTransaction,
} from '../src/index.js';

const userId = '8376797d-641c-4e7b-8bc1-2fdf71916cab';
const minutesBetween = (from?: string, to?: string) =>
  (Date.parse(to ?? '') - Date.parse(from ?? '')) / 60_000;

describe('verify transactions against the emulator', () => {
  let session: EmulatorSession;

  beforeAll(async () => {
    session = await startEmulatorSession({
      seed: { users: [{ id: userId, username: 'ada', email: 'ada@example.com' }] },
    });
  }, 60_000);
  afterAll(() => session.close());

  it('creates, approves and deletes verify transactions', async () => {
    const { client } = session;
    const { data: transaction } = await createUserVerifyTransaction({ client, path: { userId }, body: {} });
    expect(transaction.transactionStatus.status).toBe('REQUESTED');
    expect(transaction.webVerificationUrl).toBeDefined();
    const transactionId = transaction.id;
    const { data: approved } = await replaceUserVerifyTransaction({
      client,
      path: { userId, transactionId },
      body: { transactionStatus: { status: 'APPROVED_MANUALLY' } },
    });
    expect(approved.transactionStatus.status).toBe('APPROVED_MANUALLY');
    expect(
      (await getUserVerifyTransaction({ client, path: { userId, transactionId } })).data.transactionStatus
        .status,
    ).toBe('APPROVED_MANUALLY');
    await expect(
      replaceUserVerifyTransaction({
        client,
        path: { userId, transactionId },
        body: { transactionStatus: { status: 'APPROVED_NO_REQUEST' } },
      }),
    ).rejects.toBeInstanceOf(BadRequestError);
    const listed = (await listUserVerifyTransactions({ client, path: { userId } })).data;
    expect(listed._embedded.verifyTransactions.map((each) => each.id)).toContain(transactionId);
    await deleteUserVerifyTransaction({ client, path: { userId, transactionId } });
    await expect(
      getUserVerifyTransaction({ client, path: { userId, transactionId } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("runs under the environment's default policy unless one is named, until its timeout", async () => {
    const { client } = session;
    const policies = (await listVerifyPolicies({ client })).data._embedded.verifyPolicies;
    const builtIn = policies.find((policy) => policy.default);
    const { data: plain } = await createUserVerifyTransaction({ client, path: { userId } });
    expect(plain.verifyPolicy?.id).toBe(builtIn?.id);
    expect(minutesBetween(plain.createdAt, plain.expiresAt)).toBeCloseTo(30, 1);

    const { data: quick } = await createVerifyPolicy({
      client,
      body: {
        name: 'Quick check',
        liveness: { verify: 'REQUIRED', threshold: 'LOW' },
        transaction: { timeout: { duration: 600, timeUnit: 'SECONDS' } },
      },
    });
    const { data: named } = await createUserVerifyTransaction({
      client,
      path: { userId },
      body: { verifyPolicy: { id: quick.id as string }, sendNotification: { email: 'ada@example.com' } },
    });
    expect(named.verifyPolicy?.id).toBe(quick.id);
    expect(minutesBetween(named.createdAt, named.expiresAt)).toBeCloseTo(10, 1);
  });

  it('answers 400 naming verifyPolicy.id for a policy that does not exist', async () => {
    const refused = await createUserVerifyTransaction({
      client: session.client,
      path: { userId },
      body: { verifyPolicy: { id: '0f7a3c2e-6b1d-4d8e-9a5f-3c2b1a0d9e8f' } },
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BadRequestError);
    expect(refused).toMatchObject({
      code: 'INVALID_DATA',
      details: [{ code: 'INVALID_VALUE', target: 'verifyPolicy.id' }],
    });
  });

  it("refuses a transaction while the user's verifyStatus (kept in management) is DISABLED", async () => {
    const { client } = session;
    await replaceUserVerifyStatus({ client, path: { userId }, body: { verifyStatus: 'DISABLED' } });
    expect((await getUserVerifyStatus({ client, path: { userId } })).data.verifyStatus).toBe('DISABLED');
    await expect(createUserVerifyTransaction({ client, path: { userId } })).rejects.toMatchObject({
      status: 400,
      details: [{ target: 'verifyStatus' }],
    });
    await replaceUserVerifyStatus({ client, path: { userId }, body: { verifyStatus: 'ENABLED' } });
  });

  it('answers 404 for an unknown user and refuses a missing user id before sending', async () => {
    const { client } = session;
    await expect(
      listUserVerifyTransactions({ client, path: { userId: '11111111-1111-4111-8111-111111111111' } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const before = session.sent.length;
    await expect(createUserVerifyTransaction({ client, path: { userId: '' } })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    expect(session.sent.length).toBe(before);
  });
});
