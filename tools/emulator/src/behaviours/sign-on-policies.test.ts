import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';

describe('sign-on policy behaviours', () => {
  let session: EmulatorSession;
  let policies: string;

  beforeAll(async () => {
    session = await startSession();
    policies = `${session.environmentUrl}/signOnPolicies`;
  });
  afterAll(() => session.emulator.close());

  const priorities = async (actions: string) => {
    const listed = await session.call('GET', actions);
    return (listed.body._embedded.actions as Array<{ priority: number; type: string }>).map(
      (action) => `${action.priority}:${action.type}`,
    );
  };

  it('seeds Single_Factor as the default with a LOGIN action', async () => {
    const listed = await session.call('GET', policies);
    const seeded = listed.body._embedded.signOnPolicies as Array<{
      id: string;
      name: string;
      default: boolean;
    }>;
    expect(seeded.filter((policy) => policy.default).map((policy) => policy.name)).toEqual(['Single_Factor']);
    const single = seeded.find((policy) => policy.name === 'Single_Factor');
    expect(await priorities(`${policies}/${single?.id}/actions`)).toEqual(['1:LOGIN']);
  });

  it('moves the default flag and refuses to delete the default', async () => {
    const created = await session.call('POST', policies, { name: 'Step_Up', default: true });
    expect(created.status).toBe(201);
    const listed = await session.call('GET', policies);
    const defaults = (listed.body._embedded.signOnPolicies as Array<{ name: string; default: boolean }>)
      .filter((policy) => policy.default)
      .map((policy) => policy.name);
    expect(defaults).toEqual(['Step_Up']);
    const refused = await session.call('DELETE', created.body._links.self.href);
    expect(refused.status).toBe(400);
    expect(refused.body.details[0]).toMatchObject({ code: 'CONSTRAINT_VIOLATION', target: 'default' });
    const named = await session.call('POST', policies, { name: 'has spaces' });
    expect(named.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'name' });
  });

  it('inserts at a taken priority, keeps gaps after deletes and refuses a type change', async () => {
    const created = await session.call('POST', policies, { name: 'Ordered' });
    const actions = `${created.body._links.self.href}/actions`;
    const login = await session.call('POST', actions, { type: 'LOGIN', priority: 1 });
    expect(login.body.signOnPolicy).toEqual({ id: created.body.id });
    await session.call('POST', actions, {
      type: 'AGREEMENT',
      priority: 2,
      agreement: { id: crypto.randomUUID() },
    });
    await session.call('POST', actions, { type: 'MULTI_FACTOR_AUTHENTICATION', priority: 1 });
    expect(await priorities(actions)).toEqual(['1:MULTI_FACTOR_AUTHENTICATION', '2:LOGIN', '3:AGREEMENT']);

    const moved = await session.call('PUT', login.body._links.self.href, { type: 'LOGIN', priority: 5 });
    expect(moved.body.priority).toBe(5);
    expect(await priorities(actions)).toEqual(['1:MULTI_FACTOR_AUTHENTICATION', '3:AGREEMENT', '5:LOGIN']);

    const retyped = await session.call('PUT', login.body._links.self.href, {
      type: 'IDENTIFIER_FIRST',
      priority: 5,
    });
    expect(retyped.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'type' });

    expect((await session.call('DELETE', login.body._links.self.href)).status).toBe(204);
    expect(await priorities(actions)).toEqual(['1:MULTI_FACTOR_AUTHENTICATION', '3:AGREEMENT']);
  });

  it('caps a policy at 20 actions', async () => {
    const created = await session.call('POST', policies, { name: 'Crowded' });
    const actions = `${created.body._links.self.href}/actions`;
    for (let priority = 1; priority <= 20; priority += 1) {
      expect((await session.call('POST', actions, { type: 'PINGID_AUTHENTICATION', priority })).status).toBe(
        201,
      );
    }
    const refused = await session.call('POST', actions, { type: 'PINGID_AUTHENTICATION', priority: 21 });
    expect(refused.body.details[0]).toMatchObject({ code: 'SIZE_LIMIT_EXCEEDED' });
  });
});
