import { BadRequestError, NotFoundError, paginate } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSignOnPolicy,
  createSignOnPolicyAction,
  deleteSignOnPolicy,
  deleteSignOnPolicyAction,
  getSignOnPolicy,
  getSignOnPolicyAction,
  listSignOnPolicies,
  listSignOnPolicyActions,
  replaceSignOnPolicy,
  replaceSignOnPolicyAction,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

// biome-ignore lint/suspicious/noTemplateCurlyInString: PingOne's flow-variable syntax, not a JavaScript template.
const lastMfa = '${session.lastSignOn.withAuthenticator.mfa.at}';

describe('sign-on policies against the emulator', () => {
  let session: EmulatorSession;
  // A generous hook timeout: starting an emulator compiles the spec, slow on a busy two-core machine.
  beforeAll(async () => {
    session = await startEmulatorSession();
  }, 60_000);
  afterAll(() => session.close());

  const order = async (signOnPolicyId: string) => {
    const entries: string[] = [];
    for await (const action of paginate(listSignOnPolicyActions, {
      client: session.client,
      path: { signOnPolicyId },
    })) {
      entries.push(`${action.priority}:${action.type}`);
    }
    return entries;
  };

  it('seeds Single_Factor as the default policy with one LOGIN action', async () => {
    const policies = [];
    for await (const policy of paginate(listSignOnPolicies, { client: session.client }))
      policies.push(policy);
    const defaults = policies.filter((policy) => policy.default);
    expect(defaults.map((policy) => policy.name)).toEqual(['Single_Factor']);
    expect(await order(defaults[0]?.id ?? '')).toEqual(['1:LOGIN']);
  });

  it('creates, reads, replaces and deletes a policy', async () => {
    const client = session.client;
    const { data: created } = await createSignOnPolicy({
      client,
      body: { name: 'Partners', description: 'For partners' },
    });
    const signOnPolicyId = created.id ?? '';
    expect(created.default).toBe(false);
    expect((await getSignOnPolicy({ client, path: { signOnPolicyId } })).data).toEqual(created);
    const { data: replaced } = await replaceSignOnPolicy({
      client,
      path: { signOnPolicyId },
      body: { name: 'Partners_v2' },
    });
    expect(replaced).toMatchObject({ name: 'Partners_v2', default: false });
    expect(replaced.description).toBeUndefined();
    await expect(createSignOnPolicy({ client, body: { name: 'partners_V2' } })).rejects.toBeInstanceOf(
      BadRequestError,
    );
    await deleteSignOnPolicy({ client, path: { signOnPolicyId } });
    await expect(getSignOnPolicy({ client, path: { signOnPolicyId } })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('moves the default and refuses to delete the default policy', async () => {
    const client = session.client;
    const { data: stepUp } = await createSignOnPolicy({ client, body: { name: 'Step_Up', default: true } });
    const signOnPolicyId = stepUp.id ?? '';
    const { data: page } = await listSignOnPolicies({ client });
    expect(
      page._embedded.signOnPolicies.filter((policy) => policy.default).map((policy) => policy.id),
    ).toEqual([signOnPolicyId]);
    await expect(deleteSignOnPolicy({ client, path: { signOnPolicyId } })).rejects.toBeInstanceOf(
      BadRequestError,
    );
  });

  it('round-trips every kind of action and keeps them in priority order', async () => {
    const client = session.client;
    const { data: policy } = await createSignOnPolicy({ client, body: { name: 'Ordered' } });
    const signOnPolicyId = policy.id ?? '';
    const populationId = crypto.randomUUID();
    const { data: login } = await createSignOnPolicyAction({
      client,
      path: { signOnPolicyId },
      body: {
        type: 'LOGIN',
        priority: 1,
        recovery: { enabled: true },
        registration: { enabled: true, population: { id: populationId } },
        enforceLockoutForIdentityProviders: true,
      },
    });
    expect(login.signOnPolicy?.id).toBe(signOnPolicyId);
    const { data: mfa } = await createSignOnPolicyAction({
      client,
      path: { signOnPolicyId },
      body: {
        type: 'MULTI_FACTOR_AUTHENTICATION',
        priority: 2,
        deviceAuthenticationPolicy: { id: crypto.randomUUID() },
        noDevicesMode: 'BLOCK',
        condition: { secondsSince: lastMfa, greater: 86400 },
      },
    });
    const { data: profiling } = await createSignOnPolicyAction({
      client,
      path: { signOnPolicyId },
      body: {
        type: 'PROGRESSIVE_PROFILING',
        priority: 3,
        attributes: [{ name: 'name.given', required: true }],
        preventMultiplePromptsPerFlow: true,
        promptIntervalSeconds: 7_776_000,
        promptText: 'Tell us more',
      },
    });
    expect(await order(signOnPolicyId)).toEqual([
      '1:LOGIN',
      '2:MULTI_FACTOR_AUTHENTICATION',
      '3:PROGRESSIVE_PROFILING',
    ]);

    // Inserting at a taken priority shifts that action and the later ones down.
    const { data: agreement } = await createSignOnPolicyAction({
      client,
      path: { signOnPolicyId },
      body: {
        type: 'AGREEMENT',
        priority: 2,
        agreement: { id: crypto.randomUUID() },
        disableDeclineOption: true,
      },
    });
    expect(await order(signOnPolicyId)).toEqual([
      '1:LOGIN',
      '2:AGREEMENT',
      '3:MULTI_FACTOR_AUTHENTICATION',
      '4:PROGRESSIVE_PROFILING',
    ]);

    // The union narrows on `type` and the type-specific fields come back as sent.
    const { data: read } = await getSignOnPolicyAction({
      client,
      path: { signOnPolicyId, actionId: mfa.id ?? '' },
    });
    if (read.type !== 'MULTI_FACTOR_AUTHENTICATION') throw new Error(`unexpected ${read.type}`);
    expect(read.noDevicesMode).toBe('BLOCK');
    expect(read.condition).toEqual({
      secondsSince: lastMfa,
      greater: 86400,
    });
    const { data: readLogin } = await getSignOnPolicyAction({
      client,
      path: { signOnPolicyId, actionId: login.id ?? '' },
    });
    if (readLogin.type !== 'LOGIN') throw new Error(`unexpected ${readLogin.type}`);
    expect(readLogin.registration).toEqual({ enabled: true, population: { id: populationId } });
    if (agreement.type !== 'AGREEMENT' || profiling.type !== 'PROGRESSIVE_PROFILING')
      throw new Error('not narrowed');
    expect(agreement.disableDeclineOption).toBe(true);
    expect(profiling.attributes).toEqual([{ name: 'name.given', required: true }]);

    // Replacing may move an action; its type cannot change.
    const { data: moved } = await replaceSignOnPolicyAction({
      client,
      path: { signOnPolicyId, actionId: login.id ?? '' },
      body: { type: 'LOGIN', priority: 4, recovery: { enabled: false } },
    });
    expect(moved.priority).toBe(4);
    expect(await order(signOnPolicyId)).toEqual([
      '2:AGREEMENT',
      '3:MULTI_FACTOR_AUTHENTICATION',
      '4:LOGIN',
      '5:PROGRESSIVE_PROFILING',
    ]);
    await expect(
      replaceSignOnPolicyAction({
        client,
        path: { signOnPolicyId, actionId: login.id ?? '' },
        body: { type: 'IDENTIFIER_FIRST', priority: 4 },
      }),
    ).rejects.toBeInstanceOf(BadRequestError);

    // Deleting leaves the other priorities as they are (the spec's description).
    await deleteSignOnPolicyAction({ client, path: { signOnPolicyId, actionId: agreement.id ?? '' } });
    expect(await order(signOnPolicyId)).toEqual([
      '3:MULTI_FACTOR_AUTHENTICATION',
      '4:LOGIN',
      '5:PROGRESSIVE_PROFILING',
    ]);
    await expect(
      getSignOnPolicyAction({ client, path: { signOnPolicyId, actionId: agreement.id ?? '' } }),
    ).rejects.toBeInstanceOf(NotFoundError);

    // Deleting the policy takes its actions with it.
    await deleteSignOnPolicy({ client, path: { signOnPolicyId } });
    await expect(
      getSignOnPolicyAction({ client, path: { signOnPolicyId, actionId: mfa.id ?? '' } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
