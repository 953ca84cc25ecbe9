import { randomUUID } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { invalidData } from '../http/api-error.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic, newResource, requireItem } from './generic.js';

/**
 * Identity providers beyond CRUD: a new provider comes with its core `username` mapping (CORE, which
 * cannot be deleted or renamed), a provider keeps its type, and its mappings go with it.
 */
export const identityProviderBehaviours: BehaviourFamily = {
  createIdentityProvider: (context) => {
    const reply = generic.create(context);
    addCoreMapping(context, reply.body as Resource);
    return reply;
  },
  replaceIdentityProvider: (context) => {
    const existing = requireItem(context);
    const body = isObject(context.body) ? context.body : {};
    if (body.type !== existing.type) {
      throw invalidData([
        { code: 'INVALID_VALUE', target: 'type', message: 'The type of an identity provider cannot change.' },
      ]);
    }
    return generic.replace(context);
  },
  deleteIdentityProvider: (context) => {
    const reply = generic.delete(context);
    const key = `${context.location.key}/attributes`;
    for (const id of [...context.store.items(key).keys()]) context.store.deleteItem(key, id);
    return reply;
  },
  createIdentityProviderAttribute: (context) =>
    generic.create(context, { ...asObject(context.body), ...owner(context), mappingType: 'CUSTOM' }),
  replaceIdentityProviderAttribute: (context) => {
    const existing = requireItem(context);
    const body = asObject(context.body);
    if (existing.mappingType === 'CORE' && body.name !== existing.name) {
      throw invalidData([
        { code: 'INVALID_VALUE', target: 'name', message: 'The core mapping always fills username.' },
      ]);
    }
    return generic.replace(context, { ...body, ...owner(context), mappingType: existing.mappingType });
  },
  deleteIdentityProviderAttribute: (context) => {
    if (requireItem(context).mappingType === 'CORE') {
      throw invalidData([
        { code: 'INVALID_VALUE', target: 'mappingType', message: 'The core mapping cannot be deleted.' },
      ]);
    }
    return generic.delete(context);
  },
};

/** SAML sends the subject of its assertion; other providers their user's `sub` or `id` claim. */
function addCoreMapping(context: BehaviourContext, created: Resource): void {
  const id = created.id as string;
  const key = `${context.location.key}/${id}/attributes`;
  const value =
    created.type === 'SAML'
      ? `\${samlAssertion.subject}`
      : created.type === 'OPENID_CONNECT'
        ? `\${providerAttributes.sub}`
        : `\${providerAttributes.id}`;
  const mappingId = randomUUID();
  const mapping = newResource(context.services.apiUrl, context.environmentId, key, mappingId, {
    name: 'username',
    value,
    update: 'EMPTY_ONLY',
    mappingType: 'CORE',
    identityProvider: { id },
  });
  context.store.putItem(key, mappingId, mapping);
}

function owner(context: BehaviourContext): Resource {
  return { identityProvider: { id: context.pathParameters.identityProviderId } };
}

function asObject(body: unknown): Resource {
  return isObject(body) ? body : {};
}
