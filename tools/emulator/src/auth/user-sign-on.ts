import { recordUserSession } from '../behaviours/user-sessions.js';
import type { Resource } from '../state/store.js';
import type { AuthContext } from './auth-host.js';

/**
 * Checks a seeded (or API-created) user's username and password, as PingOne's sign-on page does.
 * Usernames compare case-insensitively; disabled users, users without a password and locked users
 * cannot sign on.
 */
export function signOnUser(
  context: AuthContext,
  username: string,
  password: string,
): { id: string; user: Resource } | undefined {
  const store = context.services.store;
  const usersKey = `/environments/${context.environmentId}/users`;
  for (const [id, user] of store.items(usersKey)) {
    if (typeof user.username !== 'string' || user.username.toLowerCase() !== username.toLowerCase()) continue;
    if (user.enabled === false) return undefined;
    const secrets = store.privateData(`${usersKey}/${id}`) as {
      password?: unknown;
      passwordStatus?: unknown;
    };
    if (
      secrets.passwordStatus === 'LOCKED' ||
      typeof secrets.password !== 'string' ||
      secrets.password !== password
    )
      return undefined;
    // A successful sign-on opens a session, listed under the user like PingOne's.
    recordUserSession(store, context.services.apiUrl, context.environmentId, id, context.headers);
    return { id, user };
  }
  return undefined;
}
