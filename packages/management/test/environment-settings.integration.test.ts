import { BadRequestError, NotFoundError } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAlertChannel,
  createPopulation,
  createRateLimitConfiguration,
  createSnapshot,
  createUser,
  deleteAlertChannel,
  deleteRateLimitConfiguration,
  deleteRecaptchaConfiguration,
  getAdministratorSecurity,
  getFlowPolicy,
  getRateLimitConfiguration,
  getRecaptchaConfiguration,
  getSnapshot,
  getSnapshotVersion,
  listActiveIdentityCounts,
  listActiveIdentityCountsByDateRange,
  listAlertChannels,
  listFlowPolicies,
  listRateLimitConfigurations,
  listSnapshotVersions,
  listTotalIdentities,
  replaceAdministratorSecurity,
  replaceAlertChannel,
  replaceRecaptchaConfiguration,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

/** Ids are read-only, so optional in the types; the emulator always answers them. */
const id = (resource: { id?: string }): string => resource.id ?? '';

describe('environment settings and figures against the emulator', () => {
  let session: EmulatorSession;

  beforeAll(async () => {
    session = await startEmulatorSession();
  }, 60_000);
  afterAll(() => session.close());

  it('creates, lists, replaces and deletes alert channels', async () => {
    const client = session.client;
    const { data: created } = await createAlertChannel({
      client,
      body: {
        alertName: 'Operations',
        channelType: 'EMAIL',
        addresses: ['ops@example.com'],
        includeSeverities: ['ERROR'],
      },
    });
    const path = { alertChannelId: id(created) };
    const { data: replaced } = await replaceAlertChannel({
      client,
      path,
      body: { channelType: 'EMAIL', addresses: ['ops@example.com', 'oncall@example.com'] },
    });
    expect(replaced.addresses).toHaveLength(2);
    expect(replaced.includeSeverities).toBeUndefined();
    const { data: page } = await listAlertChannels({ client });
    expect(page._embedded.alertChannels.map(id)).toEqual([id(created)]);
    await deleteAlertChannel({ client, path });
    const { data: empty } = await listAlertChannels({ client });
    expect(empty._embedded.alertChannels).toEqual([]);
  });

  it('exempts addresses from rate limits and refuses what is not an address', async () => {
    const client = session.client;
    const { data: range } = await createRateLimitConfiguration({
      client,
      body: { type: 'WHITELIST', value: '203.0.113.0/24' },
    });
    const { data: single } = await createRateLimitConfiguration({
      client,
      body: { type: 'WHITELIST', value: '2001:db8::1' },
    });
    await expect(
      createRateLimitConfiguration({ client, body: { type: 'WHITELIST', value: '203.0.113.0/40' } }),
    ).rejects.toMatchObject({ status: 400, details: [{ target: 'value' }] });
    const { data: page } = await listRateLimitConfigurations({ client });
    expect(page._embedded.rateLimitIpConfigs.map((entry) => entry.value).sort()).toEqual([
      '2001:db8::1',
      '203.0.113.0/24',
    ]);
    const path = { rateLimitConfigurationId: id(range) };
    expect((await getRateLimitConfiguration({ client, path })).data.value).toBe('203.0.113.0/24');
    await deleteRateLimitConfiguration({ client, path });
    await expect(getRateLimitConfiguration({ client, path })).rejects.toBeInstanceOf(NotFoundError);
    expect(id(single)).not.toBe('');
  });

  it('sets the reCAPTCHA keys without ever answering the secret, and deletes them', async () => {
    const client = session.client;
    await expect(getRecaptchaConfiguration({ client })).rejects.toBeInstanceOf(NotFoundError);
    const { data: saved } = await replaceRecaptchaConfiguration({
      client,
      body: { siteKey: 'site-key-1', secretKey: 'secret-key-1' },
    });
    expect(saved.siteKey).toBe('site-key-1');
    expect(saved).not.toHaveProperty('secretKey');
    expect((await getRecaptchaConfiguration({ client })).data).not.toHaveProperty('secretKey');
    await deleteRecaptchaConfiguration({ client });
    await expect(getRecaptchaConfiguration({ client })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reads and changes how administrators sign on', async () => {
    const client = session.client;
    const { data: initial } = await getAdministratorSecurity({ client });
    expect(initial).toMatchObject({ authenticationMethod: 'PINGONE', mfaStatus: 'ENFORCE' });
    await expect(
      replaceAdministratorSecurity({
        client,
        body: { authenticationMethod: 'EXTERNAL', mfaStatus: 'ENFORCE', recovery: false },
      }),
    ).rejects.toMatchObject({ status: 400, details: [{ target: 'provider' }] });
    const provider = { id: '2b4d6f80-1a3c-4e5f-8a9b-0c1d2e3f4a5b' };
    const { data: hybrid } = await replaceAdministratorSecurity({
      client,
      body: { authenticationMethod: 'HYBRID', mfaStatus: 'ENFORCE', recovery: true, provider },
    });
    expect(hybrid.provider).toEqual(provider);
    expect((await getAdministratorSecurity({ client })).data.authenticationMethod).toBe('HYBRID');
  });

  it('reads the DaVinci flow policies', async () => {
    const client = session.client;
    const { data: page } = await listFlowPolicies({ client, query: { filter: 'name eq "Sign on"' } });
    const [policy] = page._embedded.flowPolicies;
    expect(policy?.trigger?.type).toBe('AUTHENTICATION');
    const { data: read } = await getFlowPolicy({ client, path: { flowPolicyId: id(policy ?? {}) } });
    expect(read.name).toBe('Sign on');
    await expect(getFlowPolicy({ client, path: { flowPolicyId: 'missing' } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('counts the identities of the environment', async () => {
    const client = session.client;
    const { data: before } = await listTotalIdentities({ client });
    const { data: population } = await createPopulation({ client, body: { name: 'Counted' } });
    await createUser({
      client,
      body: { username: 'counted-1', email: 'counted-1@example.com', population: { id: id(population) } },
    });
    const { data: after } = await listTotalIdentities({ client });
    expect(after.count).toBe((before.count ?? 0) + 1);
    expect(after._embedded.totalIdentities[0]?.totalIdentities).toBe(after.count);

    const start = new Date(
      Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 2, 1),
    ).toISOString();
    const { data: monthly } = await listActiveIdentityCounts({
      client,
      query: { filter: `startDate ge "${start}" and samplingPeriod eq "MONTH"` },
    });
    expect(monthly._embedded.activeIdentityCounts).toHaveLength(3);
    const { data: daily } = await listActiveIdentityCountsByDateRange({
      client,
      query: { filter: `startDate ge "${start}"`, samplePeriod: 'DAY', limit: 5, order: '-startDate' },
    });
    expect(daily._embedded.activeIdentityCounts).toHaveLength(5);
    expect(daily.count).toBeGreaterThan(28);
    await expect(listActiveIdentityCounts({ client })).rejects.toBeInstanceOf(BadRequestError);
  });

  it('captures a population in a snapshot and reads its version', async () => {
    const client = session.client;
    const { data: population } = await createPopulation({
      client,
      body: { name: 'Promoted', description: 'To prod' },
    });
    const { data: snapshot } = await createSnapshot({
      client,
      body: { baseResourceURL: `/populations/${id(population)}` },
    });
    expect(snapshot.status).toBe('COMPLETE');
    expect(JSON.parse(snapshot.configuration ?? '{}')).toMatchObject({
      name: 'Promoted',
      description: 'To prod',
    });
    const snapshotId = id(snapshot);
    expect((await getSnapshot({ client, path: { snapshotId } })).data.resourceUrl).toBe(
      `/populations/${id(population)}`,
    );

    const { data: versions } = await listSnapshotVersions({ client, path: { snapshotId } });
    const [version] = versions._embedded.versions;
    const { data: read } = await getSnapshotVersion({
      client,
      path: { snapshotId, snapshotVersionId: id(version ?? {}) },
      query: { attributes: 'id,status,configuration' },
    });
    expect(read.snapshotId).toBe(snapshotId);
    await expect(
      createSnapshot({
        client,
        body: { baseResourceURL: '/populations/00000000-0000-4000-8000-000000000000' },
      }),
    ).rejects.toMatchObject({ status: 400, details: [{ target: 'baseResourceURL' }] });
  });
});
