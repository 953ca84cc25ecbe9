import { NotFoundError, paginate } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getEnvironment,
  getOrganization,
  getOrganizationCapabilities,
  listOrganizations,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

describe('organizations against the emulator', () => {
  let session: EmulatorSession;
  let organizationId: string;

  beforeAll(async () => {
    session = await startEmulatorSession();
    const { data } = await getEnvironment({ client: session.client, path: {} });
    organizationId = data.organization?.id as string;
  }, 60_000);
  afterAll(() => session.close());

  it('lists and reads the seeded organization that owns the environment', async () => {
    const { client } = session;
    const organizations = [];
    for await (const organization of paginate(listOrganizations, {
      client,
      query: { filter: 'name sw "Emulator"' },
    })) {
      organizations.push(organization);
    }
    expect(organizations.map((organization) => organization.id)).toEqual([organizationId]);
    const { data } = await getOrganization({ client, path: { organizationId } });
    expect(data).toMatchObject({ id: organizationId, name: 'Emulator Organization', type: 'TRIAL' });
    const { data: none } = await listOrganizations({ client, query: { filter: 'name sw "Other"' } });
    expect(none._embedded.organizations).toEqual([]);
  });

  it('reports what the licenses allow', async () => {
    const { data } = await getOrganizationCapabilities({ client: session.client, path: { organizationId } });
    expect(data).toMatchObject({ organizationId, canCreateEnvironment: true, canUsePlatform: true });
    expect(data.assignableLicenses?.map((license) => license.name)).toEqual(['Emulator license']);
  });

  it('answers 404 for an unknown organization', async () => {
    await expect(
      getOrganization({
        client: session.client,
        path: { organizationId: '7d0c9b7e-0000-4000-8000-000000000000' },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
