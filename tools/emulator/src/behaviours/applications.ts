import { randomUUID } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { ApiError, invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { ensureBuiltInResources } from './built-in-resources.js';
import {
  deletePreviousSecret,
  generateSecret,
  hasSecret,
  rotateSecret,
  secretReply,
  setSecret,
} from './client-secret.js';
import { generic, newResource, readPath, requireItem } from './generic.js';

/**
 * Applications beyond CRUD: protocol defaults, a client secret for confidential OpenID Connect clients
 * (read, rotated with a grace period, and honoured by the auth host's token endpoint), the core `sub`
 * mapping, and sub-resources that must point at things that exist (grants, sign-on policies).
 */
export const applicationBehaviours: BehaviourFamily = {
  createApplication: createApplication,
  replaceApplication: replaceApplication,
  getApplicationSecret: (context) => {
    // PingOne: "a worker app cannot read its own application secret".
    if (context.pathParameters.applicationId === context.caller.clientId) {
      throw new ApiError(403, 'ACCESS_FAILED', 'An application cannot read its own secret.', [
        { code: 'INSUFFICIENT_PERMISSIONS', message: 'An application cannot read its own secret.' },
      ]);
    }
    return secretReply(context, applicationKey(context), 'application');
  },
  rotateApplicationSecret: (context) => rotateSecret(context, applicationKey(context), 'application'),
  deletePreviousApplicationSecret: (context) =>
    deletePreviousSecret(context, applicationKey(context), 'application'),
  createApplicationGrant: (context) => generic.create(context, grantBody(context)),
  replaceApplicationGrant: (context) => generic.replace(context, grantBody(context)),
  createApplicationSignOnPolicyAssignment: (context) =>
    generic.create(context, policyAssignmentBody(context)),
  replaceApplicationSignOnPolicyAssignment: (context) =>
    generic.replace(context, policyAssignmentBody(context)),
  createApplicationFlowPolicyAssignment: (context) => generic.create(context, withApplication(context)),
  replaceApplicationFlowPolicyAssignment: (context) => generic.replace(context, withApplication(context)),
  createApplicationAttributeMapping: createAttributeMapping,
  replaceApplicationAttributeMapping: (context) => {
    const existing = requireItem(context);
    return generic.replace(context, {
      ...withApplication(context),
      mappingType: existing.mappingType ?? 'CUSTOM',
    });
  },
  deleteApplicationAttributeMapping: (context) => {
    const existing = requireItem(context);
    if (existing.mappingType === 'CORE' || existing.mappingType === 'SCOPE') {
      throw invalidData([
        {
          code: 'INVALID_VALUE',
          target: 'mappingType',
          message: `${String(existing.mappingType)} attribute mappings cannot be deleted.`,
        },
      ]);
    }
    return generic.delete(context);
  },
};

/** Authentication methods that prove the client with a shared secret; NONE and PRIVATE_KEY_JWT do not. */
const secretMethods = new Set(['CLIENT_SECRET_BASIC', 'CLIENT_SECRET_POST', 'CLIENT_SECRET_JWT']);

/** Claims PingOne keeps for itself in OpenID Connect tokens. */
const reservedClaims = new Set([
  'sub',
  'aud',
  'iss',
  'exp',
  'iat',
  'nonce',
  'acr',
  'amr',
  'scope',
  'sid',
  'auth_time',
  'at_hash',
  'c_hash',
  'jti',
  'nbf',
  'client_id',
  'env',
  'org',
]);

/** Fields only a request may carry: never stored, never answered. */
const requestOnly = ['clientSecret', 'assignActorRoles'] as const;

function createApplication(context: BehaviourContext): Reply {
  const requested = asObject(context.body);
  assertUniqueEntityId(context, requested, undefined);
  const reply = generic.create(context, { ...protocolDefaults(requested), ...storable(requested) });
  const created = reply.body as Resource;
  const key = `${context.location.key}/${created.id as string}`;
  if (needsSecret(created)) {
    const given = requested.clientSecret;
    setSecret(context.store, key, typeof given === 'string' ? given : generateSecret());
  }
  if (created.protocol === 'OPENID_CONNECT') addCoreSubjectMapping(context, key);
  if (requested.assignActorRoles === true) copyCallerRoles(context, key);
  return reply;
}

function replaceApplication(context: BehaviourContext): Reply {
  const existing = requireItem(context);
  const requested = asObject(context.body);
  if (requested.protocol !== existing.protocol) {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'protocol',
        message: `The protocol of an application cannot change (it is ${String(existing.protocol)}).`,
      },
    ]);
  }
  assertUniqueEntityId(context, requested, existing.id as string);
  const reply = generic.replace(context, storable(requested));
  if (needsSecret(reply.body as Resource) && !hasSecret(context.store, context.location.key)) {
    setSecret(context.store, context.location.key, generateSecret());
  }
  return reply;
}

/** PingOne's defaults per protocol (the spec's `default` values); the request overrides them. */
function protocolDefaults(body: Record<string, unknown>): Resource {
  switch (body.protocol) {
    case 'OPENID_CONNECT': {
      const grants = Array.isArray(body.grantTypes) ? body.grantTypes : [];
      return {
        pkceEnforcement: 'OPTIONAL',
        parRequirement: 'OPTIONAL',
        parTimeout: 60,
        ...(grants.includes('REFRESH_TOKEN') ? { refreshTokenDuration: 2_592_000 } : {}),
        ...(grants.includes('DEVICE_CODE') ? { deviceTimeout: 600, devicePollingInterval: 5 } : {}),
      };
    }
    case 'SAML':
      return { assertionSigned: true, responseSigned: false, sloBinding: 'HTTP_POST' };
    case 'WS_FED':
      return { audienceRestriction: 'urn:federation:MicrosoftOnline', assertionDuration: 300 };
    default:
      return {};
  }
}

