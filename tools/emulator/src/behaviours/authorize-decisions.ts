import { randomUUID } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import type { Store } from '../state/store.js';
import { deployedServers } from './authorize-api-servers.js';
import { findPermission } from './authorize-application-resources.js';
import type { DecisionFacts } from './authorize-decision-model.js';
import { decide } from './authorize-decision-policy.js';
import type { BehaviourFamily } from './behaviour.js';
import { generic, requireItem } from './generic.js';
import { userGroups } from './user-group-memberships.js';

/**
 * Decision evaluation (`POST /decisionEndpoints/{id}`), by the policy in authorize-decision-policy.ts.
 * An endpoint made by an API server's deployment decides for that server only; any other endpoint for
 * every deployed API server of the environment. The user's permissions come from the application
 * roles management gave them, counting only roles and permissions that still exist. An endpoint made
 * by a deployment stays `owned` when replaced.
 */
export const authorizeDecisionBehaviours: BehaviourFamily = {
  replaceDecisionEndpoint: (context) => {
    const { owned } = requireItem(context);
    const body = isObject(context.body) ? context.body : {};
    return generic.replace(context, owned === undefined ? body : { ...body, owned });
  },
  evaluateDecision: (context) => {
    const started = performance.now();
    const endpoint = requireItem(context);
    const environmentId = context.environmentId ?? '';
    const deployed = deployedServers(context.store, environmentId);
    const owner = deployed.filter((server) => server.decisionEndpointId === endpoint.id);
    const body = isObject(context.body) ? context.body : {};
    const parameters = isObject(body.parameters) ? body.parameters : {};
    const user = isObject(body.userContext) && isObject(body.userContext.user) ? body.userContext.user : {};
    const userId = typeof user.id === 'string' ? user.id : undefined;
    const outcome = decide(
      parameters,
      userId,
      owner.length > 0 ? owner : deployed,
      facts(context.store, environmentId),
    );
    const server = deployed.find((copy) => copy.id === outcome.server?.id);
    return {
      status: context.operation.successStatus,
      body: {
        id: randomUUID(),
        decision: outcome.decision,
        correlationId: context.correlationId,
        elapsedMicroseconds: Math.round((performance.now() - started) * 1000),
        ...(server ? { authorizationVersion: { id: server.authorizationVersionId } } : {}),
        status: outcome.status,
        statements: [],
      },
    };
  },
};

function facts(store: Store, environmentId: string): DecisionFacts {
  const environment = `/environments/${environmentId}`;
  return {
    permissionsOf: (userId) => {
      const held = new Set<string>();
      if (!store.getItem(`${environment}/users`, userId)) return held;
      for (const roleId of store.items(`${environment}/users/${userId}/applicationRoles`).keys()) {
        if (!store.getItem(`${environment}/applicationRoles`, roleId)) continue;
        for (const permissionId of store
          .items(`${environment}/applicationRoles/${roleId}/permissions`)
          .keys()) {
          if (findPermission(store, environmentId, permissionId)) held.add(permissionId);
        }
      }
      return held;
    },
    groupsOf: (userId) =>
      store.getItem(`${environment}/users`, userId)
        ? new Set(userGroups(store, environmentId, userId).keys())
        : new Set(),
    scopeName: (server, scopeId) => {
      const api = store.getItem(`${environment}/apiServers`, server.id);
      const authorizationServer = isObject(api?.authorizationServer) ? api.authorizationServer : {};
      const resource = isObject(authorizationServer.resource) ? authorizationServer.resource : {};
      const scope = store.getItem(`${environment}/resources/${String(resource.id)}/scopes`, scopeId);
      return typeof scope?.name === 'string' ? scope.name : undefined;
    },
  };
}
