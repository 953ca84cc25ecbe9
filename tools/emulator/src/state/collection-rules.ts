import type { FilterOperator } from '../filter/filter-expression.js';

/** What PingOne enforces on one kind of collection, beyond what the spec's schemas say. */
export interface CollectionRules {
  /** Attributes (dotted paths) whose values are unique, case-insensitively, within one collection. */
  unique?: readonly string[];
  /** Attributes `filter` accepts on the list, with the operators each supports. */
  filters?: Readonly<Record<string, readonly FilterOperator[]>>;
  /** Page size without `limit`, when PingOne documents one. @default defaultPageSize (100) */
  defaultLimit?: number;
  /** Largest page, used when the spec declares no `maximum` for `limit` (larger limits get this). */
  maximumLimit?: number;
}

const equality: readonly FilterOperator[] = ['eq'];
const prefix: readonly FilterOperator[] = ['sw'];
const userText: readonly FilterOperator[] = ['eq', 'sw', 'co'];
const userTextWithSuffix: readonly FilterOperator[] = ['eq', 'sw', 'ew', 'co'];
const ordering: readonly FilterOperator[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];

/**
 * Rules per collection, keyed by the collection's last path segment. Filter attributes follow the
 * facts (§4.2: PingOne's query-parameter quick reference and SCIM filter page); collections not
 * listed here accept `eq` and `sw` on any attribute until someone writes down what PingOne allows.
 */
export const collectionRules: Readonly<Record<string, CollectionRules>> = {
  users: {
    unique: ['username'],
    maximumLimit: 1000,
    filters: {
      id: equality,
      username: userText,
      email: userTextWithSuffix,
      'name.given': userTextWithSuffix,
      'name.family': userTextWithSuffix,
      'name.formatted': userText,
      'name.middle': userText,
      'name.honorificPrefix': userText,
      'name.honorificSuffix': userText,
      accountId: userText,
      'address.streetAddress': userText,
      'address.locality': userText,
      'address.region': userText,
      'address.postalCode': userText,
      'address.countryCode': userText,
      enabled: equality,
      externalId: userText,
      locale: userText,
      mobilePhone: userText,
      nickname: userText,
      'photo.href': userText,
      preferredLanguage: userText,
      primaryPhone: userText,
      timezone: userText,
      title: userText,
      type: userText,
      'population.id': equality,
      'lifecycle.status': equality,
    },
  },
  populations: { unique: ['name'], filters: { name: prefix, id: equality } },
  environments: {
    unique: ['name'],
    // [GOC] GET /environments: limit default 1000, range 1–5000.
    defaultLimit: 1000,
    maximumLimit: 5000,
    filters: {
      name: prefix,
      id: equality,
      'organization.id': equality,
      'license.id': equality,
      status: equality,
    },
  },
  organizations: { filters: { name: prefix } },
  // Group names are unique per population, with environment-wide groups (src/behaviours/groups.ts).
  groups: {
    filters: { name: ['eq', 'sw'], id: equality, externalId: ['eq', 'sw'], 'population.id': equality },
  },
  roles: { unique: ['name'], filters: { type: equality } },
  // Application attribute mappings (per application) and resource attributes (per resource).
  attributes: { unique: ['name'] },
  applicationResources: { unique: ['name'] },
  // The spec's listLicenses also documents `status eq`.
  licenses: { filters: { beginsAt: ['lt'], status: equality } },
  // A user's group memberships (and a group's nestings): on the group's id, name and membership type.
  memberOfGroups: { filters: { id: equality, name: ['eq', 'sw'], type: equality } },
  templates: {
    filters: {
      createdAt: ordering,
      updatedAt: ordering,
      default: equality,
      locale: ['eq', 'sw'],
      deliveryMethod: equality,
    },
  },
  activities: {
    filters: {
      recordedAt: ['ge', 'gt', 'le', 'lt'],
      correlationId: equality,
      'actors.client.id': equality,
      'actors.user.id': equality,
      'actors.user.name': equality,
      'resources.id': equality,
      'resources.type': equality,
      'resources.population.id': equality,
      'action.type': equality,
    },
  },
  signOnPolicies: { unique: ['name'] },
  passwordPolicies: { unique: ['name'] },
  resources: { unique: ['name'] },
  scopes: { unique: ['name'] },
};

/** Operators a collection accepts when the table above does not list it. */
export const defaultFilterOperators: readonly FilterOperator[] = ['eq', 'sw'];
