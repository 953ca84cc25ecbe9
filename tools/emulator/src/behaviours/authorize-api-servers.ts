import { randomUUID } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import type { Resource, Store } from '../state/store.js';
import type { DeployedServer } from './authorize-decision-model.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic, newResource, requireItem } from './generic.js';

/**
 * API servers and their deployment. PingOne generates a policy per API server and per operation
 * (`policy.id`, kept across replaces). Deploying puts the server's current base URLs and operations into
 * effect: decisions read that copy, so later edits change nothing until the next deployment. The first
 * deployment creates the server's own decision endpoint (`owned`), which deleting the server removes.
 * Before any deployment the status is DEPLOYMENT_UNINITIALIZED; a deployment here finishes at once.
 */
export const authorizeApiServerBehaviours: BehaviourFamily = {
  createApiServer: (context) => generic.create(context, { ...body(context), policy: { id: randomUUID() } }),
  replaceApiServer: (context) =>
    generic.replace(context, { ...body(context), policy: requireItem(context).policy }),
  deleteApiServer: (context) => {
    const endpointId = deployedCopy(context.store, context.location.key)?.decisionEndpointId;
    const reply = generic.delete(context);
    if (endpointId) context.store.deleteItem(decisionEndpoints(context), endpointId);
    return reply;
  },
  createApiServerOperation: (context) =>
    generic.create(context, { ...body(context), policy: { id: randomUUID() } }),
  replaceApiServerOperation: (context) =>
    generic.replace(context, { ...body(context), policy: requireItem(context).policy }),
  getApiServerDeployment: (context) => ({
    status: context.operation.successStatus,
    body: context.store.getSingleton(context.location.key) ?? {
      _links: { self: { href: context.location.href } },
      status: { code: 'DEPLOYMENT_UNINITIALIZED' },
    },
  }),
  deployApiServer: (context) => {
    const serverKey = context.location.key.slice(0, -'/deployment'.length);
    const [collectionKey, serverId] = [
      serverKey.slice(0, serverKey.lastIndexOf('/')),
      serverKey.split('/').at(-1) ?? '',
    ];
    const server = context.store.getItem(collectionKey, serverId) as Resource;
    const previous = deployedCopy(context.store, serverKey);
    const endpointId = ownEndpoint(context, server, previous?.decisionEndpointId);
    const copy: DeployedCopy = {
      id: serverId,
      baseUrls: Array.isArray(server.baseUrls) ? server.baseUrls.map(String) : [],
      operations: [
        ...context.store.items(`${serverKey}/operations`).values(),
      ] as unknown as DeployedServer['operations'],
      decisionEndpointId: endpointId,
      authorizationVersionId: randomUUID(),
    };
    context.store.privateData(serverKey).deployed = copy;
    const deployment: Resource = {
      _links: { self: { href: context.location.href } },
      accessControl: server.accessControl ?? { custom: { enabled: false } },
      authorizationVersion: { id: copy.authorizationVersionId },
      decisionEndpoint: { id: endpointId },
      policy: server.policy,
      deployedAt: new Date().toISOString(),
      status: { code: 'DEPLOYMENT_SUCCESSFUL' },
    };
    context.store.setSingleton(context.location.key, deployment);
    return { status: context.operation.successStatus, body: deployment };
  },
};

/** What a deployment put into effect. */
export interface DeployedCopy extends DeployedServer {
  decisionEndpointId: string;
  authorizationVersionId: string;
}

/** Every deployed API server of the environment, as deployed. */
export function deployedServers(store: Store, environmentId: string): DeployedCopy[] {
  const servers = `/environments/${environmentId}/apiServers`;
  return [...store.items(servers).keys()]
    .map((id) => deployedCopy(store, `${servers}/${id}`))
    .filter((copy): copy is DeployedCopy => copy !== undefined);
}

function deployedCopy(store: Store, serverKey: string): DeployedCopy | undefined {
  return store.privateData(serverKey).deployed as DeployedCopy | undefined;
}

/** The server's own decision endpoint: the one made by an earlier deployment, or a new one. */
function ownEndpoint(context: BehaviourContext, server: Resource, previousId: string | undefined): string {
  const endpoints = decisionEndpoints(context);
  if (previousId && context.store.getItem(endpoints, previousId)) return previousId;
  const id = randomUUID();
  const endpoint = newResource(context.services.apiUrl, context.environmentId, endpoints, id, {
    name: `API server ${String(server.name)} (${String(server.id)})`,
    description: `Decides on calls to the API server ${String(server.name)}.`,
    owned: true,
    recordRecentRequests: false,
  });
  context.store.putItem(endpoints, id, endpoint);
  return id;
}

function decisionEndpoints(context: BehaviourContext): string {
  return `/environments/${context.environmentId ?? ''}/decisionEndpoints`;
}

function body(context: BehaviourContext): Record<string, unknown> {
  return isObject(context.body) ? context.body : {};
}
