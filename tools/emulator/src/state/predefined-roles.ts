import { createHash } from 'node:crypto';
import type { Resource, Store } from './store.js';

/** The collection of PingOne's built-in roles: organization-wide, outside any environment. */
export const rolesKey = '/roles';

type ScopeType = 'ORGANIZATION' | 'ENVIRONMENT' | 'POPULATION' | 'APPLICATION';

interface RoleDefinition {
  name: string;
  description: string;
  applicableTo: readonly ScopeType[];
  /** A few representative permissions; PingOne's full lists are long and change often. */
  permissions: readonly string[];
  /** Roles a holder may assign (facts §9, "can assign"). */
  canAssign: readonly string[];
}

const environmentAdmin = 'Environment Admin';
const identityDataAdmin = 'Identity Data Admin';

/**
 * PingOne's built-in roles (facts §9 and the spec's RoleName enum). Names and "can assign" follow the
 * facts; `applicableTo` and the permissions are the emulator's approximation, not verified.
 */
const definitions: readonly RoleDefinition[] = [
  {
    name: 'Organization Admin',
    description: 'Manages the organization and its environments.',
    applicableTo: ['ORGANIZATION'],
    permissions: ['orgmgt:read:organization', 'orgmgt:update:organization', 'orgmgt:create:environment'],
    canAssign: [environmentAdmin],
  },
  {
    name: environmentAdmin,
    description: 'Manages environments, their populations and configuration.',
    applicableTo: ['ORGANIZATION', 'ENVIRONMENT'],
    permissions: ['orgmgt:read:environment', 'orgmgt:update:environment', 'identity:create:population'],
    canAssign: [], // filled below: every role except Organization Admin
  },
  {
    name: identityDataAdmin,
    description: 'Manages users, groups and populations.',
    applicableTo: ['ENVIRONMENT', 'POPULATION'],
    permissions: [
      'identity:read:user',
      'identity:create:user',
      'identity:update:user',
      'identity:delete:user',
    ],
    canAssign: [identityDataAdmin, 'Identity Data Read Only', 'Help Desk Admin'],
  },
  {
    name: 'Identity Data Read Only',
    description: 'Reads users, groups and populations.',
    applicableTo: ['ENVIRONMENT', 'POPULATION'],
    permissions: ['identity:read:user', 'identity:read:group', 'identity:read:population'],
    canAssign: [],
  },
  {
    name: 'Help Desk Admin',
    description: 'Helps users with their accounts and devices.',
    applicableTo: ['ENVIRONMENT', 'POPULATION'],
    permissions: ['identity:read:user', 'identity:reset:userPassword'],
    canAssign: [],
  },
  {
    name: 'Client Application Developer',
    description: 'Manages applications, their secrets and grants.',
    applicableTo: ['ENVIRONMENT'],
    permissions: [
      'applications:create:application',
      'applications:read:application',
      'applications:update:secret',
    ],
    canAssign: [],
  },
  {
    name: 'Configuration Read Only',
    description: 'Reads the configuration of environments.',
    applicableTo: ['ENVIRONMENT'],
    permissions: ['orgmgt:read:environment', 'applications:read:application'],
    canAssign: [],
  },
  {
    name: 'Application Owner',
    description: 'Manages the applications it is assigned for.',
    applicableTo: ['APPLICATION'],
    permissions: ['applications:read:application', 'applications:update:application'],
    canAssign: [],
  },
  {
    name: 'Custom Roles Admin',
    description: 'Manages custom administrator roles.',
    applicableTo: ['ORGANIZATION', 'ENVIRONMENT'],
    permissions: ['permissions:create:roles', 'permissions:read:roles', 'permissions:delete:roles'],
    canAssign: [],
  },
  {
    name: 'DaVinci Admin',
    description: 'Manages DaVinci flows and connectors.',
    applicableTo: ['ENVIRONMENT'],
    permissions: ['davinci:read:dvFlows', 'davinci:update:dvFlows'],
    canAssign: ['DaVinci Admin', 'DaVinci Admin Read Only'],
  },
  {
    name: 'DaVinci Admin Read Only',
    description: 'Reads DaVinci flows and connectors.',
    applicableTo: ['ENVIRONMENT'],
    permissions: ['davinci:read:dvFlows'],
    canAssign: [],
  },
  {
    name: 'Advanced Identity Cloud Super Admin',
    description: 'Administers Advanced Identity Cloud tenants.',
    applicableTo: ['ENVIRONMENT'],
    permissions: ['aic:administer:tenant'],
    canAssign: ['Advanced Identity Cloud Super Admin', 'Advanced Identity Cloud Tenant Admin'],
  },
  {
    name: 'Advanced Identity Cloud Tenant Admin',
    description: 'Administers one Advanced Identity Cloud tenant.',
    applicableTo: ['ENVIRONMENT'],
    permissions: ['aic:administer:tenant'],
    canAssign: [],
  },
  {
    name: 'Authorize Gateway Policy Evaluator',
    description: 'Evaluates PingOne Authorize policies from a gateway.',
    applicableTo: ['ENVIRONMENT'],
    permissions: ['authorize:evaluate:decisions'],
    canAssign: [],
  },
  ...[
    'PingFederate Administrator',
    'PingFederate Auditor',
    'PingFederate Crypto Administrator',
    'PingFederate Expression Administrator',
    'PingFederate User Administrator',
  ].map(
    (name): RoleDefinition => ({
      name,
      description: `${name} of PingFederate signed on through PingOne.`,
      applicableTo: ['ENVIRONMENT'],
      permissions: ['pingfederate:administer:server'],
      canAssign: [],
    }),
  ),
];

