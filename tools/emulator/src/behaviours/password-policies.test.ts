import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';

describe('password policy behaviours', () => {
  let session: EmulatorSession;
  let policies: string;

  beforeAll(async () => {
    session = await startSession();
    policies = `${session.environmentUrl}/passwordPolicies`;
  });
  afterAll(() => session.emulator.close());

  const defaults = async () => {
    const listed = await session.call('GET', policies);
    return (listed.body._embedded.passwordPolicies as Array<{ name: string; default: boolean }>)
      .filter((policy) => policy.default)
      .map((policy) => policy.name);
  };
  const body = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    excludesCommonlyUsed: true,
    excludesProfileData: true,
    notSimilarToCurrent: false,
    ...extra,
  });

  it('seeds Standard (the default), Basic and Passphrase', async () => {
    const listed = await session.call('GET', policies);
    const names = (listed.body._embedded.passwordPolicies as Array<{ name: string }>).map(
      (policy) => policy.name,
    );
    expect(names).toEqual(['Standard', 'Basic', 'Passphrase']);
    expect(await defaults()).toEqual(['Standard']);
  });

  it('keeps exactly one default across create, replace and delete', async () => {
    const created = await session.call('POST', policies, body('Strict', { default: true }));
    expect(created.status).toBe(201);
    expect(await defaults()).toEqual(['Strict']);
    const href = created.body._links.self.href as string;

    const kept = await session.call('PUT', href, body('Strict'));
    expect(kept.body.default).toBe(true);
    const dropped = await session.call('PUT', href, body('Strict', { default: false }));
    expect(dropped.status).toBe(400);
    const refused = await session.call('DELETE', href);
    expect(refused.body.details[0]).toMatchObject({ code: 'CONSTRAINT_VIOLATION', target: 'default' });

    const listed = await session.call('GET', policies);
    const standard = (
      listed.body._embedded.passwordPolicies as Array<{ name: string; _links: { self: { href: string } } }>
    ).find((policy) => policy.name === 'Standard');
    await session.call('PUT', standard?._links.self.href ?? '', body('Standard', { default: true }));
    expect(await defaults()).toEqual(['Standard']);
    expect((await session.call('DELETE', href)).status).toBe(204);
  });

  it('refuses a duplicate name and inverted length bounds', async () => {
    const duplicate = await session.call('POST', policies, body('basic'));
    expect(duplicate.body.details[0]).toMatchObject({ code: 'UNIQUENESS_VIOLATION', target: 'name' });
    const inverted = await session.call('POST', policies, body('Inverted', { length: { min: 20, max: 10 } }));
    expect(inverted.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'length.min' });
  });
});
