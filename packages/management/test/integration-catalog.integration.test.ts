import { NotFoundError } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  downloadIntegrationVersionAsset,
  getIntegration,
  getIntegrationVersion,
  getIntegrationVersionAttribute,
  listIntegrations,
  listIntegrationVersionAttributes,
  listIntegrationVersions,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

/** Ids are read-only, so optional in the types; the emulator always answers them. */
const id = (resource: { id?: string }): string => resource.id ?? '';

describe('integration catalog against the emulator', () => {
  let session: EmulatorSession;

  beforeAll(async () => {
    session = await startEmulatorSession();
  }, 60_000);
  afterAll(() => session.close());

  it('walks from an integration to its versions, their attributes and the download', async () => {
    const client = session.client;
    const { data: page } = await listIntegrations({ client, query: { filter: 'name sw "Example"' } });
    const [integration] = page._embedded.integrations;
    expect(integration?.pingProductNames).toContain('PINGONE');
    const integrationId = id(integration ?? {});
    const { data: read } = await getIntegration({ client, path: { integrationId } });
    expect(read.name).toBe(integration?.name);

    const { data: versions } = await listIntegrationVersions({ client, path: { integrationId } });
    const kit = versions._embedded.versions.find((version) => version.type === 'PRODUCT_INTEGRATION_KIT');
    const saml = versions._embedded.versions.find((version) => version.type === 'SAML');
    // The union narrows on `type`: only SAML templates have an assertion consumer service.
    if (saml?.type !== 'SAML') throw new Error('expected a SAML template');
    expect(saml.assertionConsumerService).toMatch(/^https:/);

    const versionPath = { integrationId, integrationVersionId: id(kit ?? {}) };
    const { data: version } = await getIntegrationVersion({ client, path: versionPath });
    if (version.type !== 'PRODUCT_INTEGRATION_KIT') throw new Error('expected an integration kit');
    expect(version.releasedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const { data: attributes } = await listIntegrationVersionAttributes({ client, path: versionPath });
    const [attribute] = attributes._embedded.attributes;
    const { data: one } = await getIntegrationVersionAttribute({
      client,
      path: { ...versionPath, integrationVersionAttributeId: id(attribute ?? {}) },
    });
    expect(JSON.parse(one.schema)).toMatchObject({ type: 'string' });

    const { data: asset, response } = await downloadIntegrationVersionAsset({ client, path: versionPath });
    expect(response.headers.get('content-type')).toBe('application/zip');
    const bytes = new Uint8Array(await asset.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x05, 0x06]);
  });

  it('answers 404 for a version that does not exist', async () => {
    const client = session.client;
    const { data: page } = await listIntegrations({ client });
    const integrationId = id(page._embedded.integrations[0] ?? {});
    await expect(
      downloadIntegrationVersionAsset({
        client,
        path: { integrationId, integrationVersionId: '00000000-0000-4000-8000-000000000000' },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
