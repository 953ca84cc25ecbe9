import { isObject } from '@pingone-sdk/openapi';
import { compileFilter } from '../filter/compile-filter.js';
import { FilterError } from '../filter/filter-expression.js';
import { parseFilter } from '../filter/parse-filter.js';
import { invalidData, uniquenessViolation } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource, Store } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic, newResource, requireItem } from './generic.js';
import { assertNotAssigned, assertRoleAssignment } from './role-assignment-check.js';

/**
 * Groups beyond CRUD: population fixed at creation, names unique per population (and against
 * environment-wide groups), member counts on request, nesting by the parent's id, and role
 * assignments that need an existing role and scope.
 */
export const groupBehaviours: BehaviourFamily = {
  createGroup: (context) => {
    const body = asObject(context.body);
    assertUserFilter(body);
    assertUniqueName(context, body, undefined);
    return generic.create(context, { ...body, displayName: body.name });
  },
  replaceGroup: (context) => {
    const existing = requireItem(context);
    const body = asObject(context.body);
    const before = populationOf(existing);
    if (body.population !== undefined && populationOf(body) !== before) {
      throw invalidData([
        {
          code: 'INVALID_VALUE',
          target: 'population.id',
          message: 'A group cannot move to another population.',
        },
      ]);
    }
    assertUserFilter(body);
    const replaced = { ...body, displayName: body.name, ...(before ? { population: { id: before } } : {}) };
    assertUniqueName(context, replaced, existing.id as string);
    return generic.replace(context, replaced);
  },
  getGroup: (context) => {
    const group = requireItem(context);
    if (context.query.include !== 'totalMemberCounts') return generic.read(context);
    const counts = memberCounts(context, group);
    return {
      status: 200,
      body: {
        ...group,
        directMemberCounts: { users: counts.direct },
        totalMemberCounts: { users: counts.total },
      },
    };
  },
  deleteGroup: (context) => {
    const group = requireItem(context);
    // Nestings in the deleted group go with it; nestings of other groups inside it must go too.
    const groups = context.location.collectionKey ?? '';
    for (const childId of context.store.items(groups).keys()) {
      context.store.deleteItem(`${groups}/${childId}/memberOfGroups`, group.id as string);
    }
    return generic.delete(context);
  },
  createGroupNesting: createNesting,
  createGroupRoleAssignment: (context) => {
    assertRoleAssignment(context.store, context.environmentId ?? '', context.body);
    assertNotAssigned(context.store, context.location.key, context.body);
    return generic.create(context, {
      ...asObject(context.body),
      group: { id: context.pathParameters.groupId },
      readOnly: false,
    });
  },
};

/** The nesting's id is the parent group's: `GET …/memberOfGroups/{parentId}` reads it back. */
function createNesting(context: BehaviourContext): Reply {
  const parentId = String(asObject(context.body).id ?? '');
  const groupsKey = `/environments/${context.environmentId ?? ''}/groups`;
  const parent = context.store.getItem(groupsKey, parentId);
  if (!parent) {
    throw invalidData([
      { code: 'INVALID_VALUE', target: 'id', message: `No group with ID ${parentId} exists.` },
    ]);
  }
  const collectionKey = context.location.key;
  const nesting = newResource(context.services.apiUrl, context.environmentId, collectionKey, parentId, {
    name: parent.name,
    type: 'DIRECT',
  });
  delete nesting.createdAt;
  delete nesting.updatedAt;
  context.store.putItem(collectionKey, parentId, nesting);
  return { status: context.operation.successStatus, body: nesting };
}

/**
 * PingOne: names repeat across populations, but an environment-wide group shares its name with no
 * other group, and two groups of one population differ.
 */
function assertUniqueName(
  context: BehaviourContext,
  group: Record<string, unknown>,
  ownId: string | undefined,
): void {
  if (typeof group.name !== 'string') return;
  const name = group.name.toLowerCase();
  const population = populationOf(group);
  for (const other of context.store.items(context.location.collectionKey ?? context.location.key).values()) {
    if (other.id === ownId || typeof other.name !== 'string' || other.name.toLowerCase() !== name) continue;
    const otherPopulation = populationOf(other);
    if (population === undefined || otherPopulation === undefined || population === otherPopulation) {
      throw uniquenessViolation('name', group.name);
    }
  }
}

function assertUserFilter(body: Record<string, unknown>): void {
  if (typeof body.userFilter !== 'string') return;
  try {
    parseFilter(body.userFilter);
  } catch (error) {
    if (error instanceof FilterError) {
      throw invalidData([{ code: 'INVALID_FILTER', target: 'userFilter', message: error.message }]);
    }
    throw error;
  }
}

/**
 * Direct members (through users' group memberships, stored under the group's id) and all members:
 * direct ones, those of nested groups, and those the `userFilter` matches.
 */
function memberCounts(context: BehaviourContext, group: Resource): { direct: number; total: number } {
  const environmentKey = `/environments/${context.environmentId ?? ''}`;
  const users = [...context.store.items(`${environmentKey}/users`).values()];
  const groupsKey = `${environmentKey}/groups`;
  const groupId = group.id as string;
  const isDirect = (groupIds: string, user: Resource) =>
    context.store.getItem(`${environmentKey}/users/${user.id as string}/memberOfGroups`, groupIds) !==
    undefined;
  const family = withNestedGroups(context.store, groupsKey, groupId);
  const matchers = [...family].map((id) => dynamicMatcher(context, context.store.getItem(groupsKey, id)));
  let direct = 0;
  let total = 0;
  for (const user of users) {
    if (isDirect(groupId, user)) direct += 1;
    const member = [...family].some((id, index) => isDirect(id, user) || matchers[index]?.(user) === true);
    if (member) total += 1;
  }
  return { direct, total };
}

/** The group and every group nested in it, at any depth (cycles are walked once). */
function withNestedGroups(store: Store, groupsKey: string, groupId: string): Set<string> {
  const found = new Set([groupId]);
  const pending = [groupId];
  while (pending.length > 0) {
    const parent = pending.pop() as string;
    for (const childId of store.items(groupsKey).keys()) {
      if (!found.has(childId) && store.getItem(`${groupsKey}/${childId}/memberOfGroups`, parent)) {
        found.add(childId);
        pending.push(childId);
      }
    }
  }
  return found;
}

/** A dynamic group's `userFilter` takes what the users list's filter takes. */
function dynamicMatcher(
  context: BehaviourContext,
  group: Resource | undefined,
): ((user: Resource) => boolean) | undefined {
  if (typeof group?.userFilter !== 'string') return undefined;
  try {
    return compileFilter(parseFilter(group.userFilter), context.services.collection('listUsers')?.filters);
  } catch {
    return undefined;
  }
}

function populationOf(body: Record<string, unknown>): string | undefined {
  return isObject(body.population) && typeof body.population.id === 'string' ? body.population.id : undefined;
}

function asObject(body: unknown): Record<string, unknown> {
  return isObject(body) ? body : {};
}
