import { isObject } from '@pingone-sdk/openapi';
import { invalidData, notFound } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource, Store } from '../state/store.js';
import { activeIdentityPeriods } from './active-identity-periods.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { withCollection } from './collection-view.js';
import { generic, newResource } from './generic.js';

const organizations = '/organizations';

/** The organization that owns every emulated environment; fixed so that seeds and tests can name it. */
export const emulatorOrganizationId = '00000000-0000-4000-8000-000000000000';
/** The active license every seeded environment runs under. */
export const emulatorLicenseId = '00000000-0000-4000-8000-00000000000a';
/** An expired trial license, so that license filters and ordering have something to tell apart. */
export const expiredTrialLicenseId = '00000000-0000-4000-8000-00000000000b';

/**
 * Organizations and licenses are Ping Identity's records, not the customer's: the API only reads
 * them (and renames a license). The emulator seeds one organization with an active license and an
 * expired trial, consistent with the seeded environment.
 */
export const organizationBehaviours: BehaviourFamily = {
  getOrganizationCapabilities: organizationCapabilities,
  listLicenses: listLicenses,
  getLicense: (context) => ({ status: 200, body: requireLicense(context) }),
  getLicenseName: (context) => licenseName(requireLicense(context)),
  replaceLicenseName: renameLicense,
  listLicenseActiveIdentityCounts: activeIdentityCounts,
};

/** Creates the organization and its licenses (idempotent: several seeds share one organization). */
export function seedOrganization(store: Store, apiUrl: string): void {
  if (store.getItem(organizations, emulatorOrganizationId)) return;
  const org = newResource(apiUrl, undefined, organizations, emulatorOrganizationId, {
    name: 'Emulator Organization',
    description: 'The organization that owns the environments served by the PingOne emulator.',
    type: 'TRIAL',
    billingConnections: [],
  });
  org._links = {
    self: { href: `${apiUrl}${organizations}/${emulatorOrganizationId}` },
    licenses: { href: `${apiUrl}${organizations}/${emulatorOrganizationId}/licenses` },
  };
  store.putItem(organizations, emulatorOrganizationId, org);
  const licensesKey = `${organizations}/${emulatorOrganizationId}/licenses`;
  const common = { organization: { id: emulatorOrganizationId }, package: 'GLOBAL' };
  // Ordered by `beginsAt`, oldest first: the order `listLicenses` answers without `order`.
  store.putItem(
    licensesKey,
    expiredTrialLicenseId,
    newResource(apiUrl, undefined, licensesKey, expiredTrialLicenseId, {
      ...common,
      name: 'Expired trial',
      package: 'TRIAL',
      status: 'EXPIRED',
      beginsAt: '2023-01-01T00:00:00.000Z',
      expiresAt: '2023-03-01T00:00:00.000Z',
      assignedEnvironmentsCount: 0,
      environments: { allowProduction: false, max: 1, regions: ['NORTH_AMERICA'] },
      users: { max: 100, allowPasswordPolicy: true, allowRoleAssignment: true },
      replacedByLicense: { id: emulatorLicenseId },
    }),
  );
  store.putItem(
    licensesKey,
    emulatorLicenseId,
    newResource(apiUrl, undefined, licensesKey, emulatorLicenseId, {
      ...common,
      name: 'Emulator license',
      status: 'ACTIVE',
      beginsAt: '2024-01-01T00:00:00.000Z',
      expiresAt: '2099-12-31T23:59:59.000Z',
      assignedEnvironmentsCount: 1,
      environments: {
        allowProduction: true,
        max: 20,
        regions: ['AP', 'AU', 'CA', 'EU', 'NORTH_AMERICA', 'SG'],
      },
      mfa: {
        allowPushNotification: true,
        allowFido2Devices: true,
        allowSmsOtp: true,
        allowEmailOtp: true,
        allowTotp: true,
      },
      users: {
        max: 100_000,
        allowPasswordManagement: true,
        allowPasswordPolicy: true,
        allowRoleAssignment: true,
        allowIdentityProviders: true,
        allowMyAccount: true,
        allowUpdateSelf: true,
        allowVerificationFlow: true,
        entitledToSupport: false,
      },
      replacesLicense: { id: expiredTrialLicenseId },
    }),
  );
}

/** The license an environment may be given: it must exist in the organization and not be over. */
export function findLicense(store: Store, licenseId: string): Resource | undefined {
  for (const id of store.items(organizations).keys()) {
    const found = store.getItem(`${organizations}/${id}/licenses`, licenseId);
    if (found) return found;
  }
  return undefined;
}

