import { isObject } from '@pingone-sdk/openapi';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { ensureConnectorCatalogue } from './davinci-connectors.js';
import { annotate, elementsOf, type LintFinding, lintFlow } from './davinci-flow-lint.js';
import { generic, requireItem } from './generic.js';

/** The fields of a flow that make up a version; everything else on a flow is PingOne's. */
const definitionFields = ['name', 'color', 'graphData', 'inputSchema', 'outputSchema', 'settings', 'trigger'];
/** Fields PingOne keeps on a flow across saves. */
const serverFields = ['enabled', 'currentVersion', 'publishedVersion', 'deployedAt'];

/** The definition part of a flow or request body. */
export function definitionOf(source: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    definitionFields.filter((field) => source[field] !== undefined).map((field) => [field, source[field]]),
  );
}

/** The connectors a drawing's nodes use, once each. */
function connectorsOf(graph: unknown): { id: string }[] {
  const ids = new Set<string>();
  for (const node of elementsOf(graph).nodes)
    if (typeof node.connectorId === 'string') ids.add(node.connectorId);
  return [...ids].map((id) => ({ id }));
}

function flowsKey(context: BehaviourContext): string {
  return `/environments/${context.environmentId ?? ''}/flows`;
}

/** Key of a flow's versions collection. */
export function versionsKey(context: BehaviourContext, flowId: string): string {
  return `${flowsKey(context)}/${flowId}/versions`;
}

/** The links PingOne puts on a flow: its environment, what its nodes use, and its actions. */
function withFlowLinks(context: BehaviourContext, flow: Resource): Resource {
  const { apiUrl } = context.services;
  const environment = `${apiUrl}/environments/${context.environmentId ?? ''}`;
  const self = `${environment}/flows/${String(flow.id)}`;
  const linked: Resource = {
    ...flow,
    _links: {
      self: { href: self },
      environment: { href: environment },
      connectorInstances: { href: `${environment}/connectorInstances` },
      connectors: { href: `${environment}/connectors` },
      'flow.clone': { href: self },
      'flow.deploy': { href: self },
      'flow.validate': { href: self },
      'flow.enabled': { href: `${self}/enabled` },
      version: { href: `${self}/versions/${String(flow.currentVersion)}` },
    },
  };
  context.store.putItem(flowsKey(context), String(flow.id), linked);
  return linked;
}

/** Records `version` of a flow: its metadata as an item, its definition as private data. */
function recordVersion(
  context: BehaviourContext,
  flow: Resource,
  version: number,
  clonedFrom?: number,
): void {
  const collection = versionsKey(context, String(flow.id));
  const now = new Date().toISOString();
  const href = `${context.services.apiUrl}${collection}/${version}`;
  const item: Resource = {
    _links: {
      self: { href },
      environment: { href: `${context.services.apiUrl}/environments/${context.environmentId ?? ''}` },
      details: { href: `${href}/details` },
      'flow.export': { href },
    },
    environment: { id: context.environmentId },
    flow: { id: flow.id, name: flow.name },
    version,
    createdAt: now,
    updatedAt: now,
  };
  if (clonedFrom !== undefined) item.clonedFrom = clonedFrom;
  context.store.putItem(collection, String(version), item);
  context.store.privateData(`${collection}/${version}`).definition = structuredClone(definitionOf(flow));
}

/** Saves a new flow (create or clone) as version 1. */
function saveNewFlow(
  context: BehaviourContext,
  definition: Record<string, unknown>,
  clonedFrom?: number,
): Reply {
  ensureConnectorCatalogue(context);
  const reply = generic.create(context, {
    ...definition,
    connectors: connectorsOf(definition.graphData),
    enabled: true,
    currentVersion: 1,
  });
  const flow = withFlowLinks(context, reply.body as Resource);
  recordVersion(context, flow, 1, clonedFrom);
  return { ...reply, body: flow };
}

function replaceFlow(context: BehaviourContext): Reply {
  const existing = requireItem(context);
  const definition = definitionOf(isObject(context.body) ? context.body : {});
  const kept = Object.fromEntries(
    serverFields.filter((f) => existing[f] !== undefined).map((f) => [f, existing[f]]),
  );
  const version = Number(existing.currentVersion ?? 0) + 1;
  const reply = generic.replace(context, {
    ...definition,
    ...kept,
    connectors: connectorsOf(definition.graphData),
    currentVersion: version,
  });
  const flow = withFlowLinks(context, reply.body as Resource);
  recordVersion(context, flow, version);
  return { ...reply, body: flow };
}

