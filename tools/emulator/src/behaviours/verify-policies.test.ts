import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';

const checks = {
  governmentId: { verify: 'REQUIRED' },
  liveness: { verify: 'REQUIRED', threshold: 'MEDIUM' },
};

describe('verify policy behaviours', () => {
  let session: EmulatorSession;
  let policies: string;

  beforeAll(async () => {
    session = await startSession();
    policies = `${session.environmentUrl}/verifyPolicies`;
  });
  afterAll(() => session.emulator.close());

  const defaults = async () =>
    (
      (await session.call('GET', policies)).body._embedded.verifyPolicies as Array<{
        id: string;
        default: boolean;
      }>
    ).filter((policy) => policy.default);

  it('gives every environment exactly one default policy, with a transaction timeout', async () => {
    const listed = await session.call('GET', policies);
    expect(listed.status).toBe(200);
    const [only, ...others] = listed.body._embedded.verifyPolicies;
    expect(others).toEqual([]);
    expect(only.default).toBe(true);
    expect(only.transaction.timeout).toEqual({ duration: 30, timeUnit: 'MINUTES' });
  });

  it('moves the default flag to a policy that takes it, and refuses to drop it', async () => {
    const [builtIn] = await defaults();
    const created = await session.call('POST', policies, { name: 'Strict', ...checks, default: true });
    expect(created.status).toBe(201);
    expect((await defaults()).map((policy) => policy.id)).toEqual([created.body.id]);
    const dropped = await session.call('PUT', `${policies}/${created.body.id}`, {
      name: 'Strict',
      default: false,
    });
    expect(dropped.status).toBe(400);
    expect(dropped.body.details[0].target).toBe('default');
    // Leaving `default` out of a PUT keeps the flag where it is.
    const renamed = await session.call('PUT', `${policies}/${created.body.id}`, { name: 'Stricter' });
    expect(renamed.body.default).toBe(true);
    const back = await session.call('PUT', `${policies}/${builtIn?.id}`, { name: 'Back', default: true });
    expect(back.body.default).toBe(true);
    expect((await defaults()).map((policy) => policy.id)).toEqual([builtIn?.id]);
  });

  it('refuses to delete the default policy and deletes any other', async () => {
    const [current] = await defaults();
    const refused = await session.call('DELETE', `${policies}/${current?.id}`);
    expect(refused.status).toBe(400);
    expect(refused.body.details[0].code).toBe('CONSTRAINT_VIOLATION');
    const other = await session.call('POST', policies, { name: 'Spare', ...checks });
    expect(other.body.default).toBe(false);
    expect((await session.call('DELETE', `${policies}/${other.body.id}`)).status).toBe(204);
    expect((await session.call('GET', `${policies}/${other.body.id}`)).status).toBe(404);
  });

  it('answers 400 for a policy whose checks break the schema', async () => {
    const wrong = await session.call('POST', policies, {
      name: 'Wrong',
      facialComparison: { verify: 'SOMETIMES', threshold: 'HIGH' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('INVALID_DATA');
  });

  it('holds transaction time limits to 30 minutes or 1800 seconds', async () => {
    const limit = (timeout: unknown) =>
      session.call('POST', policies, { name: 'Timed', ...checks, transaction: { timeout } });
    expect((await limit({ duration: 1800, timeUnit: 'SECONDS' })).status).toBe(201);
    expect((await limit({ duration: 30, timeUnit: 'MINUTES' })).status).toBe(201);
    expect((await limit({ duration: 31, timeUnit: 'MINUTES' })).status).toBe(400);
    expect((await limit({ duration: 1801, timeUnit: 'SECONDS' })).status).toBe(400);
    expect((await limit({ duration: 10, timeUnit: 'HOURS' })).status).toBe(400);
  });
});
