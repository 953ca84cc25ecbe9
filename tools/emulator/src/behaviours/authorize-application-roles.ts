import { randomUUID } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { invalidData, uniquenessViolation } from '../http/api-error.js';
import type { Resource, Store } from '../state/store.js';
import { findPermission } from './authorize-application-resources.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { withCollection } from './collection-view.js';
import { generic, newResource } from './generic.js';

/**
 * Application roles. A role grants existing application resource permissions, named by id and copied
 * (key, action, resource) when added, once each. Users get roles through management's
 * `/users/{id}/applicationRoles`; a role's `assignments` lists those users, and deleting a role takes
 * it from them.
 */
export const authorizeApplicationRoleBehaviours: BehaviourFamily = {
  createApplicationRolePermission: (context) => {
    const permissionId = isObject(context.body) && typeof context.body.id === 'string' ? context.body.id : '';
    const permission = findPermission(context.store, environmentOf(context), permissionId);
    if (!permission) {
      throw invalidData([
        {
          code: 'INVALID_VALUE',
          target: 'id',
          message: `No application resource permission has the id ${permissionId}.`,
        },
      ]);
    }
    const collectionKey = context.location.key;
    if (context.store.getItem(collectionKey, permissionId)) throw uniquenessViolation('id', permissionId);
    const { key, action, resource } = permission;
    const granted = newResource(context.services.apiUrl, context.environmentId, collectionKey, permissionId, {
      key,
      action,
      resource,
    });
    context.store.putItem(collectionKey, permissionId, granted);
    return { status: context.operation.successStatus, body: granted };
  },
  listApplicationRoleUserAssignments: (context) => {
    const roleId = context.pathParameters.applicationRoleId ?? '';
    const assignments = new Map<string, Resource>();
    for (const [userId, assignmentKey] of holders(context.store, environmentOf(context), roleId)) {
      const data = context.store.privateData(assignmentKey);
      if (typeof data.assignmentId !== 'string') data.assignmentId = randomUUID();
      const id = String(data.assignmentId);
      assignments.set(id, {
        id,
        role: { id: roleId },
        subject: { id: userId, type: 'USER' },
      });
    }
    return generic.list(withCollection(context, context.location.key, assignments));
  },
  deleteApplicationRole: (context) => {
    const reply = generic.delete(context);
    for (const [, assignmentKey] of holders(
      context.store,
      environmentOf(context),
      context.location.itemId ?? '',
    )) {
      const cut = assignmentKey.lastIndexOf('/');
      context.store.deleteItem(assignmentKey.slice(0, cut), assignmentKey.slice(cut + 1));
    }
    return reply;
  },
};

/** The users holding the role, each with the store key of their assignment. */
function holders(store: Store, environmentId: string, roleId: string): [string, string][] {
  const users = `/environments/${environmentId}/users`;
  const found: [string, string][] = [];
  for (const userId of store.items(users).keys()) {
    const roles = `${users}/${userId}/applicationRoles`;
    if (store.getItem(roles, roleId)) found.push([userId, `${roles}/${roleId}`]);
  }
  return found;
}

function environmentOf(context: BehaviourContext): string {
  return context.environmentId ?? '';
}
