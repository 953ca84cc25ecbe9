import { isObject } from '@pingone-sdk/openapi';
import { invalidData, uniquenessViolation } from '../http/api-error.js';
import { findRole } from '../state/predefined-roles.js';
import type { Store } from '../state/store.js';

export { findRole };

/**
 * Checks a role assignment body as PingOne does before granting anything, for any holder (user, group,
 * application): the role must exist, the scope must name an existing organization, environment,
 * population or application, and the role must be applicable to that kind of scope. Throws 400
 * INVALID_DATA naming the offending field.
 */
export function assertRoleAssignment(store: Store, environmentId: string, body: unknown): void {
  const assignment = isObject(body) ? body : {};
  const role = isObject(assignment.role) ? assignment.role : {};
  const scope = isObject(assignment.scope) ? assignment.scope : {};
  const roleId = typeof role.id === 'string' ? role.id : '';
  const found = findRole(store, environmentId, roleId);
  if (!found) {
    throw invalidData([
      { code: 'INVALID_VALUE', target: 'role.id', message: `No role with ID ${roleId} exists.` },
    ]);
  }
  const scopeType = String(scope.type ?? '');
  const scopeId = typeof scope.id === 'string' ? scope.id : '';
  if (!scopeExists(store, scopeType, scopeId)) {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'scope.id',
        message: `No ${scopeType.toLowerCase()} with ID ${scopeId} exists to scope the role to.`,
      },
    ]);
  }
  const applicableTo = Array.isArray(found.applicableTo) ? (found.applicableTo as unknown[]) : [];
  if (!applicableTo.includes(scopeType)) {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'scope.type',
        message: `The role ${String(found.name)} cannot be assigned for a scope of type ${scopeType}.`,
        innerError: { allowedValues: applicableTo },
      },
    ]);
  }
}

/** The same role for the same scope cannot be assigned twice to one holder (`assignmentsKey`). */
export function assertNotAssigned(store: Store, assignmentsKey: string, body: unknown): void {
  const assignment = isObject(body) ? body : {};
  const roleId = isObject(assignment.role) ? assignment.role.id : undefined;
  const scope = isObject(assignment.scope) ? assignment.scope : {};
  for (const existing of store.items(assignmentsKey).values()) {
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

/** Environments, populations and applications are looked up across the whole organization. */
function scopeExists(store: Store, type: string, id: string): boolean {
  switch (type) {
    case 'ORGANIZATION':
      return store.getItem('/organizations', id) !== undefined || organizationOfAnyEnvironment(store, id);
    case 'ENVIRONMENT':
      return store.getItem('/environments', id) !== undefined;
    case 'POPULATION':
      return inAnyEnvironment(store, 'populations', id);
    case 'APPLICATION':
      return inAnyEnvironment(store, 'applications', id);
    default:
      return false;
  }
}

function inAnyEnvironment(store: Store, collection: string, id: string): boolean {
  for (const environmentId of store.items('/environments').keys()) {
    if (store.getItem(`/environments/${environmentId}/${collection}`, id)) return true;
  }
  return false;
}

function organizationOfAnyEnvironment(store: Store, id: string): boolean {
  for (const environment of store.items('/environments').values()) {
    if (isObject(environment.organization) && environment.organization.id === id) return true;
  }
  return false;
}
