import { BadRequestError, NotFoundError } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkPropagationStoreConnection,
  createPropagationMapping,
  createPropagationPlan,
  createPropagationRevision,
  createPropagationRule,
  createPropagationStore,
  deletePropagationMapping,
  deletePropagationPlan,
  deletePropagationRule,
  deletePropagationStore,
  getAqueraStoreMetadata,
  getLatestPropagationRevision,
  getPropagationMapping,
  getPropagationPlan,
  getPropagationRevision,
  getPropagationRule,
  getPropagationStore,
  getSalesforceContactsStoreMetadata,
  getSalesforceStoreMetadata,
  getScimStoreMetadata,
  listPropagationPlanRules,
  listPropagationPlans,
  listPropagationRuleMappings,
  listPropagationRules,
  listPropagationStores,
  type PropagationStoreConfiguration,
  replacePropagationMapping,
  replacePropagationPlan,
  replacePropagationRule,
  replacePropagationStore,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

/** Ids are read-only, so optional in the types; the emulator always answers them. */
const id = (resource: { id?: string }): string => resource.id ?? '';

const scimConfiguration: PropagationStoreConfiguration = {
  SCIM_URL: 'https://scim.example.com/v2',
  SCIM_VERSION: '2.0',
  AUTHENTICATION_METHOD: 'OAuth 2 Bearer Token',
  AUTHORIZATION_TYPE: 'Bearer',
  UNIQUE_USER_IDENTIFIER: 'userName',
  USER_FILTER: 'userName Eq "%s"',
  USERS_RESOURCE: '/Users',
  CREATE_USERS: true,
};

