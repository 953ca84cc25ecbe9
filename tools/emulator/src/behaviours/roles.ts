import { isObject } from '@pingone-sdk/openapi';
import { invalidData } from '../http/api-error.js';
import { findRole, platformRoleView, rolesKey } from '../state/predefined-roles.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic, requireItem } from './generic.js';

/**
 * Built-in roles (`/roles`, seeded) read generically. An environment's role list shows the built-in
 * roles (type PLATFORM) next to its custom ones, so they are copied into it on first use; built-in
 * roles cannot be replaced or deleted there.
 */
export const roleBehaviours: BehaviourFamily = {
  listCustomAdminRoles: (context) => {
    ensurePlatformRoles(context);
    return generic.list(context);
  },
  getCustomAdminRole: (context) => {
    ensurePlatformRoles(context);
    return generic.read(context);
  },
  createCustomAdminRole: (context) => {
    ensurePlatformRoles(context);
    assertAssigners(context);
    return generic.create(context, { ...asObject(context.body), type: 'CUSTOM' });
  },
  replaceCustomAdminRole: (context) => {
    ensurePlatformRoles(context);
    refusePlatformRole(context, 'changed');
    assertAssigners(context);
    return generic.replace(context, { ...asObject(context.body), type: 'CUSTOM' });
  },
  deleteCustomAdminRole: (context) => {
    ensurePlatformRoles(context);
    refusePlatformRole(context, 'deleted');
    return generic.delete(context);
  },
};

const copiedFlag = 'platformRolesCopied';

function ensurePlatformRoles(context: BehaviourContext): void {
  const environmentId = context.environmentId ?? '';
  const marker = context.store.privateData(`/environments/${environmentId}`);
  if (marker[copiedFlag] === true) return;
  const key = `/environments/${environmentId}/roles`;
  for (const role of context.store.items(rolesKey).values()) {
    context.store.putItem(
      key,
      role.id as string,
      platformRoleView(role, context.services.apiUrl, environmentId),
    );
  }
  marker[copiedFlag] = true;
}

function refusePlatformRole(context: BehaviourContext, verb: string): void {
  const existing = requireItem(context);
  if (existing.type === 'PLATFORM') {
    throw invalidData([
      { code: 'INVALID_VALUE', target: 'id', message: `Built-in roles cannot be ${verb}.` },
    ]);
  }
}

/** `canBeAssignedBy` may only name roles that exist. */
function assertAssigners(context: BehaviourContext): void {
  const assigners = asObject(context.body).canBeAssignedBy;
  if (!Array.isArray(assigners)) return;
  assigners.forEach((assigner: unknown, index) => {
    const id = isObject(assigner) && typeof assigner.id === 'string' ? assigner.id : '';
    if (!findRole(context.store, context.environmentId ?? '', id)) {
      throw invalidData([
        {
          code: 'INVALID_VALUE',
          target: `canBeAssignedBy[${index}].id`,
          message: `No role with ID ${id} exists.`,
        },
      ]);
    }
  });
}

function asObject(body: unknown): Record<string, unknown> {
  return isObject(body) ? body : {};
}
