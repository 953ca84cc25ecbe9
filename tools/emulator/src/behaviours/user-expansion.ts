import { isObject } from '@pingone-sdk/openapi';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic } from './generic.js';
import { userGroups } from './user-group-memberships.js';

/**
 * What reading users may add on request: `expand=population` embeds each user's population under
 * `_embedded.population`; `include=memberOfGroupIDs|memberOfGroupNames` (one user) adds the groups.
 * Only the answer changes; stored users stay as they are.
 */
export const userExpansionBehaviours: BehaviourFamily = {
  listUsers: (context) => {
    const reply = generic.list(context);
    if (context.query.expand !== 'population' || !isObject(reply.body)) return reply;
    const embedded = reply.body._embedded as { users: Resource[] };
    const expand = populationExpander(context);
    embedded.users = embedded.users.map(expand);
    return reply;
  },
  getUser: (context) => {
    let user = generic.read(context).body as Resource;
    if (context.query.expand === 'population') user = populationExpander(context)(user);
    const include = context.query.include;
    if (include === 'memberOfGroupIDs' || include === 'memberOfGroupNames') {
      const environmentId = context.environmentId ?? '';
      const groupIds = [...userGroups(context.store, environmentId, user.id as string).keys()];
      const groups = context.store.items(`/environments/${environmentId}/groups`);
      user = {
        ...user,
        [include]:
          include === 'memberOfGroupIDs'
            ? groupIds
            : groupIds.map((id) => String(groups.get(id)?.name ?? '')),
      };
    }
    return { status: 200, body: user };
  },
};

function populationExpander(context: BehaviourContext): (user: Resource) => Resource {
  const populations = context.store.items(`/environments/${context.environmentId ?? ''}/populations`);
  return (user) => {
    const id = isObject(user.population) ? user.population.id : undefined;
    const population = typeof id === 'string' ? populations.get(id) : undefined;
    if (!population) return user;
    const { _links: _ignored, ...embedded } = population;
    return {
      ...user,
      _embedded: { ...(isObject(user._embedded) ? user._embedded : {}), population: embedded },
    };
  };
}
