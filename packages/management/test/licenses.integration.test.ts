import { type BadRequestError, NotFoundError, paginate } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getEnvironment,
  getLicense,
  getLicenseName,
  listLicenseActiveIdentityCounts,
  listLicenses,
  replaceLicenseName,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

describe('licenses against the emulator', () => {
  let session: EmulatorSession;
  let organizationId: string;
  let licenseId: string;

  beforeAll(async () => {
    session = await startEmulatorSession();
    const { data } = await getEnvironment({ client: session.client, path: {} });
    organizationId = data.organization?.id as string;
    licenseId = data.license.id;
  }, 60_000);
  afterAll(() => session.close());

  // listLicenses declares no `limit` (neither does the reference): one page holds every license.
  it("lists the organization's licenses oldest or newest first", async () => {
    const { client } = session;
    const oldestFirst: string[] = [];
    for await (const license of paginate(listLicenses, { client, path: { organizationId } }))
      oldestFirst.push(license.name);
    expect(oldestFirst).toEqual(['Expired trial', 'Emulator license']);
    const { data } = await listLicenses({ client, path: { organizationId }, query: { order: '-beginsAt' } });
    expect(data._embedded.licenses.map((license) => license.name)).toEqual([
      'Emulator license',
      'Expired trial',
    ]);
    const error = await listLicenses({ client, path: { organizationId }, query: { order: 'name' } }).catch(
      (caught: unknown) => caught,
    );
    expect((error as BadRequestError).details[0]?.target).toBe('order');
  });

  it('filters licenses by status and start date', async () => {
    const { client } = session;
    const { data: active } = await listLicenses({
      client,
      path: { organizationId },
      query: { filter: 'status eq "ACTIVE"' },
    });
    expect(active._embedded.licenses.map((license) => license.id)).toEqual([licenseId]);
    const { data: early } = await listLicenses({
      client,
      path: { organizationId },
      query: { filter: 'beginsAt lt "2023-06-01T00:00:00Z"' },
    });
    expect(early._embedded.licenses.map((license) => license.status)).toEqual(['EXPIRED']);
    const error = await listLicenses({
      client,
      path: { organizationId },
      query: { filter: 'name eq "x"' },
    }).catch((caught: unknown) => caught);
    expect((error as BadRequestError).details[0]?.code).toBe('INVALID_FILTER');
  });

  it('reads a license and renames it', async () => {
    const { client } = session;
    const { data } = await getLicense({ client, path: { organizationId, licenseId } });
    expect(data).toMatchObject({ status: 'ACTIVE', environments: { allowProduction: true } });
    const { data: renamed } = await replaceLicenseName({
      client,
      path: { organizationId, licenseId },
      body: { name: 'Renamed license' },
    });
    expect(renamed.name).toBe('Renamed license');
    expect((await getLicenseName({ client, path: { organizationId, licenseId } })).data.name).toBe(
      'Renamed license',
    );
    expect((await getLicense({ client, path: { organizationId, licenseId } })).data.name).toBe(
      'Renamed license',
    );
    await expect(
      getLicense({ client, path: { organizationId, licenseId: '7d0c9b7e-0000-4000-8000-000000000000' } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('counts active identities per period', async () => {
    const { client } = session;
    const { data } = await listLicenseActiveIdentityCounts({
      client,
      path: { organizationId, licenseId },
      query: { aggregatedBy: 'calendarMonth', order: '-startDate', limit: 3 },
    });
    const counts = data._embedded.activeIdentityCounts;
    expect(counts).toHaveLength(3);
    expect(Date.parse(counts[0]?.startDate ?? '')).toBeGreaterThan(Date.parse(counts[1]?.startDate ?? ''));
    expect(counts.every((count) => typeof count.value === 'number')).toBe(true);
  });
});
