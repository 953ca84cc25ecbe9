import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Store } from '../state/store.js';

/** PingOne keeps at most this many sessions per user, the oldest going first. */
const maximumSessions = 10;

/**
 * Records a sign-on: a new session under `/users/{id}/sessions` (listed, read and ended through the
 * API with the generic behaviour) and the user's `lastSignOn`. Called by the auth host whenever a user
 * signs on with username and password.
 */
export function recordUserSession(
  store: Store,
  apiUrl: string,
  environmentId: string,
  userId: string,
  headers: IncomingHttpHeaders = {},
): void {
  const usersKey = `/environments/${environmentId}/users`;
  const user = store.getItem(usersKey, userId);
  if (!user) return;
  const now = new Date().toISOString();
  const remoteIp = '127.0.0.1';
  const sessionsKey = `${usersKey}/${userId}/sessions`;
  const sessions = store.items(sessionsKey);
  while (sessions.size >= maximumSessions) {
    const oldest = sessions.keys().next().value;
    if (oldest === undefined) break;
    store.deleteItem(sessionsKey, oldest);
  }
  const id = randomUUID();
  const agent = typeof headers['user-agent'] === 'string' ? headers['user-agent'] : 'unknown';
  store.putItem(sessionsKey, id, {
    _links: {
      self: { href: `${apiUrl}${sessionsKey}/${id}` },
      user: { href: `${apiUrl}${usersKey}/${userId}` },
    },
    id,
    environment: { id: environmentId },
    user: { id: userId },
    createdAt: now,
    activeAt: now,
    lastSignOn: { at: now, remoteIp },
    locations: [{ at: now, remoteIp }],
    browser: { name: agent.split('/')[0] ?? agent, version: agent.split('/')[1]?.split(' ')[0] ?? '' },
    operatingSystem: { name: process.platform },
    device: { type: 'Computer' },
  });
  store.putItem(usersKey, userId, { ...user, lastSignOn: { at: now, remoteIp } });
}
