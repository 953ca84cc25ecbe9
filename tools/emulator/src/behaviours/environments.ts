import { randomUUID } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { invalidData, notFound } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource, Store } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic, newResource, requireItem } from './generic.js';
import { environmentsOnLicense, findLicense } from './organizations.js';

const environments = '/environments';

/** How long a soft-deleted production environment can be restored; the emulator's choice, PingOne does not document it. */
const restoreWindowMs = 30 * 24 * 60 * 60 * 1000;

/** PingOne's display names of the products a bill of materials can hold. */
const productNames: Readonly<Record<string, string>> = {
  PING_ONE_BASE: 'PingOne Base',
  PING_ONE_MFA: 'PingOne MFA',
  PING_ONE_RISK: 'PingOne Protect',
  PING_ONE_VERIFY: 'PingOne Verify',
  PING_ONE_CREDENTIALS: 'PingOne Credentials',
  PING_ONE_DAVINCI: 'PingOne DaVinci',
  PING_ONE_AUTHORIZE: 'PingOne Authorize',
  PING_ONE_FRAUD: 'PingOne Fraud',
  PING_ONE_PROVISIONING: 'PingOne Provisioning',
  PING_FEDERATE: 'PingFederate',
  PING_ACCESS: 'PingAccess',
  PING_DIRECTORY: 'PingDirectory',
  PING_ID: 'PingID',
};

/** Environment regions are `NA`…, license regions spell North America out. */
const licenseRegion = (region: string) => (region === 'NA' ? 'NORTH_AMERICA' : region);

/**
 * Environments beyond CRUD: the license decides what may be created (region, production), the bill
 * of materials lives beside the environment, production environments are soft-deleted, and the
 * capabilities answer follows from the license and the bill of materials.
 */
export const environmentBehaviours: BehaviourFamily = {
  listEnvironments: listEnvironments,
  createEnvironment: createEnvironment,
  replaceEnvironment: replaceEnvironment,
  deleteEnvironment: deleteEnvironment,
  setEnvironmentType: setType,
  setEnvironmentStatus: setStatus,
  getBillOfMaterials: (context) => ({
    status: 200,
    body: billOfMaterials(context.store, environmentIdOf(context)) ?? {},
  }),
  replaceBillOfMaterials: replaceBillOfMaterials,
  getEnvironmentCapabilities: capabilities,
};

/** The bill of materials every seeded environment starts with: the Customer solution's base and MFA. */
export function seedBillOfMaterials(store: Store, apiUrl: string, environmentId: string): void {
  storeBillOfMaterials(store, apiUrl, environmentId, {
    solutionType: 'CUSTOMER',
    products: [{ type: 'PING_ONE_BASE' }, { type: 'PING_ONE_MFA' }],
  });
}

function listEnvironments(context: BehaviourContext): Reply {
  const reply = generic.list(context);
  if (context.query.expand !== 'billOfMaterials' || !isObject(reply.body)) return reply;
  const embedded = reply.body._embedded as { environments: Resource[] };
  embedded.environments = embedded.environments.map((item) => ({
    ...item,
    billOfMaterials: billOfMaterials(context.store, item.id as string),
  }));
  return reply;
}

function createEnvironment(context: BehaviourContext): Reply {
  const { billOfMaterials: requested, ...body } = isObject(context.body) ? context.body : {};
  const license = assertLicense(context, body);
  const reply = generic.create(context, {
    ...body,
    organization: license.organization,
    status: 'ACTIVE',
  });
  const created = reply.body as Resource;
  const environmentId = created.id as string;
  // Like PingOne, a new environment has a default population for users created without one.
  const populations = `${environments}/${environmentId}/populations`;
  const populationId = randomUUID();
  context.store.putItem(
    populations,
    populationId,
    newResource(context.services.apiUrl, environmentId, populations, populationId, {
      name: 'Default',
      description: 'The population users join when none is given.',
      default: true,
    }),
  );
  const bom = storeBillOfMaterials(
    context.store,
    context.services.apiUrl,
    environmentId,
    isObject(requested) ? requested : { solutionType: 'CUSTOMER', products: [{ type: 'PING_ONE_BASE' }] },
  );
  return { ...reply, body: { ...created, billOfMaterials: bom } };
}

