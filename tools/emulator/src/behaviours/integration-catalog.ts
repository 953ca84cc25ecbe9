import { randomUUID } from 'node:crypto';
import { notFound } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic, newResource } from './generic.js';

/** A small stand-in for Ping's catalog: one integration with a kit and a SAML template. */
const catalogue = {
  integration: {
    name: 'Example CRM connector',
    description: 'Single sign-on and provisioning for Example CRM.',
    publisher: 'Ping Identity',
    pingProductNames: ['PINGONE', 'PINGFEDERATE'],
    tags: ['SSO', 'PROVISIONING'],
    thirdParty: { companyName: 'Example CRM Inc.' },
  },
  versions: [
    {
      type: 'PRODUCT_INTEGRATION_KIT',
      name: 'Example CRM connector 2.1',
      number: '2.1',
      releasedOn: '2025-03-01',
      integratedWith: { name: 'PINGFEDERATE', minVersion: '11.0' },
      attributes: [{ name: 'apiBaseUrl', required: true, schema: '{"type":"string","format":"uri"}' }],
    },
    {
      type: 'SAML',
      name: 'Example CRM SAML',
      number: '1.0',
      assertionConsumerService: 'https://crm.example.com/saml/acs',
      protocolVersion: '2.0',
      attributes: [],
    },
  ],
} as const;

/**
 * The integration catalog is Ping's, read-only and the same in every environment: seeded on first
 * use. A version's asset is a zip archive, answered as bytes.
 */
export const integrationCatalogBehaviours: BehaviourFamily = {
  listIntegrations: (context) => withCatalogue(context, generic.list),
  getIntegration: (context) => withCatalogue(context, generic.read),
  listIntegrationVersions: (context) => withCatalogue(context, generic.list),
  getIntegrationVersion: (context) => withCatalogue(context, generic.read),
  downloadIntegrationVersionAsset: (context) => withCatalogue(context, downloadAsset),
  listIntegrationVersionAttributes: (context) => withCatalogue(context, generic.list),
  getIntegrationVersionAttribute: (context) => withCatalogue(context, generic.read),
};

function withCatalogue(context: BehaviourContext, next: (context: BehaviourContext) => Reply): Reply {
  const key = `/environments/${context.environmentId ?? ''}/integrations`;
  if (context.store.items(key).size === 0) {
    const put = (collection: string, body: Resource): string => {
      const id = randomUUID();
      context.store.putItem(
        collection,
        id,
        newResource(context.services.apiUrl, context.environmentId, collection, id, body),
      );
      return id;
    };
    const integrationId = put(key, catalogue.integration);
    for (const { attributes, ...body } of catalogue.versions) {
      const versionsKey = `${key}/${integrationId}/versions`;
      const versionId = put(versionsKey, { ...body, integration: { id: integrationId } });
      for (const attribute of attributes) {
        put(`${versionsKey}/${versionId}/attributes`, {
          ...attribute,
          integration: { id: integrationId },
          version: { id: versionId },
        });
      }
    }
  }
  return next(context);
}

/** An empty zip archive (just its end-of-central-directory record) named after the version. */
function downloadAsset(context: BehaviourContext): Reply {
  const { integrationId = '', integrationVersionId = '' } = context.pathParameters;
  const versionsKey = `/environments/${context.environmentId ?? ''}/integrations/${integrationId}/versions`;
  const found = context.store.getItem(versionsKey, integrationVersionId);
  if (!found) throw notFound(`Unable to find integration version with ID ${integrationVersionId}.`);
  const archive = new Uint8Array(22);
  archive.set([0x50, 0x4b, 0x05, 0x06]);
  return {
    status: 200,
    body: archive,
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${String(found.number)}.zip"`,
    },
  };
}
