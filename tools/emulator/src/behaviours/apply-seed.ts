import { randomBytes, randomUUID } from 'node:crypto';
import { clientSecretKey } from '../auth/oauth-clients.js';
import type { EmulatorSeed } from '../emulator-options.js';
import { predefinedRoleId, seedPredefinedRoles } from '../state/predefined-roles.js';
import type { Store } from '../state/store.js';
import { seedBranding } from './branding.js';
import { seedBillOfMaterials } from './environments.js';
import { newResource } from './generic.js';
import { emulatorLicenseId, emulatorOrganizationId, seedOrganization } from './organizations.js';
import { seedPasswordPolicies } from './password-policies.js';
import { seedSignOnPolicies } from './sign-on-policies.js';
import { seedAgreementConsents } from './user-agreement-consents.js';
import { seedLinkedAccounts } from './user-linked-accounts.js';
import { storePassword } from './users.js';

/** The identifiers a seed produced, generated where the seed left them out. */
export interface SeedResult {
  environmentId: string;
  clientId: string;
  clientSecret: string;
  defaultPopulationId: string;
}

/**
 * Creates the seeded state: the environment, its default population, a worker application (the
 * OAuth client, allowed client_credentials) with its secret, then extra populations and users.
 * `userDefaults` are the spec's defaults of a created user (see `Operation.defaults` of createUser).
 */
export function applySeed(
  store: Store,
  apiUrl: string,
  seed: EmulatorSeed = {},
  userDefaults: Readonly<Record<string, unknown>> = {},
): SeedResult {
  const environmentId = seed.environmentId ?? randomUUID();
  const clientId = seed.clientId ?? randomUUID();
  const clientSecret = seed.clientSecret ?? randomBytes(36).toString('base64url');
  const defaultPopulationId = seed.defaultPopulationId ?? randomUUID();
  const put = (collectionKey: string, id: string, body: Record<string, unknown>) => {
    store.putItem(collectionKey, id, newResource(apiUrl, environmentId, collectionKey, id, body));
  };

  seedOrganization(store, apiUrl);
  seedPredefinedRoles(store, apiUrl);
  put('/environments', environmentId, {
    name: seed.environmentName ?? 'Emulator',
    description: 'An environment served by the PingOne emulator.',
    type: 'SANDBOX',
    region: 'NA',
    license: { id: emulatorLicenseId },
    organization: { id: emulatorOrganizationId },
    status: 'ACTIVE',
  });
  seedBillOfMaterials(store, apiUrl, environmentId);
  const environment = `/environments/${environmentId}`;
  put(`${environment}/populations`, defaultPopulationId, {
    name: 'Default',
    description: 'The population users join when none is given.',
    default: true,
  });
  put(`${environment}/applications`, clientId, {
    name: 'Emulator worker',
    description: 'Worker application whose client credentials the emulator prints.',
    enabled: true,
    protocol: 'OPENID_CONNECT',
    type: 'WORKER',
    grantTypes: ['CLIENT_CREDENTIALS'],
    tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC',
  });
  store.privateData(`${environment}/applications/${clientId}`)[clientSecretKey] = clientSecret;
  // PingOne's automatic role assignments: an actor that creates an environment gets these roles over it.
  for (const role of ['Environment Admin', 'Identity Data Admin', 'Client Application Developer']) {
    put(`${environment}/applications/${clientId}/roleAssignments`, randomUUID(), {
      role: { id: predefinedRoleId(role) },
      scope: { id: environmentId, type: 'ENVIRONMENT' },
      readOnly: false,
    });
  }
  // What every new PingOne environment comes with: password and sign-on policies, branding.
  seedPasswordPolicies(store, apiUrl, environmentId);
  seedSignOnPolicies(store, apiUrl, environmentId);
  seedBranding(store, apiUrl, environmentId);

  for (const { id, ...population } of seed.populations ?? []) {
    put(`${environment}/populations`, id ?? randomUUID(), population);
  }
  for (const { id, password, population, linkedAccounts, agreementConsents, ...user } of seed.users ?? []) {
    const userId = id ?? randomUUID();
    put(`${environment}/users`, userId, {
      ...structuredClone(userDefaults),
      population: { id: population?.id ?? defaultPopulationId },
      ...user,
    });
    if (password !== undefined) storePassword(store, `${environment}/users/${userId}`, password);
    seedLinkedAccounts(store, apiUrl, environmentId, userId, linkedAccounts ?? []);
    seedAgreementConsents(store, apiUrl, environmentId, userId, agreementConsents ?? []);
  }
  for (const { id, clientSecret: secret, ...application } of seed.applications ?? []) {
    const applicationId = id ?? randomUUID();
    put(`${environment}/applications`, applicationId, {
      enabled: true,
      protocol: 'OPENID_CONNECT',
      type: 'WEB_APP',
      ...application,
    });
    if (secret !== undefined)
      store.privateData(`${environment}/applications/${applicationId}`)[clientSecretKey] = secret;
  }
  return { environmentId, clientId, clientSecret, defaultPopulationId };
}
