import { isObject } from '@pingone-sdk/openapi';
import { invalidData, notFound } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource, Store } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic, newResource, requireItem } from './generic.js';

/** One connector of the catalogue: presentation, and the capabilities and settings its details answer. */
interface CatalogueEntry {
  id: string;
  name: string;
  type: 'core' | 'ping' | 'service';
  capabilities: readonly string[];
  properties: readonly string[];
}

/**
 * A small part of DaVinci's connector catalogue: the building blocks the examples and tests draw
 * flows from. Ids are DaVinci's own; capabilities and settings are a representative subset.
 */
const catalogue: readonly CatalogueEntry[] = [
  {
    id: 'httpConnector',
    name: 'Http',
    type: 'core',
    capabilities: ['makeRestApiCall', 'customHtmlMessage', 'createSuccessResponse', 'createErrorResponse'],
    properties: ['baseUrl', 'connectionTimeout'],
  },
  {
    id: 'variablesConnector',
    name: 'Variables',
    type: 'core',
    capabilities: ['saveValue', 'saveFlowValue'],
    properties: [],
  },
  {
    id: 'errorConnector',
    name: 'Error Message',
    type: 'core',
    capabilities: ['customErrorMessage'],
    properties: [],
  },
  {
    id: 'flowConnector',
    name: 'Flow Conductor',
    type: 'core',
    capabilities: ['startUiSubFlow'],
    properties: [],
  },
  { id: 'functionsConnector', name: 'Functions', type: 'core', capabilities: ['AEqualsB'], properties: [] },
  {
    id: 'pingOneSSOConnector',
    name: 'PingOne',
    type: 'ping',
    capabilities: ['createUser', 'findUser', 'checkPassword'],
    properties: ['envId', 'clientId', 'clientSecret', 'region'],
  },
  {
    id: 'pingOneMfaConnector',
    name: 'PingOne MFA',
    type: 'ping',
    capabilities: ['createDevice', 'checkOtp'],
    properties: ['envId', 'clientId', 'clientSecret', 'policyId', 'region'],
  },
];

const seededFlag = 'davinciConnectorsSeeded';

/**
 * Puts the catalogue into the environment's `connectors` collection the first time DaVinci is used
 * there, so that reads, lists and the spec's `connector.id` reference check see it.
 */
export function ensureConnectorCatalogue(context: BehaviourContext): void {
  const { store, environmentId } = context;
  if (environmentId === undefined) return;
  const environmentKey = `/environments/${environmentId}`;
  const marker = store.privateData(environmentKey);
  if (marker[seededFlag] === true) return;
  marker[seededFlag] = true;
  const connectors = `${environmentKey}/connectors`;
  for (const entry of catalogue) {
    store.putItem(
      connectors,
      entry.id,
      newResource(context.services.apiUrl, environmentId, connectors, entry.id, {
        name: entry.name,
        version: '1.0.0',
        metadata: { type: entry.type, vendor: entry.type === 'service' ? entry.name : 'Ping Identity' },
      }),
    );
  }
}

/** The catalogue's connector of that id in the environment, if there is one. */
export function findConnector(
  store: Store,
  environmentId: string,
  connectorId: string,
): Resource | undefined {
  return store.getItem(`/environments/${environmentId}/connectors`, connectorId);
}

function connectorDetails(context: BehaviourContext): Reply {
  ensureConnectorCatalogue(context);
  const connectorId = context.pathParameters.connectorId ?? '';
  const entry = catalogue.find((candidate) => candidate.id === connectorId);
  if (!entry) throw notFound(`Unable to find connector with ID ${connectorId}.`);
  return {
    status: 200,
    body: {
      _links: { self: { href: context.location.href } },
      environment: { id: context.environmentId },
      capabilities: Object.fromEntries(entry.capabilities.map((name) => [name, { title: name }])),
      properties: Object.fromEntries(entry.properties.map((name) => [name, { type: 'string' }])),
      sections: [{ name: 'General', value: 'general', default: true }],
    },
  };
}

/** Presentation of the instance's connector, copied onto the instance as PingOne does. */
function withMetadata(context: BehaviourContext, body: Record<string, unknown>): Record<string, unknown> {
  const connectorId = isObject(body.connector) ? String(body.connector.id) : '';
  const connector = findConnector(context.store, context.environmentId ?? '', connectorId);
  const metadata = isObject(connector?.metadata) ? { ...connector.metadata } : undefined;
  return metadata ? { ...body, metadata } : body;
}

/** The links PingOne puts on a connector instance: its environment and its clone action. */
function withInstanceLinks(context: BehaviourContext, reply: Reply): Reply {
  const instance = reply.body as Resource;
  const environment = `${context.services.apiUrl}/environments/${context.environmentId ?? ''}`;
  const self = `${environment}/connectorInstances/${String(instance.id)}`;
  const linked: Resource = {
    ...instance,
    _links: {
      self: { href: self },
      environment: { href: environment },
      'connectorInstance.clone': { href: self },
    },
  };
  context.store.putItem(
    `/environments/${context.environmentId ?? ''}/connectorInstances`,
    String(instance.id),
    linked,
  );
  return { ...reply, body: linked };
}

function createInstance(context: BehaviourContext): Reply {
  ensureConnectorCatalogue(context);
  const body = withMetadata(context, isObject(context.body) ? context.body : {});
  return withInstanceLinks(context, generic.create(context, body));
}

function replaceInstance(context: BehaviourContext): Reply {
  ensureConnectorCatalogue(context);
  const existing = requireItem(context);
  const body = isObject(context.body) ? context.body : {};
  const before = isObject(existing.connector) ? existing.connector.id : undefined;
  const after = isObject(body.connector) ? body.connector.id : undefined;
  if (before !== after) {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'connector.id',
        message: `A connector instance keeps its connector (${String(before)}); create another instance instead.`,
      },
    ]);
  }
  return withInstanceLinks(context, generic.replace(context, withMetadata(context, body)));
}

function cloneInstance(context: BehaviourContext): Reply {
  const original = requireItem(context);
  const { _links, id, createdAt, updatedAt, environment, ...definition } = original;
  const copy = { ...structuredClone(definition), name: `${String(original.name)} (copy)` };
  return withInstanceLinks(context, generic.create(context, copy));
}

/** DaVinci's connector catalogue, and connector instances that keep their connector. */
export const davinciConnectorBehaviours: BehaviourFamily = {
  listConnectors: (context) => {
    ensureConnectorCatalogue(context);
    return generic.list(context);
  },
  getConnector: (context) => {
    ensureConnectorCatalogue(context);
    return generic.read(context);
  },
  getConnectorDetails: connectorDetails,
  listConnectorInstances: generic.list,
  createConnectorInstance: createInstance,
  replaceConnectorInstance: replaceInstance,
  cloneConnectorInstance: cloneInstance,
};
