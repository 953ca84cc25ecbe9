import { timingSafeEqual } from 'node:crypto';
import type { Store } from '../state/store.js';

/** Key of the secret in an application's private data; an applications family sets it on create. */
export const clientSecretKey = 'clientSecret';

/** Key of the secret replaced by the last rotation (`{ secret, expiresAt }`); it works until `expiresAt`. */
export const previousClientSecretKey = 'previousClientSecret';

/** An OAuth client, read from the environment's applications (its id is the client id). */
export interface OAuthClient {
  clientId: string;
  environmentId: string;
  /** Grant types the application allows, upper-case as PingOne writes them (`CLIENT_CREDENTIALS`). */
  grantTypes: readonly string[];
  secret: string | undefined;
  /** The secret before the last rotation, while its grace period lasts. */
  previousSecret?: string | undefined;
}

export function applicationsKey(environmentId: string): string {
  return `/environments/${environmentId}/applications`;
}

/** The application `clientId` of an environment as an OAuth client, if it exists. */
export function findClient(store: Store, environmentId: string, clientId: string): OAuthClient | undefined {
  const key = applicationsKey(environmentId);
  const application = store.getItem(key, clientId);
  if (!application) return undefined;
  const secrets = store.privateData(`${key}/${clientId}`);
  const secret = secrets[clientSecretKey];
  const previous = secrets[previousClientSecretKey] as { secret: string; expiresAt: string } | undefined;
  return {
    clientId,
    environmentId,
    grantTypes: Array.isArray(application.grantTypes) ? (application.grantTypes as string[]) : [],
    secret: typeof secret === 'string' ? secret : undefined,
    previousSecret: previous && Date.parse(previous.expiresAt) > Date.now() ? previous.secret : undefined,
  };
}

/** Compares secrets in constant time. */
export function secretMatches(expected: string | undefined, given: string): boolean {
  if (expected === undefined) return false;
  const left = Buffer.from(expected);
  const right = Buffer.from(given);
  return left.length === right.length && timingSafeEqual(left, right);
}
