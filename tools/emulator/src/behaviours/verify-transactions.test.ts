import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';

const userId = '8376797d-641c-4e7b-8bc1-2fdf71916cab';
const blockedId = '9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const minutes = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;

describe('verify transaction behaviours', () => {
  let session: EmulatorSession;
  let transactions: string;

  beforeAll(async () => {
    session = await startSession({
      seed: {
        users: [
          { id: userId, username: 'ada', email: 'ada@example.com' },
          { id: blockedId, username: 'bob', email: 'bob@example.com', verifyStatus: 'DISABLED' },
        ],
      },
    });
    transactions = `${session.environmentUrl}/users/${userId}/verifyTransactions`;
  });
  afterAll(() => session.emulator.close());

  it('runs under the default policy when none is named, for its 30 minutes', async () => {
    const policies = await session.call('GET', `${session.environmentUrl}/verifyPolicies`);
    const builtIn = policies.body._embedded.verifyPolicies.find((p: { default: boolean }) => p.default);
    const started = await session.call('POST', transactions, {});
    expect(started.status).toBe(201);
    expect(started.body.verifyPolicy).toEqual({ id: builtIn.id });
    expect(started.body.transactionStatus.status).toBe('REQUESTED');
    expect(minutes(started.body.createdAt, started.body.expiresAt)).toBeCloseTo(30, 1);
    expect(started.body.webVerificationUrl).toContain(started.body.verificationCode);
  });

  it("expires after the named policy's transaction timeout", async () => {
    const policy = await session.call('POST', `${session.environmentUrl}/verifyPolicies`, {
      name: 'Quick',
      governmentId: { verify: 'REQUIRED' },
      transaction: { timeout: { duration: 300, timeUnit: 'SECONDS' } },
    });
    const started = await session.call('POST', transactions, { verifyPolicy: { id: policy.body.id } });
    expect(started.body.verifyPolicy).toEqual({ id: policy.body.id });
    expect(minutes(started.body.createdAt, started.body.expiresAt)).toBeCloseTo(5, 1);
  });

  it('answers 400 naming verifyPolicy.id for a policy that does not exist', async () => {
    const refused = await session.call('POST', transactions, {
      verifyPolicy: { id: '0f7a3c2e-6b1d-4d8e-9a5f-3c2b1a0d9e8f' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'verifyPolicy.id' });
  });

  it("refuses a transaction while the user's verification is disabled", async () => {
    const refused = await session.call(
      'POST',
      `${session.environmentUrl}/users/${blockedId}/verifyTransactions`,
      {},
    );
    expect(refused.status).toBe(400);
    expect(refused.body.details[0].target).toBe('verifyStatus');
  });

  it('lets an administrator approve an unfinished transaction once', async () => {
    const started = await session.call('POST', transactions, {});
    const url = `${transactions}/${started.body.id}`;
    const approved = await session.call('PUT', url, { transactionStatus: { status: 'APPROVED_MANUALLY' } });
    expect(approved.body.transactionStatus.status).toBe('APPROVED_MANUALLY');
    const again = await session.call('PUT', url, { transactionStatus: { status: 'APPROVED_NO_REQUEST' } });
    expect(again.status).toBe(400);
  });

  it('answers 404 for a user the environment does not have', async () => {
    const unknown = `${session.environmentUrl}/users/11111111-1111-4111-8111-111111111111/verifyTransactions`;
    expect((await session.call('GET', unknown)).status).toBe(404);
    expect((await session.call('POST', unknown, {})).status).toBe(404);
  });
});