function cloneFlow(context: BehaviourContext): Reply {
  const original = requireItem(context);
  const definition = structuredClone(definitionOf(original));
  definition.name = `${String(original.name)} (copy)`;
  return saveNewFlow(context, definition, Number(original.currentVersion));
}

function deployFlow(context: BehaviourContext): Reply {
  const flow = requireItem(context);
  const deployedAt = new Date().toISOString();
  const version = Number(flow.currentVersion);
  const updated: Resource = { ...flow, publishedVersion: version, deployedAt, updatedAt: deployedAt };
  context.store.putItem(flowsKey(context), String(flow.id), updated);
  const versions = versionsKey(context, String(flow.id));
  const versionItem = context.store.getItem(versions, String(version));
  if (versionItem) context.store.putItem(versions, String(version), { ...versionItem, deployedAt });
  return { status: context.operation.successStatus, body: updated };
}

/** The findings of a drawing against the environment's catalogue and connector instances. */
function findingsFor(context: BehaviourContext, graph: unknown, flowId: string): LintFinding[] {
  ensureConnectorCatalogue(context);
  const environmentKey = `/environments/${context.environmentId ?? ''}`;
  const connectors = new Set(context.store.items(`${environmentKey}/connectors`).keys());
  const instances = new Map<string, string>();
  for (const [id, instance] of context.store.items(`${environmentKey}/connectorInstances`)) {
    instances.set(id, isObject(instance.connector) ? String(instance.connector.id) : '');
  }
  return lintFlow(graph, flowId, { connectors, instances });
}

function validateFlow(context: BehaviourContext): Reply {
  const flow = requireItem(context);
  const body = isObject(context.body) ? context.body : {};
  const graph = body.graphData ?? flow.graphData;
  const findings = findingsFor(context, graph, String(flow.id));
  const count = (type: LintFinding['type']) => findings.filter((finding) => finding.type === type).length;
  return {
    status: 200,
    body: {
      ...flow,
      graphData: annotate(graph, findings),
      dvlinterErrorCount: count('error'),
      dvlinterWarningCount: count('warning'),
    },
  };
}

function updateEnabled(context: BehaviourContext): Reply {
  const flowId = context.pathParameters.flowId ?? '';
  const flow = context.store.getItem(flowsKey(context), flowId) as Resource;
  const enabled = isObject(context.body) && context.body.enabled === true;
  context.store.putItem(flowsKey(context), flowId, { ...flow, enabled, updatedAt: new Date().toISOString() });
  return { status: 200, body: { _links: { self: { href: context.location.href } }, enabled } };
}

/** Keeps the fields `attributes` names, plus those every flow answer carries. */
function project(flow: unknown, attributes: unknown): unknown {
  if (typeof attributes !== 'string' || !isObject(flow)) return flow;
  const wanted = new Set([
    '_links',
    'id',
    'environment',
    ...attributes.split(',').map((name) => name.trim()),
  ]);
  return Object.fromEntries(Object.entries(flow).filter(([field]) => wanted.has(field)));
}

function listFlows(context: BehaviourContext): Reply {
  const reply = generic.list(context);
  const body = reply.body as { _embedded: { flows: unknown[] } };
  body._embedded.flows = body._embedded.flows.map((flow) => project(flow, context.query.attributes));
  return reply;
}

/**
 * DaVinci flows keep every save as a version (create and clone save version 1, replace the next
 * one), deploy records the newest version as the running one, validate answers the drawing's
 * problems without saving, and the `enabled` switch toggles the flow.
 */
export const davinciFlowBehaviours: BehaviourFamily = {
  listDaVinciFlows: listFlows,
  getDaVinciFlow: (context) => ({
    status: 200,
    body: project(requireItem(context), context.query.attributes),
  }),
  createDaVinciFlow: (context) =>
    saveNewFlow(context, definitionOf(isObject(context.body) ? context.body : {})),
  replaceDaVinciFlow: replaceFlow,
  cloneDaVinciFlow: cloneFlow,
  deployDaVinciFlow: deployFlow,
  validateDaVinciFlow: validateFlow,
  updateDaVinciFlowEnabled: updateEnabled,
};
