import { ApiError, notFound } from '../http/api-error.js';
import type { Resource, Store } from '../state/store.js';
import type { BehaviourContext } from './behaviour.js';

/** Where the credentials service keeps things, and the preconditions every issuing shares. */

/** `/environments/<id>` of the request. */
export function environmentKey(context: BehaviourContext): string {
  return `/environments/${context.environmentId ?? ''}`;
}

/** The user named by the URL's `{userId}`; 404 like PingOne when the directory has none. */
export function requireUser(context: BehaviourContext): Resource {
  const userId = context.pathParameters.userId ?? '';
  const user = context.store.getItem(`${environmentKey(context)}/users`, userId);
  if (!user) throw notFound(`Unable to find user with ID ${userId}.`);
  return user;
}

export function issuerProfileKey(environment: string): string {
  return `${environment}/credentialIssuerProfile`;
}

/** Credentials are signed by the issuer profile: none can be issued before it exists. */
export function assertIssuerProfile(store: Store, environment: string): void {
  if (store.getSingleton(issuerProfileKey(environment))) return;
  throw new ApiError(
    400,
    'INVALID_REQUEST',
    'The environment has no credential issuer profile; create one before issuing credentials.',
  );
}
