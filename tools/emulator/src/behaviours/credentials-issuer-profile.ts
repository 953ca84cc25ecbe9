import { randomUUID } from 'node:crypto';
import { ApiError, notFound } from '../http/api-error.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { environmentKey, issuerProfileKey } from './credentials-context.js';

/**
 * The environment's one credential issuer profile: created once (a second create is refused), absent
 * (404) until then, and replaced in place keeping its id and signing application instance.
 */
export const credentialIssuerProfileBehaviours: BehaviourFamily = {
  createCredentialIssuerProfile: (context) => {
    if (context.store.getSingleton(profileKey(context))) {
      throw new ApiError(
        400,
        'INVALID_REQUEST',
        'The environment already has a credential issuer profile; replace it instead.',
      );
    }
    const now = new Date().toISOString();
    const profile = stored(context, {
      id: randomUUID(),
      applicationInstance: { id: randomUUID() },
      createdAt: now,
    });
    context.store.setSingleton(profileKey(context), profile);
    return { status: 201, body: profile };
  },
  getCredentialIssuerProfile: (context) => ({ status: 200, body: requireProfile(context) }),
  replaceCredentialIssuerProfile: (context) => {
    const existing = requireProfile(context);
    const profile = stored(context, {
      id: existing.id,
      applicationInstance: existing.applicationInstance,
      createdAt: existing.createdAt,
    });
    context.store.setSingleton(profileKey(context), profile);
    return { status: 200, body: profile };
  },
};

function profileKey(context: BehaviourContext): string {
  return issuerProfileKey(environmentKey(context));
}

function requireProfile(context: BehaviourContext): Resource {
  const profile = context.store.getSingleton(profileKey(context));
  if (!profile) throw notFound('The environment has no credential issuer profile yet.');
  return profile;
}

function stored(context: BehaviourContext, serverFields: Resource): Resource {
  const body = (context.body ?? {}) as Resource;
  return {
    _links: { self: { href: context.location.href } },
    ...body,
    ...serverFields,
    environment: { id: context.environmentId },
    updatedAt: new Date().toISOString(),
  };
}
