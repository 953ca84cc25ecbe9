import { BadRequestError, InvalidArgumentError, NotFoundError, paginate } from '@pingone-sdk/core';
import { type EmulatorSession, startEmulatorSession } from '@pingone-sdk/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createVerifyPolicy,
  deleteVerifyPolicy,
  getVerifyPolicy,
  listVerifyPolicies,
  replaceVerifyPolicy,
  type VerifyPolicy,
} from '../src/index.js';

const documentAndSelfie = {
  name: 'Document and selfie',
  description: 'A passport or licence and a live selfie that matches it.',
  governmentId: {
    verify: 'REQUIRED',
    inspectionType: 'STEP_UP',
    failExpiredId: true,
    retry: { attempts: 2 },
  },
  facialComparison: { verify: 'REQUIRED', threshold: 'HIGH' },
  liveness: { verify: 'REQUIRED', threshold: 'MEDIUM' },
  identityRecordMatching: { given_name: { fieldRequired: true, threshold: 'HIGH' } },
  email: {
    verify: 'OPTIONAL',
    createMfaDevice: true,
    otp: {
      attempts: { count: 5 },
      deliveries: { count: 3, cooldown: { duration: 30, timeUnit: 'SECONDS' } },
      lifeTime: { duration: 10, timeUnit: 'MINUTES' },
      notification: { templateName: 'email_phone_verification' },
    },
  },
  transaction: {
    timeout: { duration: 20, timeUnit: 'MINUTES' },
    dataCollection: { timeout: { duration: 10, timeUnit: 'MINUTES' } },
    dataCollectionOnly: false,
  },
} satisfies VerifyPolicy;

describe('verify policies against the emulator', () => {
  let session: EmulatorSession;

  beforeAll(async () => {
    session = await startEmulatorSession();
  }, 60_000);
  afterAll(() => session.close());

  const defaultPolicies = async () => {
    const policies: VerifyPolicy[] = [];
    for await (const policy of paginate(listVerifyPolicies, { client: session.client })) {
      if (policy.default) policies.push(policy);
    }
    return policies;
  };

  it('lists the default policy every environment has', async () => {
    const [builtIn, ...others] = await defaultPolicies();
    expect(others).toEqual([]);
    expect(builtIn?.transaction?.timeout).toEqual({ duration: 30, timeUnit: 'MINUTES' });
  });

  it('creates, reads, replaces and deletes a policy with every kind of check', async () => {
    const { client } = session;
    const { data: created } = await createVerifyPolicy({ client, body: documentAndSelfie });
    expect(created).toMatchObject({ ...documentAndSelfie, default: false });
    const policyId = created.id as string;
    expect((await getVerifyPolicy({ client, path: { verifyPolicyId: policyId } })).data).toEqual(created);

    const { data: replaced } = await replaceVerifyPolicy({
      client,
      path: { verifyPolicyId: policyId },
      body: { name: 'Selfie only', liveness: { verify: 'REQUIRED', threshold: 'HIGH' } },
    });
    expect(replaced.name).toBe('Selfie only');
    // A PUT rewrites the whole policy: the checks it leaves out are gone.
    expect(replaced.governmentId).toBeUndefined();
    expect(replaced.createdAt).toBe(created.createdAt);

    await deleteVerifyPolicy({ client, path: { verifyPolicyId: policyId } });
    await expect(getVerifyPolicy({ client, path: { verifyPolicyId: policyId } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('moves the default to another policy, and keeps the default from being deleted or dropped', async () => {
    const { client } = session;
    const [builtIn] = await defaultPolicies();
    const { data: strict } = await createVerifyPolicy({
      client,
      body: { ...documentAndSelfie, name: 'Strict', default: true },
    });
    expect((await defaultPolicies()).map((policy) => policy.id)).toEqual([strict.id]);

    const deleting = await deleteVerifyPolicy({
      client,
      path: { verifyPolicyId: strict.id as string },
    }).catch((error: unknown) => error);
    expect(deleting).toBeInstanceOf(BadRequestError);
    expect(deleting).toMatchObject({ code: 'INVALID_DATA', details: [{ target: 'default' }] });
    await expect(
      replaceVerifyPolicy({
        client,
        path: { verifyPolicyId: strict.id as string },
        body: { name: 'Strict', default: false },
      }),
    ).rejects.toBeInstanceOf(BadRequestError);

    await replaceVerifyPolicy({
      client,
      path: { verifyPolicyId: builtIn?.id as string },
      body: { ...builtIn, name: 'Default again', default: true },
    });
    expect((await defaultPolicies()).map((policy) => policy.id)).toEqual([builtIn?.id]);
    await deleteVerifyPolicy({ client, path: { verifyPolicyId: strict.id as string } });
  });

  it('answers 400 INVALID_DATA with details for a check PingOne does not know', async () => {
    const refused = await createVerifyPolicy({
      client: session.client,
      body: {
        name: 'Wrong',
        // @ts-expect-error: the type admits only REQUIRED, OPTIONAL and DISABLED; the server is asked anyway.
        liveness: { verify: 'SOMETIMES', threshold: 'HIGH' },
      },
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BadRequestError);
    expect((refused as BadRequestError).code).toBe('INVALID_DATA');
    expect((refused as BadRequestError).details.length).toBeGreaterThan(0);
  });

  it('answers 400 for a transaction timeout beyond 30 minutes', async () => {
    await expect(
      createVerifyPolicy({
        client: session.client,
        body: { name: 'Too long', transaction: { timeout: { duration: 45, timeUnit: 'MINUTES' } } },
      }),
    ).rejects.toMatchObject({ status: 400, code: 'INVALID_DATA' });
  });

  it('refuses a missing policy id before sending anything', async () => {
    const before = session.sent.length;
    const refused = await getVerifyPolicy({
      client: session.client,
      path: { verifyPolicyId: '' },
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidArgumentError);
    expect(String((refused as InvalidArgumentError).message)).toContain('verifyPolicyId');
    expect(session.sent.length).toBe(before);
  });
});