/** A stable id per role name, so ids survive restarts like PingOne's fixed role ids. */
export function predefinedRoleId(name: string): string {
  const hex = createHash('sha256').update(`pingone-role:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function canAssign(definition: RoleDefinition): readonly string[] {
  if (definition.name !== environmentAdmin) return definition.canAssign;
  return definitions.map((other) => other.name).filter((name) => name !== 'Organization Admin');
}

/** Puts the built-in roles in `/roles`, shaped like `getRole` answers. */
export function seedPredefinedRoles(store: Store, apiUrl: string): void {
  for (const definition of definitions) {
    const id = predefinedRoleId(definition.name);
    store.putItem(rolesKey, id, {
      _links: { self: { href: `${apiUrl}${rolesKey}/${id}` } },
      id,
      name: definition.name,
      description: definition.description,
      applicableTo: [...definition.applicableTo],
      permissions: definition.permissions.map((permission) => ({
        id: permission,
        classifier: permission.split(':')[2] ?? permission,
        description: permission,
      })),
    });
  }
}

/**
 * A built-in role as an environment's role list shows it (`type` PLATFORM), with the roles whose
 * holders may assign it and those it may assign.
 */
export function platformRoleView(role: Resource, apiUrl: string, environmentId: string): Resource {
  const name = role.name as string;
  const id = role.id as string;
  const definition = definitions.find((candidate) => candidate.name === name);
  const assigners = definitions.filter((candidate) => canAssign(candidate).includes(name));
  return {
    ...role,
    _links: { self: { href: `${apiUrl}/environments/${environmentId}/roles/${id}` } },
    environment: { id: environmentId },
    type: 'PLATFORM',
    canBeAssignedBy: assigners.map((assigner) => ({ id: predefinedRoleId(assigner.name) })),
    canAssign: (definition ? canAssign(definition) : []).map((other) => ({ id: predefinedRoleId(other) })),
  };
}

/** A role by id: a built-in one, or a custom role of the environment. */
export function findRole(store: Store, environmentId: string, roleId: string): Resource | undefined {
  return store.getItem(rolesKey, roleId) ?? store.getItem(`/environments/${environmentId}/roles`, roleId);
}