/** Environments (across the emulator) that run under a license. */
export function environmentsOnLicense(store: Store, licenseId: string): Resource[] {
  return [...store.items('/environments').values()].filter(
    (environment) => isObject(environment.license) && environment.license.id === licenseId,
  );
}

function organizationCapabilities(context: BehaviourContext): Reply {
  const org = requireOrganization(context);
  const licensesOfOrg = [...context.store.items(`${organizations}/${org.id as string}/licenses`).values()];
  const active = licensesOfOrg.filter((candidate) => candidate.status === 'ACTIVE');
  const canCreateEnvironment = active.some((candidate) => {
    const max = isObject(candidate.environments) ? candidate.environments.max : undefined;
    return (
      typeof max !== 'number' || environmentsOnLicense(context.store, candidate.id as string).length < max
    );
  });
  return {
    status: 200,
    body: {
      organizationId: org.id,
      canCreateEnvironment,
      canContactSupport: false,
      canCreateEphemeralTrialLicenses: false,
      canUsePlatform: active.length > 0,
      assignableLicenses: active.map((candidate) => {
        const environments = isObject(candidate.environments) ? candidate.environments : {};
        return {
          id: candidate.id,
          name: candidate.name,
          allowProduction: environments.allowProduction === true,
          beginsAt: candidate.beginsAt,
          expiresAt: candidate.expiresAt,
          supportedRegions: Array.isArray(environments.regions) ? environments.regions : [],
        };
      }),
    },
  };
}

/** `order=beginsAt|-beginsAt`: the seeded licenses are stored oldest first, so newest first reverses them. */
function listLicenses(context: BehaviourContext): Reply {
  requireOrganization(context);
  const order = typeof context.query.order === 'string' ? context.query.order : undefined;
  if (order !== undefined && order !== 'beginsAt' && order !== '-beginsAt') {
    throw invalidData([
      { code: 'INVALID_VALUE', target: 'order', message: 'order must be beginsAt or -beginsAt.' },
    ]);
  }
  if (order !== '-beginsAt') return generic.list(context);
  const key = context.location.key;
  return generic.list(withCollection(context, key, new Map([...context.store.items(key)].reverse())));
}

function renameLicense(context: BehaviourContext): Reply {
  const existing = requireLicense(context);
  const name = isObject(context.body) ? context.body.name : undefined;
  if (typeof name !== 'string' || name.trim() === '') {
    throw invalidData([{ code: 'REQUIRED_VALUE', target: 'name', message: 'name is required.' }]);
  }
  const renamed = { ...existing, name, updatedAt: new Date().toISOString() };
  context.store.putItem(licenseCollectionKey(context), existing.id as string, renamed);
  return licenseName(renamed);
}

function licenseName(found: Resource): Reply {
  return { status: 200, body: { name: found.name } };
}

/**
 * One count per calendar month (or license year) from the license's start until now, newest last
 * unless `order=-startDate`. The emulator has no sign-on history beyond its users' `lastSignOn`, so a
 * period counts the users of the license's environments who last signed on within it.
 */
function activeIdentityCounts(context: BehaviourContext): Reply {
  const found = requireLicense(context);
  const byYear = context.query.aggregatedBy === 'licenseYear';
  const start = new Date(String(found.beginsAt ?? new Date().toISOString()));
  const now = new Date();
  const end =
    found.expiresAt && new Date(String(found.expiresAt)) < now ? new Date(String(found.expiresAt)) : now;
  const users = environmentsOnLicense(context.store, found.id as string).flatMap((environment) => [
    ...context.store.items(`/environments/${environment.id as string}/users`).values(),
  ]);
  const periods = activeIdentityPeriods(users, start, end, byYear ? 'YEAR' : 'MONTH');
  if (context.query.order === '-startDate') periods.reverse();
  const limit = typeof context.query.limit === 'number' ? context.query.limit : periods.length;
  const page = periods.slice(0, limit);
  return {
    status: 200,
    body: {
      _links: { self: { href: context.requestUrl } },
      _embedded: { activeIdentityCounts: page },
      count: periods.length,
      size: page.length,
    },
  };
}

function requireOrganization(context: BehaviourContext): Resource {
  const id = context.pathParameters.organizationId ?? '';
  const found = context.store.getItem(organizations, id);
  if (!found) throw notFound(`Unable to find organization with ID ${id}.`);
  return found;
}

function requireLicense(context: BehaviourContext): Resource {
  requireOrganization(context);
  const id = context.pathParameters.licenseId ?? '';
  const found = context.store.getItem(licenseCollectionKey(context), id);
  if (!found) throw notFound(`Unable to find license with ID ${id}.`);
  return found;
}

function licenseCollectionKey(context: BehaviourContext): string {
  return `${organizations}/${context.pathParameters.organizationId ?? ''}/licenses`;
}
