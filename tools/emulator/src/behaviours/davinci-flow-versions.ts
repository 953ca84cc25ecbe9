import { isObject } from '@pingone-sdk/openapi';
import { notFound } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { elementsOf } from './davinci-flow-lint.js';
import { versionsKey } from './davinci-flows.js';
import { requireItem } from './generic.js';

/** The flow the URL names; its existence was checked before any behaviour ran. */
function flowOf(context: BehaviourContext): Resource {
  const flowId = context.pathParameters.flowId ?? '';
  return context.store.getItem(`/environments/${context.environmentId ?? ''}/flows`, flowId) ?? {};
}

function connectorsOf(definition: Record<string, unknown>): { id: string }[] {
  const ids = new Set<string>();
  for (const node of elementsOf(definition.graphData).nodes) {
    if (typeof node.connectorId === 'string') ids.add(node.connectorId);
  }
  return [...ids].map((id) => ({ id }));
}

/** Every string anywhere in a value, for spotting the variable names a node's settings mention. */
function stringsIn(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const entry of value) stringsIn(entry, into);
  else if (isObject(value)) for (const entry of Object.values(value)) stringsIn(entry, into);
  return into;
}

/**
 * The variables a version uses: those scoped to its flow, and those whose name a node's settings
 * mention. Without `includeVariableValues` their values are left out.
 */
function variablesOf(
  context: BehaviourContext,
  flowId: string,
  definition: Record<string, unknown>,
  withValues: boolean,
) {
  const mentioned = new Set<string>();
  for (const node of elementsOf(definition.graphData).nodes) stringsIn(node.properties, mentioned);
  const variables = context.store.items(`/environments/${context.environmentId ?? ''}/variables`).values();
  return [...variables]
    .filter(
      (variable) =>
        mentioned.has(String(variable.name)) || (isObject(variable.flow) && variable.flow.id === flowId),
    )
    .map((variable) => {
      if (withValues) return structuredClone(variable);
      const { value, ...rest } = variable;
      return structuredClone(rest);
    });
}

/** What an export may add, from the request body. */
interface ExportOptions {
  includeSubFlows: boolean;
  includeVariableValues: boolean;
}

/** One version's export; with `includeSubFlows`, the deployed (else newest) version of each subflow. */
function exportOf(
  context: BehaviourContext,
  flow: Resource,
  versionNumber: string,
  options: ExportOptions,
  seen: Set<string>,
): Resource | undefined {
  const flowId = String(flow.id);
  const collection = versionsKey(context, flowId);
  const item = context.store.getItem(collection, versionNumber);
  if (!item) return undefined;
  const stored = context.store.privateData(`${collection}/${versionNumber}`).definition;
  const definition = isObject(stored) ? structuredClone(stored) : {};
  const { name, ...rest } = definition;
  const body: Resource = {
    ...rest,
    _links: {
      self: { href: `${context.services.apiUrl}${collection}/${versionNumber}` },
      environment: { href: `${context.services.apiUrl}/environments/${context.environmentId ?? ''}` },
    },
    environment: { id: context.environmentId },
    flow: { id: flowId, name: name ?? flow.name },
    version: item.version,
    connectors: connectorsOf(definition),
    enabled: flow.enabled,
    variables: variablesOf(context, flowId, definition, options.includeVariableValues),
  };
  for (const field of ['alias', 'clonedFrom', 'createdAt', 'deployedAt', 'updatedAt'] as const) {
    if (item[field] !== undefined) body[field] = item[field];
  }
  if (flow.publishedVersion !== undefined) body.publishedVersion = flow.publishedVersion;
  if (options.includeSubFlows) {
    seen.add(flowId);
    const subflows = subflowsOf(context, definition)
      .filter((subflow) => !seen.has(String(subflow.id)))
      .map((subflow) =>
        exportOf(context, subflow, String(subflow.publishedVersion ?? subflow.currentVersion), options, seen),
      )
      .filter((exported): exported is Resource => exported !== undefined);
    body._embedded = subflows;
  }
  return body;
}

/** The flows of the environment that the drawing's Flow Conductor nodes name in their settings. */
function subflowsOf(context: BehaviourContext, definition: Record<string, unknown>): Resource[] {
  const named = new Set<string>();
  for (const node of elementsOf(definition.graphData).nodes) {
    if (node.connectorId === 'flowConnector') stringsIn(node.properties, named);
  }
  const flows = context.store.items(`/environments/${context.environmentId ?? ''}/flows`);
  return [...named].map((id) => flows.get(id)).filter((flow): flow is Resource => flow !== undefined);
}

function exportVersion(context: BehaviourContext): Reply {
  requireItem(context);
  const options = isObject(context.body) ? context.body : {};
  const body = exportOf(
    context,
    flowOf(context),
    context.pathParameters.versionId ?? '',
    {
      includeSubFlows: options.includeSubFlows === true,
      includeVariableValues: options.includeVariableValues === true,
    },
    new Set(),
  );
  return { status: 200, body };
}

function versionDetails(context: BehaviourContext): Reply {
  // The details URL hangs below the version: read the version the `versionId` names.
  const collection = versionsKey(context, context.pathParameters.flowId ?? '');
  const versionId = context.pathParameters.versionId ?? '';
  const item = context.store.getItem(collection, versionId);
  if (!item) return notFoundVersion(versionId);
  const stored = context.store.privateData(`${collection}/${versionId}`).definition;
  const { name, ...definition } = isObject(stored) ? structuredClone(stored) : {};
  const body: Resource = {
    ...definition,
    _links: { self: { href: context.location.href } },
    flow: item.flow,
    version: item.version,
    connectors: connectorsOf(definition),
    skcomponents: [],
  };
  for (const field of ['alias', 'createdAt', 'deployedAt', 'updatedAt'] as const) {
    if (item[field] !== undefined) body[field] = item[field];
  }
  return { status: 200, body };
}

function replaceAlias(context: BehaviourContext): Reply {
  const collection = versionsKey(context, context.pathParameters.flowId ?? '');
  const versionId = context.pathParameters.versionId ?? '';
  const item = context.store.getItem(collection, versionId);
  if (!item) return notFoundVersion(versionId);
  const alias = isObject(context.body) ? String(context.body.alias) : '';
  context.store.putItem(collection, versionId, { ...item, alias, updatedAt: new Date().toISOString() });
  const versionHref = `${context.services.apiUrl}${collection}/${versionId}`;
  return {
    status: 200,
    body: { _links: { self: { href: context.location.href }, flowVersion: { href: versionHref } }, alias },
  };
}

function notFoundVersion(versionId: string): never {
  throw notFound(`Unable to find flow version with ID ${versionId}.`);
}

/** Versions of a DaVinci flow: export answers a version's whole definition, aliases name versions. */
export const davinciFlowVersionBehaviours: BehaviourFamily = {
  exportDaVinciFlowVersion: exportVersion,
  getDaVinciFlowVersionDetails: versionDetails,
  replaceDaVinciFlowVersionAlias: replaceAlias,
};
