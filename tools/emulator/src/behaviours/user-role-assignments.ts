import { randomUUID } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { notFound, uniquenessViolation } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic, newResource } from './generic.js';
import { assertNotAssigned, assertRoleAssignment } from './role-assignment-check.js';

/**
 * A user's admin role assignments, checked like every holder's (`role-assignment-check.ts`: existing
 * role, existing scope, role applicable to the scope type); the same role and scope cannot be
 * assigned twice. Application roles (PingOne Authorize) are assigned by id, once each.
 */
export const userRoleAssignmentBehaviours: BehaviourFamily = {
  createUserRoleAssignment: (context) => {
    assertRoleAssignment(context.store, context.environmentId ?? '', context.body);
    assertNotAssigned(context.store, context.location.key, context.body);
    return generic.create(context, { ...(isObject(context.body) ? context.body : {}), readOnly: false });
  },
  createUserApplicationRoleAssignment: assignApplicationRole,
  deleteUserApplicationRoleAssignment: (context) => {
    if (!context.store.getItem(context.location.collectionKey ?? '', context.location.itemId ?? '')) {
      throw notFound(`The user has no application role ${context.location.itemId ?? ''}.`);
    }
    return generic.delete(context);
  },
};

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
