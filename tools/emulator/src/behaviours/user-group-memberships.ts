import { isObject } from '@pingone-sdk/openapi';
import { invalidData, notFound, uniquenessViolation } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource, Store } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { withCollection } from './collection-view.js';
import { generic } from './generic.js';

type MembershipType = 'DIRECT' | 'INDIRECT';

/**
 * A user's groups. Only direct memberships are stored (keyed by group id); indirect ones follow from
 * group nesting (`/groups/{id}/memberOfGroups`) when answered, and memberships of deleted groups
 * vanish with them, as in PingOne.
 */
export const userGroupMembershipBehaviours: BehaviourFamily = {
  listUserGroupMemberships: listMemberships,
  addUserToGroup: addToGroup,
  getUserGroupMembership: readMembership,
  removeUserFromGroup: removeFromGroup,
};

/** The user's groups by id, direct first, then those reached through nested groups. */
export function userGroups(store: Store, environmentId: string, userId: string): Map<string, MembershipType> {
  const environment = `/environments/${environmentId}`;
  const groups = store.items(`${environment}/groups`);
  const found = new Map<string, MembershipType>();
  const queue: string[] = [];
  for (const id of store.items(`${environment}/users/${userId}/memberOfGroups`).keys()) {
    if (!groups.has(id)) continue;
    found.set(id, 'DIRECT');
    queue.push(id);
  }
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const nesting of store.items(`${environment}/groups/${next}/memberOfGroups`).values()) {
      const parent = typeof nesting.id === 'string' ? nesting.id : undefined;
      if (parent === undefined || found.has(parent) || !groups.has(parent)) continue;
      found.set(parent, 'INDIRECT');
      queue.push(parent);
    }
  }
  return found;
}

function listMemberships(context: BehaviourContext): Reply {
  const { environmentId, userId } = ids(context);
  const items = new Map<string, Resource>();
  for (const [groupId, type] of userGroups(context.store, environmentId, userId)) {
    items.set(groupId, describe(context, groupId, type));
  }
  return generic.list(withCollection(context, context.location.key, items));
}

function addToGroup(context: BehaviourContext): Reply {
  const { environmentId, userId } = ids(context);
  const groupId = isObject(context.body) && typeof context.body.id === 'string' ? context.body.id : '';
  const group = context.store.getItem(`/environments/${environmentId}/groups`, groupId);
  if (!group) {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'id',
        message: `No group with ID ${groupId} exists in this environment.`,
      },
    ]);
  }
  const user = context.store.getItem(`/environments/${environmentId}/users`, userId);
  // A group limited to a population only takes that population's users.
  const groupPopulation = isObject(group.population) ? group.population.id : undefined;
  const userPopulation = isObject(user?.population) ? user.population.id : undefined;
  if (groupPopulation !== undefined && groupPopulation !== userPopulation) {
    throw invalidData([
      { code: 'INVALID_VALUE', target: 'id', message: 'The group only accepts users of its own population.' },
    ]);
  }
  const collectionKey = context.location.key;
  if (context.store.getItem(collectionKey, groupId)) throw uniquenessViolation('id', groupId);
  context.store.putItem(collectionKey, groupId, { id: groupId, createdAt: new Date().toISOString() });
  return { status: context.operation.successStatus, body: describe(context, groupId, 'DIRECT') };
}

function readMembership(context: BehaviourContext): Reply {
  const { environmentId, userId, groupId } = ids(context);
  const type = userGroups(context.store, environmentId, userId).get(groupId);
  if (!type) throw notFound(`The user is not a member of the group ${groupId}.`);
  return { status: 200, body: describe(context, groupId, type) };
}

function removeFromGroup(context: BehaviourContext): Reply {
  const { environmentId, userId, groupId } = ids(context);
  const type = userGroups(context.store, environmentId, userId).get(groupId);
  if (!type) throw notFound(`The user is not a member of the group ${groupId}.`);
  if (type === 'INDIRECT') {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'groupId',
        message: 'The membership comes from a nested group; remove the nesting instead.',
      },
    ]);
  }
  context.store.deleteItem(context.location.collectionKey ?? '', groupId);
  return { status: 204 };
}

/** A membership as answered: the group's current name, and the group itself when `expand=group`. */
function describe(context: BehaviourContext, groupId: string, type: MembershipType): Resource {
  const { environmentId, userId } = ids(context);
  const group = context.store.getItem(`/environments/${environmentId}/groups`, groupId) ?? {};
  const apiUrl = context.services.apiUrl;
  const membershipResource: Resource = {
    _links: {
      self: { href: `${apiUrl}/environments/${environmentId}/users/${userId}/memberOfGroups/${groupId}` },
      group: { href: `${apiUrl}/environments/${environmentId}/groups/${groupId}` },
    },
    id: groupId,
    environment: { id: environmentId },
    name: group.name,
    type,
  };
  if (context.query.expand === 'group') {
    const { _links: _ignored, ...embedded } = group;
    membershipResource._embedded = { group: embedded };
  }
  return membershipResource;
}

function ids(context: BehaviourContext): { environmentId: string; userId: string; groupId: string } {
  return {
    environmentId: context.pathParameters.environmentId ?? '',
    userId: context.pathParameters.userId ?? '',
    groupId: context.pathParameters.groupId ?? '',
  };
}