function replaceEnvironment(context: BehaviourContext): Reply {
  const existing = requireItem(context);
  const { billOfMaterials: requested, ...body } = isObject(context.body) ? context.body : {};
  if (body.region !== existing.region) {
    throw invalidData([
      { code: 'INVALID_VALUE', target: 'region', message: "An environment's region cannot change." },
    ]);
  }
  if (body.type !== existing.type) {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'type',
        message: 'Change the type with setEnvironmentType (PUT …/type).',
      },
    ]);
  }
  assertLicense(context, body);
  const reply = generic.replace(context, {
    ...body,
    organization: existing.organization,
    status: existing.status,
    ...serverDates(existing),
  });
  if (isObject(requested)) {
    storeBillOfMaterials(context.store, context.services.apiUrl, existing.id as string, requested);
  }
  return reply;
}

/** A sandbox goes at once; production is soft-deleted first and only removed after its restore window. */
function deleteEnvironment(context: BehaviourContext): Reply {
  const existing = requireItem(context);
  if (existing.type !== 'PRODUCTION') return generic.delete(context);
  if (existing.status !== 'DELETE_PENDING') {
    softDelete(context, existing);
    return { status: 204 };
  }
  if (Date.parse(String(existing.hardDeletedAllowedAt)) > Date.now()) {
    throw invalidData([
      {
        code: 'CONSTRAINT_VIOLATION',
        target: 'status',
        message: `The environment is already deleted and can be removed for good from ${String(existing.hardDeletedAllowedAt)}.`,
      },
    ]);
  }
  return generic.delete(context);
}

function setType(context: BehaviourContext): Reply {
  const existing = requireEnvironment(context);
  const type = isObject(context.body) ? context.body.type : undefined;
  if (type === 'PRODUCTION') {
    const license = findLicense(context.store, licenseIdOf(existing) ?? '');
    if (!isObject(license?.environments) || license.environments.allowProduction !== true) {
      throw invalidData([
        {
          code: 'INVALID_VALUE',
          target: 'type',
          message: "The environment's license does not allow production environments.",
        },
      ]);
    }
  }
  return saveEnvironment(context, { ...existing, type });
}

function setStatus(context: BehaviourContext): Reply {
  const existing = requireEnvironment(context);
  const status = isObject(context.body) ? context.body.status : undefined;
  if (status === existing.status) return { status: 200, body: existing };
  if (status === 'DELETE_PENDING') {
    if (existing.type !== 'PRODUCTION') {
      throw invalidData([
        {
          code: 'INVALID_VALUE',
          target: 'status',
          message: 'Only production environments can be soft-deleted; delete a sandbox instead.',
        },
      ]);
    }
    return { status: 200, body: softDelete(context, existing) };
  }
  const { softDeletedAt: _deleted, hardDeletedAllowedAt: _allowed, ...restored } = existing;
  return saveEnvironment(context, { ...restored, status });
}

function replaceBillOfMaterials(context: BehaviourContext): Reply {
  const environmentId = requireEnvironment(context).id as string;
  const requested = isObject(context.body) ? context.body : {};
  return {
    status: 200,
    body: storeBillOfMaterials(context.store, context.services.apiUrl, environmentId, requested),
  };
}

/** What the environment can do follows from its license and the products in its bill of materials. */
function capabilities(context: BehaviourContext): Reply {
  const existing = requireEnvironment(context);
  const license = findLicense(context.store, licenseIdOf(existing) ?? '');
  const users = isObject(license?.users) ? license.users : {};
  const products = new Set(
    (billOfMaterials(context.store, existing.id as string)?.products as Resource[] | undefined)?.map(
      (product) => product.type,
    ),
  );
  return {
    status: 200,
    body: {
      canAddResources: true,
      canAssignUsersRoles: users.allowRoleAssignment === true,
      canContactSupport: users.entitledToSupport === true,
      canCreateConnections: true,
      canUseCredentials: products.has('PING_ONE_CREDENTIALS'),
      canUseCredentialsPushNotifications: products.has('PING_ONE_CREDENTIALS'),
      canUseCustomSchema: true,
      canUseDaVinciAdminPortal: products.has('PING_ONE_DAVINCI'),
      canUseMfa: products.has('PING_ONE_MFA'),
      canUseVerify: products.has('PING_ONE_VERIFY'),
      canUseRisk: products.has('PING_ONE_RISK'),
      canUsePasswordPolicy: users.allowPasswordPolicy === true,
      canUseIdentityProviders: users.allowIdentityProviders === true,
    },
  };
}

