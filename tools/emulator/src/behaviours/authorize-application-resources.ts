import { isObject } from '@pingone-sdk/openapi';
import { notFound } from '../http/api-error.js';
import type { Resource, Store } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { withCollection } from './collection-view.js';
import { generic } from './generic.js';

/**
 * Authorize's view of application resources. They are created under a custom resource (management's
 * `/resources/{id}/applicationResources`); `/applicationResources` reads all of the environment's
 * together, by id. Their permissions live here, keyed `<application resource name>:<action>`, and a
 * deleted permission is withdrawn from every application role that granted it.
 */
export const authorizeApplicationResourceBehaviours: BehaviourFamily = {
  listEnvironmentApplicationResources: (context) =>
    generic.list(
      withCollection(
        context,
        context.location.key,
        environmentApplicationResources(context.store, environmentOf(context)),
      ),
    ),
  getEnvironmentApplicationResource: (context) => ({
    status: context.operation.successStatus,
    body: requireApplicationResource(context),
  }),
  listApplicationResourcePermissions: (context) => {
    requireApplicationResource(context);
    return generic.list(context);
  },
  createApplicationResourcePermission: (context) => generic.create(context, withKey(context)),
  getApplicationResourcePermission: (context) => {
    requireApplicationResource(context);
    return generic.read(context);
  },
  replaceApplicationResourcePermission: (context) => generic.replace(context, withKey(context)),
  deleteApplicationResourcePermission: (context) => {
    requireApplicationResource(context);
    const reply = generic.delete(context);
    const roles = `/environments/${environmentOf(context)}/applicationRoles`;
    for (const roleId of context.store.items(roles).keys()) {
      context.store.deleteItem(`${roles}/${roleId}/permissions`, context.location.itemId ?? '');
    }
    return reply;
  },
};

/** Every application resource of the environment, by id, across its custom resources. */
export function environmentApplicationResources(store: Store, environmentId: string): Map<string, Resource> {
  const resources = `/environments/${environmentId}/resources`;
  const found = new Map<string, Resource>();
  for (const resourceId of store.items(resources).keys()) {
    for (const [id, item] of store.items(`${resources}/${resourceId}/applicationResources`))
      found.set(id, item);
  }
  return found;
}

/** An application resource permission of the environment by id, or undefined. */
export function findPermission(
  store: Store,
  environmentId: string,
  permissionId: string,
): Resource | undefined {
  for (const applicationResourceId of environmentApplicationResources(store, environmentId).keys()) {
    const permissions = `/environments/${environmentId}/applicationResources/${applicationResourceId}/permissions`;
    const permission = store.getItem(permissions, permissionId);
    if (permission) return permission;
  }
  return undefined;
}

function requireApplicationResource(context: BehaviourContext): Resource {
  const id = context.pathParameters.applicationResourceId ?? '';
  const found = environmentApplicationResources(context.store, environmentOf(context)).get(id);
  if (!found) throw notFound(`Unable to find applicationResource with ID ${id}.`);
  return found;
}

function withKey(context: BehaviourContext): Record<string, unknown> {
  const parent = requireApplicationResource(context);
  const body = isObject(context.body) ? context.body : {};
  const name = String(parent.name);
  return { ...body, key: `${name}:${String(body.action)}`, resource: { id: parent.id, name } };
}

function environmentOf(context: BehaviourContext): string {
  return context.environmentId ?? '';
}
