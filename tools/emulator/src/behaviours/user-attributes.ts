import { isObject } from '@pingone-sdk/openapi';
import { invalidData, notFound } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';

/**
 * The user's small sub-resources that mirror one attribute of the user (`mfaEnabled`,
 * `identityProvider`, `verifyStatus`): reading answers the user's current value, writing changes the
 * user, so `getUser` and the sub-resource always agree.
 */
export const userAttributeBehaviours: BehaviourFamily = {
  getUserMfaEnabled: (context) => answer(context, 'mfaEnabled', requireUser(context).mfaEnabled ?? false),
  replaceUserMfaEnabled: (context) => write(context, 'mfaEnabled', booleanField(context, 'mfaEnabled')),
  getUserIdentityProvider: (context) =>
    answer(context, 'identityProvider', requireUser(context).identityProvider ?? { type: 'PING_ONE' }),
  replaceUserIdentityProvider: (context) => write(context, 'identityProvider', identityProvider(context)),
  getUserVerifyStatus: (context) =>
    answer(context, 'verifyStatus', requireUser(context).verifyStatus ?? 'NOT_INITIATED'),
  replaceUserVerifyStatus: (context) =>
    write(context, 'verifyStatus', isObject(context.body) ? context.body.verifyStatus : undefined),
};

function answer(context: BehaviourContext, field: string, value: unknown): Reply {
  const userHref = context.location.href.slice(0, context.location.href.lastIndexOf('/'));
  return {
    status: 200,
    body: { _links: { self: { href: context.location.href }, user: { href: userHref } }, [field]: value },
  };
}

function write(context: BehaviourContext, field: string, value: unknown): Reply {
  const existing = requireUser(context);
  const [root, environmentId, users, userId] = context.location.segments;
  context.store.putItem(`/${root}/${environmentId}/${users}`, userId ?? '', {
    ...existing,
    [field]: value,
    updatedAt: new Date().toISOString(),
  });
  return answer(context, field, value);
}

function booleanField(context: BehaviourContext, field: string): boolean {
  const value = isObject(context.body) ? context.body[field] : undefined;
  if (typeof value !== 'boolean') {
    throw invalidData([{ code: 'INVALID_VALUE', target: field, message: `${field} must be true or false.` }]);
  }
  return value;
}

/**
 * `id: null` hands authentication back to PingOne. The identity providers API is outside the curated
 * spec, so any other id is accepted and reported as an OpenID Connect provider.
 */
function identityProvider(context: BehaviourContext): Resource {
  const requested =
    isObject(context.body) && isObject(context.body.identityProvider) ? context.body.identityProvider : {};
  return typeof requested.id === 'string'
    ? { id: requested.id, type: 'OPENID_CONNECT' }
    : { type: 'PING_ONE' };
}

function requireUser(context: BehaviourContext): Resource {
  const [root, environmentId, users, userId] = context.location.segments;
  const found = context.store.getItem(`/${root}/${environmentId}/${users}`, userId ?? '');
  if (!found) throw notFound(`Unable to find user with ID ${userId ?? ''}.`);
  return found;
}
