import { randomUUID } from 'node:crypto';
import type { Store } from '../state/store.js';
import { newResource } from './generic.js';

/** Standard OpenID Connect scopes of the built-in `openid` resource. */
const openIdScopes = ['openid', 'profile', 'email', 'address', 'phone', 'offline_access'];

/** Self-management scopes of the PingOne API resource (facts §9; PingOne's list is longer). */
const pingOneApiScopes = [
  'p1:read:user',
  'p1:update:user',
  'p1:update:userMfaEnabled',
  'p1:create:device',
  'p1:read:device',
  'p1:update:device',
  'p1:delete:device',
  'p1:read:userPassword',
  'p1:reset:userPassword',
];

const seededFlag = 'builtInResourcesSeeded';

/**
 * Every environment holds PingOne's built-in resources: `openid` (OPENID_CONNECT) and `PingOne API`
 * (PINGONE_API), with their scopes. They are added the first time an environment's resources are
 * used, so environments created by any means get them without a hook in environment creation.
 */
export function ensureBuiltInResources(store: Store, apiUrl: string, environmentId: string): void {
  const environmentKey = `/environments/${environmentId}`;
  if (!store.getItem('/environments', environmentId)) return;
  const marker = store.privateData(environmentKey);
  if (marker[seededFlag] === true) return;
  marker[seededFlag] = true;
  const resources = `${environmentKey}/resources`;
  const add = (body: Record<string, unknown>, scopes: readonly string[]) => {
    const id = randomUUID();
    store.putItem(resources, id, newResource(apiUrl, environmentId, resources, id, body));
    const scopesKey = `${resources}/${id}/scopes`;
    for (const name of scopes) {
      const scopeId = randomUUID();
      store.putItem(
        scopesKey,
        scopeId,
        newResource(apiUrl, environmentId, scopesKey, scopeId, { name, resource: { id } }),
      );
    }
  };
  add({ name: 'openid', type: 'OPENID_CONNECT', accessTokenValiditySeconds: 3600 }, openIdScopes);
  add(
    {
      name: 'PingOne API',
      type: 'PINGONE_API',
      audience: 'https://api.pingone.com',
      accessTokenValiditySeconds: 3600,
    },
    pingOneApiScopes,
  );
}
