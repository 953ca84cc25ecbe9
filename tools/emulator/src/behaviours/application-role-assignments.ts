import { isObject } from '@pingone-sdk/openapi';
import { invalidData } from '../http/api-error.js';
import { findRole } from '../state/predefined-roles.js';
import type { BehaviourFamily } from './behaviour.js';
import { generic } from './generic.js';
import { assertNotAssigned, assertRoleAssignment } from './role-assignment-check.js';

/** Facts §9: "DaVinci Admin roles cannot be assigned to a Worker app". */
const notForWorkers = new Set(['DaVinci Admin', 'DaVinci Admin Read Only']);

/** Role assignments of an application need an existing role applicable to an existing scope. */
export const applicationRoleAssignmentBehaviours: BehaviourFamily = {
  createApplicationRoleAssignment: (context) => {
    const environmentId = context.environmentId ?? '';
    assertRoleAssignment(context.store, context.environmentId ?? '', context.body);
    assertNotAssigned(context.store, context.location.key, context.body);
    const body = isObject(context.body) ? context.body : {};
    const application = context.store.getItem(
      `/environments/${environmentId}/applications`,
      context.pathParameters.applicationId ?? '',
    );
    const role = findRole(context.store, environmentId, String((body.role as { id?: unknown }).id));
    if (application?.type === 'WORKER' && notForWorkers.has(String(role?.name))) {
      throw invalidData([
        {
          code: 'INVALID_VALUE',
          target: 'role.id',
          message: `The ${String(role?.name)} role cannot be assigned to a worker application.`,
        },
      ]);
    }
    return generic.create(context, { ...body, readOnly: false });
  },
};