/** The license a create or replace names must exist, be active, and allow the region and type. */
function assertLicense(context: BehaviourContext, body: Record<string, unknown>): Resource {
  const licenseId = licenseIdOf(body) ?? '';
  const license = findLicense(context.store, licenseId);
  const refuse = (message: string) => invalidData([{ code: 'INVALID_VALUE', target: 'license.id', message }]);
  if (!license) throw refuse(`No license with ID ${licenseId} exists in the organization.`);
  if (license.status !== 'ACTIVE') throw refuse(`The license ${licenseId} is ${String(license.status)}.`);
  const allowed = isObject(license.environments) ? license.environments : {};
  if (Array.isArray(allowed.regions) && !allowed.regions.includes(licenseRegion(String(body.region)))) {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'region',
        message: `The license does not allow the region ${String(body.region)}.`,
      },
    ]);
  }
  if (body.type === 'PRODUCTION' && allowed.allowProduction !== true) {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'type',
        message: 'The license does not allow production environments.',
      },
    ]);
  }
  const onLicense = environmentsOnLicense(context.store, licenseId).filter(
    (other) => other.id !== context.location.itemId,
  );
  if (typeof allowed.max === 'number' && onLicense.length >= allowed.max) {
    throw invalidData([
      {
        code: 'SIZE_LIMIT_EXCEEDED',
        target: 'license.id',
        message: `The license allows at most ${allowed.max} environments.`,
      },
    ]);
  }
  return license;
}

function softDelete(context: BehaviourContext, existing: Resource): Resource {
  const now = Date.now();
  return saveEnvironment(context, {
    ...existing,
    status: 'DELETE_PENDING',
    softDeletedAt: new Date(now).toISOString(),
    hardDeletedAllowedAt: new Date(now + restoreWindowMs).toISOString(),
  }).body as Resource;
}

function saveEnvironment(context: BehaviourContext, resource: Resource): Reply {
  const updated: Resource = { ...resource, updatedAt: new Date().toISOString() };
  context.store.putItem(environments, updated.id as string, updated);
  return { status: 200, body: updated };
}

function storeBillOfMaterials(
  store: Store,
  apiUrl: string,
  environmentId: string,
  requested: Record<string, unknown>,
): Resource {
  const key = `${environments}/${environmentId}/billOfMaterials`;
  const now = new Date().toISOString();
  const products = (Array.isArray(requested.products) ? requested.products : []).filter(isObject);
  const types = products.map((product) => product.type);
  const duplicate = types.find((type, index) => types.indexOf(type) !== index);
  if (duplicate !== undefined) {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'products',
        message: `The product ${String(duplicate)} is listed twice.`,
      },
    ]);
  }
  const bom: Resource = {
    _links: {
      self: { href: `${apiUrl}${key}` },
      environment: { href: `${apiUrl}${environments}/${environmentId}` },
    },
    ...(requested.solutionType !== undefined ? { solutionType: requested.solutionType } : {}),
    products: products.map((product) => ({
      ...product,
      id: randomUUID(),
      description: productNames[String(product.type)] ?? String(product.type),
    })),
    createdAt: store.getSingleton(key)?.createdAt ?? now,
    updatedAt: now,
  };
  store.setSingleton(key, bom);
  return bom;
}

function billOfMaterials(store: Store, environmentId: string): Resource | undefined {
  return store.getSingleton(`${environments}/${environmentId}/billOfMaterials`);
}

function requireEnvironment(context: BehaviourContext): Resource {
  const id = environmentIdOf(context);
  const found = context.store.getItem(environments, id);
  if (!found) throw notFound(`Unable to find environment with ID ${id}.`);
  return found;
}

function environmentIdOf(context: BehaviourContext): string {
  return context.pathParameters.environmentId ?? '';
}

function licenseIdOf(resource: Record<string, unknown>): string | undefined {
  return isObject(resource.license) && typeof resource.license.id === 'string'
    ? resource.license.id
    : undefined;
}

function serverDates(existing: Resource): Resource {
  const dates: Resource = {};
  for (const field of ['softDeletedAt', 'hardDeletedAllowedAt'] as const) {
    if (existing[field] !== undefined) dates[field] = existing[field];
  }
  return dates;
}