function storable(body: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...body };
  for (const field of requestOnly) delete copy[field];
  return copy;
}

function needsSecret(application: Resource): boolean {
  return (
    application.protocol === 'OPENID_CONNECT' &&
    typeof application.tokenEndpointAuthMethod === 'string' &&
    secretMethods.has(application.tokenEndpointAuthMethod)
  );
}

/** A SAML service provider's entity id is unique in the environment. */
function assertUniqueEntityId(
  context: BehaviourContext,
  body: Record<string, unknown>,
  ownId: string | undefined,
): void {
  if (body.protocol !== 'SAML' || typeof body.spEntityId !== 'string') return;
  const collectionKey = context.location.collectionKey ?? context.location.key;
  for (const other of context.store.items(collectionKey).values()) {
    if (other.id !== ownId && other.protocol === 'SAML' && other.spEntityId === body.spEntityId) {
      throw invalidData([
        {
          code: 'UNIQUENESS_VIOLATION',
          target: 'spEntityId',
          message: `spEntityId must be unique; another application already has ${body.spEntityId}.`,
        },
      ]);
    }
  }
}

/** OpenID Connect applications come with a CORE `sub` mapping that can be changed but not deleted. */
function addCoreSubjectMapping(context: BehaviourContext, key: string): void {
  const collectionKey = `${key}/attributes`;
  const id = randomUUID();
  const applicationId = key.slice(key.lastIndexOf('/') + 1);
  context.store.putItem(
    collectionKey,
    id,
    newResource(context.services.apiUrl, context.environmentId, collectionKey, id, {
      application: { id: applicationId },
      name: 'sub',
      value: '${user.id}',
      required: true,
      mappingType: 'CORE',
      idToken: true,
      userInfo: true,
    }),
  );
}

/** `assignActorRoles`: the new application gets the role assignments of the application creating it. */
function copyCallerRoles(context: BehaviourContext, key: string): void {
  const { caller, store, services } = context;
  const source = `/environments/${caller.environmentId}/applications/${caller.clientId}/roleAssignments`;
  const target = `${key}/roleAssignments`;
  for (const assignment of store.items(source).values()) {
    const id = randomUUID();
    store.putItem(
      target,
      id,
      newResource(services.apiUrl, context.environmentId, target, id, {
        role: assignment.role,
        scope: assignment.scope,
        readOnly: false,
      }),
    );
  }
}

function createAttributeMapping(context: BehaviourContext): Reply {
  const body = asObject(context.body);
  const application = context.store.getItem(
    `/environments/${context.environmentId ?? ''}/applications`,
    context.pathParameters.applicationId ?? '',
  );
  const name = typeof body.name === 'string' ? body.name : '';
  if (application?.protocol === 'OPENID_CONNECT' && reservedClaims.has(name)) {
    throw invalidData([
      { code: 'INVALID_VALUE', target: 'name', message: `The claim ${name} is reserved by PingOne.` },
    ]);
  }
  if (application?.protocol === 'SAML' && name === 'samlAssertion.subject') {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'name',
        message: 'samlAssertion.subject is reserved for the subject.',
      },
    ]);
  }
  const defaults = application?.protocol === 'OPENID_CONNECT' ? { idToken: true, userInfo: true } : {};
  return generic.create(context, { ...defaults, ...withApplication(context), mappingType: 'CUSTOM' });
}

/** A grant names an existing resource of the environment and only scopes of that resource. */
function grantBody(context: BehaviourContext): Record<string, unknown> {
  const body = withApplication(context);
  const environmentId = context.environmentId ?? '';
  ensureBuiltInResources(context.store, context.services.apiUrl, environmentId);
  const resourceId = String(readPath(body, 'resource.id') ?? '');
  const resources = `/environments/${environmentId}/resources`;
  if (!context.store.getItem(resources, resourceId)) {
    throw invalidData([
      { code: 'INVALID_VALUE', target: 'resource.id', message: `No resource with ID ${resourceId} exists.` },
    ]);
  }
  const scopes = Array.isArray(body.scopes) ? body.scopes : [];
  scopes.forEach((scope: unknown, index) => {
    const scopeId = isObject(scope) ? String(scope.id ?? '') : '';
    if (!context.store.getItem(`${resources}/${resourceId}/scopes`, scopeId)) {
      throw invalidData([
        {
          code: 'INVALID_VALUE',
          target: `scopes[${index}].id`,
          message: `The resource ${resourceId} has no scope with ID ${scopeId}.`,
        },
      ]);
    }
  });
  return body;
}

/** A sign-on policy assignment names an existing sign-on policy of the environment. */
function policyAssignmentBody(context: BehaviourContext): Record<string, unknown> {
  const body = withApplication(context);
  const policyId = String(readPath(body, 'signOnPolicy.id') ?? '');
  if (!context.store.getItem(`/environments/${context.environmentId ?? ''}/signOnPolicies`, policyId)) {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'signOnPolicy.id',
        message: `No sign-on policy with ID ${policyId} exists.`,
      },
    ]);
  }
  return body;
}

function withApplication(context: BehaviourContext): Record<string, unknown> {
  return { ...asObject(context.body), application: { id: context.pathParameters.applicationId } };
}

/** `/environments/<id>/applications/<id>` of a sub-resource URL. */
function applicationKey(context: BehaviourContext): string {
  return `/${context.location.segments.slice(0, 4).join('/')}`;
}

function asObject(body: unknown): Record<string, unknown> {
  return isObject(body) ? body : {};
}
