import { BadRequestError, NotFoundError, paginate } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPasswordPolicy,
  deletePasswordPolicy,
  getPasswordPolicy,
  listPasswordPolicies,
  replacePasswordPolicy,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

const rules = {
  excludesCommonlyUsed: true,
  excludesProfileData: true,
  notSimilarToCurrent: true,
  length: { min: 12, max: 64 },
  minCharacters: { ABCDEFGHIJKLMNOPQRSTUVWXYZ: 1, '0123456789': 2, '~!@#$%^&*()-_=+[]{}|;:,.<>/?': 1 },
  history: { count: 4, retentionDays: 180 },
  lockout: { failureCount: 3, durationSeconds: 600 },
};

describe('password policies against the emulator', () => {
  let session: EmulatorSession;
  // A generous hook timeout: starting an emulator compiles the spec, slow on a busy two-core machine.
  beforeAll(async () => {
    session = await startEmulatorSession();
  }, 60_000);
  afterAll(() => session.close());

  const listed = async () => {
    const policies: Array<{ id?: string; name: string; default?: boolean }> = [];
    for await (const policy of paginate(listPasswordPolicies, { client: session.client }))
      policies.push(policy);
    return policies;
  };

  it('lists the seeded policies with Standard as the only default', async () => {
    const policies = await listed();
    expect(policies.map((policy) => policy.name)).toEqual(['Standard', 'Basic', 'Passphrase']);
    expect(policies.filter((policy) => policy.default).map((policy) => policy.name)).toEqual(['Standard']);
    const { data: page } = await listPasswordPolicies({ client: session.client });
    expect(page.count).toBe(3);
  });

  it('creates, reads, replaces and deletes a policy with character-set keys intact', async () => {
    const client = session.client;
    const { data: created } = await createPasswordPolicy({ client, body: { name: 'Partners', ...rules } });
    const passwordPolicyId = created.id ?? '';
    expect(created).toMatchObject({ name: 'Partners', default: false, ...rules });
    expect(created.populationCount).toBe(0);
    expect((await getPasswordPolicy({ client, path: { passwordPolicyId } })).data).toEqual(created);

    const { data: replaced } = await replacePasswordPolicy({
      client,
      path: { passwordPolicyId },
      body: {
        name: 'Partners',
        excludesCommonlyUsed: false,
        excludesProfileData: false,
        notSimilarToCurrent: false,
      },
    });
    expect(replaced.excludesCommonlyUsed).toBe(false);
    expect(replaced.minCharacters).toBeUndefined();
    expect(replaced.createdAt).toBe(created.createdAt);

    await deletePasswordPolicy({ client, path: { passwordPolicyId } });
    await expect(getPasswordPolicy({ client, path: { passwordPolicyId } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('moves the default and refuses to delete the default or reuse a name', async () => {
    const client = session.client;
    const { data: strict } = await createPasswordPolicy({
      client,
      body: { name: 'Strict', default: true, ...rules },
    });
    const passwordPolicyId = strict.id ?? '';
    expect((await listed()).filter((policy) => policy.default).map((policy) => policy.name)).toEqual([
      'Strict',
    ]);

    await expect(deletePasswordPolicy({ client, path: { passwordPolicyId } })).rejects.toMatchObject({
      status: 400,
      details: [expect.objectContaining({ code: 'CONSTRAINT_VIOLATION', target: 'default' })],
    });
    await expect(createPasswordPolicy({ client, body: { name: 'STRICT', ...rules } })).rejects.toBeInstanceOf(
      BadRequestError,
    );

    const standard = (await listed()).find((policy) => policy.name === 'Standard');
    const { data: restored } = await replacePasswordPolicy({
      client,
      path: { passwordPolicyId: standard?.id ?? '' },
      body: { name: 'Standard', default: true, ...rules },
    });
    expect(restored.default).toBe(true);
    expect((await listed()).filter((policy) => policy.default).map((policy) => policy.name)).toEqual([
      'Standard',
    ]);
    await deletePasswordPolicy({ client, path: { passwordPolicyId } });
  });
});
