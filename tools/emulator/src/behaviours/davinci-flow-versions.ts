import { isObject } from '@pingone-sdk/openapi';
import { notFound } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { elementsOf } from './davinci-flow-lint.js';
import { versionsKey } from './davinci-flows.js';
import { requireItem } from './generic.js';

/** The version item the URL names (404 when the flow or version does not exist) and its definition. */
function versionOf(context: BehaviourContext): { item: Resource; definition: Record<string, unknown> } {
  const item = requireItem(context);
  const key = `${versionsKey(context, context.pathParameters.flowId ?? '')}/${String(item.version)}`;
  const stored = context.store.privateData(key).definition;
  return { item, definition: isObject(stored) ? structuredClone(stored) : {} };
}

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
function variablesOf(context: BehaviourContext, definition: Record<string, unknown>, withValues: boolean) {
  const flowId = context.pathParameters.flowId;
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

function exportVersion(context: BehaviourContext): Reply {
  const { item, definition } = versionOf(context);
  const flow = flowOf(context);
  const options = isObject(context.body) ? context.body : {};
  const { name, ...rest } = definition;
  const body: Resource = {
    ...rest,
    _links: { self: { href: context.location.href } },
    environment: { id: context.environmentId },
    flow: { id: flow.id, name: name ?? flow.name },
    version: item.version,
    connectors: connectorsOf(definition),
    enabled: flow.enabled,
    variables: variablesOf(context, definition, options.includeVariableValues === true),
  };
  for (const field of ['alias', 'clonedFrom', 'createdAt', 'deployedAt', 'updatedAt'] as const) {
    if (item[field] !== undefined) body[field] = item[field];
  }
  if (flow.publishedVersion !== undefined) body.publishedVersion = flow.publishedVersion;
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
