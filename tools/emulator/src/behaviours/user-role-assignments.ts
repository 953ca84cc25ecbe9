import { randomUUID } from 'node:crypto';
import { notFound, uniquenessViolation } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import { isObject } from '../spec/resolve-ref.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic, newResource } from './generic.js';
import { assertRoleAssignment } from './role-assignment-check.js';

const user = '/environments/{environmentId}/users/{userId}';

/**
 * A user's admin role assignments, checked like every holder's (`role-assignment-check.ts`: existing
 * role, existing scope, role applicable to the scope type); the same role and scope cannot be
 * assigned twice. Application roles (PingOne Authorize) are assigned by id, once each.
 */
export const userRoleAssignmentBehaviours: BehaviourFamily = {
  [`POST ${user}/roleAssignments`]: (context) => {
    assertRoleAssignment(context.store, context.environmentId ?? '', context.body);
    assertNotAssigned(context);
    return generic.create(context, { ...(isObject(context.body) ? context.body : {}), readOnly: false });
  },
  [`POST ${user}/applicationRoles`]: assignApplicationRole,
  [`DELETE ${user}/applicationRoles/{applicationRoleId}`]: (context) => {
    if (!context.store.getItem(context.location.collectionKey ?? '', context.location.itemId ?? '')) {
      throw notFound(`The user has no application role ${context.location.itemId ?? ''}.`);
    }
    return generic.delete(context);
  },
};

/** The same role for the same scope cannot be assigned twice to one holder. */
function assertNotAssigned(context: BehaviourContext): void {
  const body = isObject(context.body) ? context.body : {};
  const roleId = isObject(body.role) ? body.role.id : undefined;
  const scope = isObject(body.scope) ? body.scope : {};
  for (const existing of context.store.items(context.location.key).values()) {
    const existingScope = isObject(existing.scope) ? existing.scope : {};
    if (
      isObject(existing.role) &&
      existing.role.id === roleId &&
      existingScope.id === scope.id &&
      existingScope.type === scope.type
    ) {
      throw uniquenessViolation('role.id', roleId);
    }
  }
}

/** The application roles API is outside the curated spec, so any role id is accepted, once per user. */
function assignApplicationRole(context: BehaviourContext): Reply {
  const roleId =
    isObject(context.body) && typeof context.body.id === 'string' ? context.body.id : randomUUID();
  const collectionKey = context.location.key;
  if (context.store.getItem(collectionKey, roleId)) throw uniquenessViolation('id', roleId);
  const assignment: Resource = newResource(
    context.services.apiUrl,
    context.environmentId,
    collectionKey,
    roleId,
    {},
  );
  context.store.putItem(collectionKey, roleId, assignment);
  return { status: context.operation.successStatus, body: assignment };
}