describe('identity propagation against the emulator', () => {
  let session: EmulatorSession;

  beforeAll(async () => {
    session = await startEmulatorSession();
  }, 60_000);
  afterAll(() => session.close());

  it('creates, reads, lists, replaces and deletes identity stores', async () => {
    const client = session.client;
    const { data: store } = await createPropagationStore({
      client,
      body: { name: 'Partner SCIM', type: 'scim', configuration: scimConfiguration },
    });
    expect(store).toMatchObject({ name: 'Partner SCIM', type: 'scim' });
    const { data: read } = await getPropagationStore({ client, path: { storeId: id(store) } });
    expect(read.configuration).toEqual(scimConfiguration);

    await createPropagationStore({
      client,
      body: { name: 'Directory', type: 'directory', configuration: {} },
    });
    const { data: stores } = await listPropagationStores({ client });
    expect(stores._embedded.stores.map((item) => item.name)).toEqual(['Partner SCIM', 'Directory']);

    const { data: replaced } = await replacePropagationStore({
      client,
      path: { storeId: id(store) },
      body: { name: 'Partner SCIM (EU)', type: 'scim', status: 'ACTIVE', configuration: scimConfiguration },
    });
    expect(replaced).toMatchObject({ id: id(store), name: 'Partner SCIM (EU)', status: 'ACTIVE' });

    await deletePropagationStore({ client, path: { storeId: id(store) } });
    await expect(getPropagationStore({ client, path: { storeId: id(store) } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('checks a connection and reads store metadata, refusing settings without a configuration', async () => {
    const client = session.client;
    const { response } = await checkPropagationStoreConnection({
      client,
      body: { name: 'Trial', type: 'scim', configuration: scimConfiguration },
    });
    expect(response.status).toBe(200);

    const body = { type: 'scim', configuration: scimConfiguration };
    for (const read of [
      getScimStoreMetadata,
      getSalesforceStoreMetadata,
      getSalesforceContactsStoreMetadata,
      getAqueraStoreMetadata,
    ]) {
      const answer = await read({ client, body });
      expect(answer.response.status).toBe(200);
    }
    await expect(
      // @ts-expect-error `configuration` is required; the server refuses a body without it.
      getScimStoreMetadata({ client, body: { type: 'scim' } }),
    ).rejects.toBeInstanceOf(BadRequestError);
  });

  it('builds a plan of rules and attribute mappings, and tears it down', async () => {
    const client = session.client;
    const { data: source } = await createPropagationStore({
      client,
      body: { name: 'PingOne directory', type: 'directory', configuration: {} },
    });
    const { data: target } = await createPropagationStore({
      client,
      body: { name: 'Partner directory', type: 'scim', configuration: scimConfiguration },
    });
    const { data: plan } = await createPropagationPlan({ client, body: { name: 'Outbound' } });
    const { data: otherPlan } = await createPropagationPlan({ client, body: { name: 'Other' } });
    const { data: renamed } = await replacePropagationPlan({
      client,
      path: { planId: id(plan) },
      body: { name: 'Outbound to partner' },
    });
    expect(renamed.name).toBe('Outbound to partner');
    const { data: plans } = await listPropagationPlans({ client });
    expect(plans._embedded.plans.map((item) => item.name)).toEqual(['Outbound to partner', 'Other']);

    const ruleBody = {
      name: 'Employees',
      plan: { id: id(plan) },
      sourceStore: { id: id(source) },
      targetStore: { id: id(target) },
    };
    const { data: rule } = await createPropagationRule({ client, body: ruleBody });
    expect(rule).toMatchObject({
      name: 'Employees',
      plan: { id: id(plan) },
      targetStore: { id: id(target) },
    });
    await createPropagationRule({
      client,
      body: { ...ruleBody, name: 'Contractors', plan: { id: id(otherPlan) } },
    });

    const { data: planRules } = await listPropagationPlanRules({ client, path: { planId: id(plan) } });
    expect(planRules._embedded.rules.map((item) => item.name)).toEqual(['Employees']);
    const { data: allRules } = await listPropagationRules({ client });
    expect(allRules._embedded.rules).toHaveLength(2);

    const { data: activated } = await replacePropagationRule({
      client,
      path: { ruleId: id(rule) },
      body: { ...ruleBody, active: true, populationExpression: 'user.type == "Employee"' },
    });
    expect(activated).toMatchObject({ active: true, populationExpression: 'user.type == "Employee"' });
    expect((await getPropagationRule({ client, path: { ruleId: id(rule) } })).data.active).toBe(true);

    // A mapping is created under its rule and then addressed on its own.
    const { data: mapping } = await createPropagationMapping({
      client,
      path: { ruleId: id(rule) },
      body: { sourceAttribute: 'username', targetAttribute: 'userName' },
    });
    expect(mapping.rule).toEqual({ id: id(rule) });
    const { data: readMapping } = await getPropagationMapping({ client, path: { mappingId: id(mapping) } });
    expect(readMapping.targetAttribute).toBe('userName');
    const { data: replacedMapping } = await replacePropagationMapping({
      client,
      path: { mappingId: id(mapping) },
      body: { rule: { id: id(rule) }, expression: 'user.name.given', targetAttribute: 'name.givenName' },
    });
    expect(replacedMapping).toMatchObject({
      expression: 'user.name.given',
      targetAttribute: 'name.givenName',
    });
    const { data: second } = await createPropagationMapping({
      client,
      path: { ruleId: id(rule) },
      body: { sourceAttribute: 'email', targetAttribute: 'emails[type eq "work"].value' },
    });
    const { data: mappings } = await listPropagationRuleMappings({ client, path: { ruleId: id(rule) } });
    expect(mappings._embedded.mappings.map((item) => id(item))).toEqual([id(mapping), id(second)]);

    await deletePropagationMapping({ client, path: { mappingId: id(mapping) } });
    await expect(getPropagationMapping({ client, path: { mappingId: id(mapping) } })).rejects.toBeInstanceOf(
      NotFoundError,
    );

    // A store a rule uses stays until the rule goes; the rule takes its mappings with it.
    await expect(deletePropagationStore({ client, path: { storeId: id(target) } })).rejects.toBeInstanceOf(
      BadRequestError,
    );
    const contractors = allRules._embedded.rules.find((item) => item.name === 'Contractors');
    await deletePropagationRule({ client, path: { ruleId: id(contractors ?? {}) } });
    await deletePropagationRule({ client, path: { ruleId: id(rule) } });
    await expect(getPropagationMapping({ client, path: { mappingId: id(second) } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await deletePropagationStore({ client, path: { storeId: id(target) } });
    await deletePropagationPlan({ client, path: { planId: id(plan) } });
    await expect(getPropagationPlan({ client, path: { planId: id(plan) } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('takes revisions that chain back to the previous one', async () => {
    const client = session.client;
    const { data: first } = await createPropagationRevision({ client });
    expect(first.previousRevision).toBeUndefined();
    const { data: second } = await createPropagationRevision({ client });
    expect(second.previousRevision).toEqual({ id: id(first) });

    const { data: latest } = await getLatestPropagationRevision({ client });
    expect(id(latest)).toBe(id(second));
    const { data: previous } = await getPropagationRevision({
      client,
      path: { revisionId: latest.previousRevision?.id ?? '' },
    });
    expect(id(previous)).toBe(id(first));
  });
});
