import { randomUUID } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { invalidData, notFound } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic, newResource, requireItem } from './generic.js';

type Seed = [name: string, schemaType: 'CORE' | 'STANDARD', type: string, extra?: Resource];
const text = (name: string): Resource => ({ name, type: 'STRING', enabled: true });

/** A subset of PingOne's User attributes, enough for the rules below to show. */
const userAttributes: readonly Seed[] = [
  ['username', 'CORE', 'STRING', { required: true, unique: true }],
  ['population', 'CORE', 'COMPLEX', { required: true }],
  ['email', 'STANDARD', 'STRING'],
  ['name', 'STANDARD', 'COMPLEX', { subAttributes: ['given', 'middle', 'family', 'formatted'].map(text) }],
  ['title', 'STANDARD', 'STRING'],
  ['mobilePhone', 'STANDARD', 'STRING'],
  ['locale', 'STANDARD', 'STRING'],
  ['externalId', 'STANDARD', 'STRING'],
];

/** Fields a standard attribute may change; core attributes change nothing. */
const standardChanges = new Set(['displayName', 'description', 'enabled']);

/**
 * The directory schema: every environment has the `User` schema with PingOne's core and standard
 * attributes (seeded on first use); only custom attributes can be added, replaced or deleted, and
 * their type is fixed once created.
 */
export const schemaBehaviours: BehaviourFamily = {
  listSchemas: (context) => withUserSchema(context, generic.list),
  getSchema: (context) =>
    withUserSchema(context, (inner) => {
      const reply = generic.read(inner);
      const items = [...inner.store.items(`${inner.location.key}/attributes`).values()];
      return { ...reply, body: { ...(reply.body as Resource), attributes: items } };
    }),
  listSchemaAttributes: (context) => withUserSchema(context, generic.list),
  getSchemaAttribute: (context) => withUserSchema(context, generic.read),
  createSchemaAttribute: (context) => withUserSchema(context, createAttribute),
  updateSchemaAttribute: (context) => withUserSchema(context, updateAttribute),
  replaceSchemaAttribute: (context) => withUserSchema(context, replaceAttribute),
  deleteSchemaAttribute: (context) =>
    withUserSchema(context, (inner) => {
      requireCustom(requireItem(inner), 'deleted');
      return generic.delete(inner);
    }),
};

function withUserSchema(context: BehaviourContext, next: (context: BehaviourContext) => Reply): Reply {
  const key = `/environments/${context.environmentId ?? ''}/schemas`;
  if (context.store.items(key).size === 0) {
    const { apiUrl } = context.services;
    const schemaId = randomUUID();
    const body = { name: 'User', allowsContainsOperator: true };
    context.store.putItem(key, schemaId, newResource(apiUrl, context.environmentId, key, schemaId, body));
    const attributesKey = `${key}/${schemaId}/attributes`;
    for (const [name, schemaType, type, extra] of userAttributes) {
      const id = randomUUID();
      const seeded = { name, schemaType, type, enabled: true, schema: { id: schemaId }, ...extra };
      context.store.putItem(
        attributesKey,
        id,
        newResource(apiUrl, context.environmentId, attributesKey, id, seeded),
      );
    }
  }
  const schemaId = context.pathParameters.schemaId;
  if (schemaId !== undefined && !context.store.getItem(key, schemaId)) {
    throw notFound(`Unable to find schema with ID ${schemaId}.`);
  }
  return next(context);
}

function createAttribute(context: BehaviourContext): Reply {
  const body = asObject(context.body);
  const type = body.type ?? 'STRING';
  if (type === 'COMPLEX') {
    throw invalidData([
      { code: 'INVALID_VALUE', target: 'type', message: 'Custom attributes are STRING, JSON or BOOLEAN.' },
    ]);
  }
  return generic.create(context, { ...body, type, schemaType: 'CUSTOM', schema: owner(context) });
}

function updateAttribute(context: BehaviourContext): Reply {
  const existing = requireItem(context);
  const body = asObject(context.body);
  if (existing.schemaType === 'CORE') requireCustom(existing, 'changed');
  if (existing.schemaType === 'STANDARD') {
    const refused = Object.keys(body).find((field) => !standardChanges.has(field));
    if (refused !== undefined) {
      throw invalidData([
        {
          code: 'INVALID_VALUE',
          target: refused,
          message: `${refused} of a standard attribute cannot change.`,
        },
      ]);
    }
  }
  return generic.update(context);
}

function replaceAttribute(context: BehaviourContext): Reply {
  const existing = requireItem(context);
  requireCustom(existing, 'replaced');
  const body = asObject(context.body);
  if ((body.type ?? 'STRING') !== existing.type) {
    throw invalidData([
      { code: 'INVALID_VALUE', target: 'type', message: 'The type of an attribute cannot change.' },
    ]);
  }
  return generic.replace(context, {
    ...body,
    type: existing.type,
    schemaType: 'CUSTOM',
    schema: owner(context),
  });
}

function requireCustom(existing: Resource, verb: string): void {
  if (existing.schemaType !== 'CUSTOM') {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'schemaType',
        message: `${String(existing.schemaType)} attribute ${String(existing.name)} cannot be ${verb}.`,
      },
    ]);
  }
}

function owner(context: BehaviourContext): Resource {
  return { id: context.pathParameters.schemaId };
}

function asObject(body: unknown): Resource {
  return isObject(body) ? body : {};
}
