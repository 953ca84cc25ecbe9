import { randomUUID } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { ensureBuiltInResources } from './built-in-resources.js';
import {
  deletePreviousSecret,
  generateSecret,
  rotateSecret,
  secretReply,
  setSecret,
} from './client-secret.js';
import { generic, newResource, requireItem } from './generic.js';

/**
 * Resources beyond CRUD: the built-in `openid` and `PingOne API` resources in every environment (which
 * cannot be deleted), CUSTOM type and defaults for created ones, an introspection secret, a CORE `sub`
 * attribute, and parent references on scopes, attributes and application resources.
 */
export const resourceBehaviours: BehaviourFamily = {
  listResources: (context) => {
    ensureBuiltIns(context);
    return generic.list(context);
  },
  getResource: (context) => {
    ensureBuiltIns(context);
    return generic.read(context);
  },
  createResource: createResource,
  replaceResource: (context) => {
    ensureBuiltIns(context);
    const existing = requireItem(context);
    const { clientSecret: _secret, ...body } = asObject(context.body);
    // Built-in resources keep their name and type; custom ones stay CUSTOM.
    const fixed =
      existing.type === 'CUSTOM' ? { type: 'CUSTOM' } : { name: existing.name, type: existing.type };
    return generic.replace(context, {
      ...body,
      ...(existing.clientId !== undefined && body.clientId === undefined
        ? { clientId: existing.clientId }
        : {}),
      ...fixed,
    });
  },
  deleteResource: (context) => {
    ensureBuiltIns(context);
    const existing = requireItem(context);
    if (existing.type !== 'CUSTOM') {
      throw invalidData([
        {
          code: 'INVALID_VALUE',
          target: 'type',
          message: `The built-in resource ${String(existing.name)} cannot be deleted.`,
        },
      ]);
    }
    return generic.delete(context);
  },
  createResourceScope: (context) => generic.create(context, withResource(context)),
  replaceResourceScope: (context) => generic.replace(context, withResource(context)),
  createResourceAttribute: (context) => generic.create(context, { ...withResource(context), type: 'CUSTOM' }),
  replaceResourceAttribute: (context) => {
    const existing = requireItem(context);
    return generic.replace(context, { ...withResource(context), type: existing.type ?? 'CUSTOM' });
  },
  deleteResourceAttribute: (context) => {
    const existing = requireItem(context);
    if (existing.type === 'CORE' || existing.type === 'PREDEFINED') {
      throw invalidData([
        {
          code: 'INVALID_VALUE',
          target: 'type',
          message: `${String(existing.type)} attributes cannot be deleted.`,
        },
      ]);
    }
    return generic.delete(context);
  },
  getResourceSecret: (context) => secretReply(context, resourceKey(context), 'resource'),
  rotateResourceSecret: (context) => rotateSecret(context, resourceKey(context), 'resource'),
  deletePreviousResourceSecret: (context) => deletePreviousSecret(context, resourceKey(context), 'resource'),
  createApplicationResource: (context) => generic.create(context, withParent(context)),
  replaceApplicationResource: (context) => generic.replace(context, withParent(context)),
};

function createResource(context: BehaviourContext): Reply {
  ensureBuiltIns(context);
  const { clientSecret, ...body } = asObject(context.body);
  const reply = generic.create(context, {
    audience: body.name,
    accessTokenValiditySeconds: 3600,
    introspectEndpointAuthMethod: 'CLIENT_SECRET_BASIC',
    applicationPermissionsSettings: { claimEnabled: false },
    ...body,
    type: 'CUSTOM',
  });
  const resourceId = (reply.body as { id: string }).id;
  const key = `${context.location.key}/${resourceId}`;
  setSecret(context.store, key, typeof clientSecret === 'string' ? clientSecret : generateSecret());
  // Every custom resource's tokens carry `sub`, a CORE attribute that cannot be removed.
  const attributes = `${key}/attributes`;
  const attributeId = randomUUID();
  context.store.putItem(
    attributes,
    attributeId,
    newResource(context.services.apiUrl, context.environmentId, attributes, attributeId, {
      resource: { id: resourceId },
      name: 'sub',
      value: '${user.id}',
      type: 'CORE',
    }),
  );
  return reply;
}

function ensureBuiltIns(context: BehaviourContext): void {
  ensureBuiltInResources(context.store, context.services.apiUrl, context.environmentId ?? '');
}

function withResource(context: BehaviourContext): Record<string, unknown> {
  return { ...asObject(context.body), resource: { id: context.pathParameters.resourceId } };
}

function withParent(context: BehaviourContext): Record<string, unknown> {
  return {
    ...asObject(context.body),
    parent: { type: 'PING_ONE_RESOURCE', id: context.pathParameters.resourceId },
  };
}

/** `/environments/<id>/resources/<id>` of a sub-resource URL. */
function resourceKey(context: BehaviourContext): string {
  return `/${context.location.segments.slice(0, 4).join('/')}`;
}

function asObject(body: unknown): Record<string, unknown> {
  return isObject(body) ? body : {};
}
