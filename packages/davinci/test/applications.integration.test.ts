import { BadRequestError, NotFoundError } from '@pingone-sdk/core';
import { type EmulatorSession, startEmulatorSession } from '@pingone-sdk/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDaVinciApplication,
  createDaVinciApplicationFlowPolicy,
  createDaVinciFlow,
  deleteDaVinciApplication,
  deleteDaVinciApplicationFlowPolicy,
  getDaVinciApplication,
  getDaVinciApplicationFlowPolicy,
  listDaVinciApplicationFlowPolicies,
  listDaVinciApplicationFlowPolicyEvents,
  listDaVinciApplications,
  replaceDaVinciApplication,
  replaceDaVinciApplicationFlowPolicy,
  rotateDaVinciApplicationKey,
  rotateDaVinciApplicationSecret,
} from '../src/index.js';

describe('DaVinci applications and flow policies against the emulator', () => {
  let session: EmulatorSession;

  beforeAll(async () => {
    session = await startEmulatorSession();
  }, 60_000);
  afterAll(() => session.close());

  it('creates, reads, lists, replaces and deletes an application, rotating its key and secret', async () => {
    const client = session.client;
    const { data: application } = await createDaVinciApplication({ client, body: { name: 'Storefront' } });
    const path = { davinciApplicationId: application.id };
    const { value: firstKey } = application.apiKey;
    const { clientSecret: firstSecret } = application.oauth;
    expect(application.oauth.scopes).toEqual(['openid', 'profile']);

    const { data: listed } = await listDaVinciApplications({ client });
    expect(listed._embedded.davinciApplications.map((listedOne) => listedOne.name)).toContain('Storefront');
    const { data: replaced } = await replaceDaVinciApplication({
      client,
      path,
      body: { name: 'Storefront web', oauth: { grantTypes: ['authorizationCode', 'clientCredentials'] } },
    });
    expect(replaced).toMatchObject({ name: 'Storefront web', apiKey: { value: firstKey } });
    expect(replaced.oauth).toMatchObject({
      clientSecret: firstSecret,
      grantTypes: ['authorizationCode', 'clientCredentials'],
    });

    const { data: rotatedKey } = await rotateDaVinciApplicationKey({ client, path, body: {} });
    expect(rotatedKey.apiKey.value).not.toBe(firstKey);
    const { data: rotatedSecret } = await rotateDaVinciApplicationSecret({ client, path, body: {} });
    expect(rotatedSecret.oauth.clientSecret).not.toBe(firstSecret);
    const { data: read } = await getDaVinciApplication({ client, path });
    expect([read.apiKey.value, read.oauth.clientSecret]).toEqual([
      rotatedKey.apiKey.value,
      rotatedSecret.oauth.clientSecret,
    ]);

    await deleteDaVinciApplication({ client, path });
    await expect(getDaVinciApplication({ client, path })).rejects.toBeInstanceOf(NotFoundError);
    await expect(rotateDaVinciApplicationKey({ client, path, body: {} })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('keeps flow policies of an application that name existing flows', async () => {
    const client = session.client;
    const { data: application } = await createDaVinciApplication({ client, body: { name: 'Policies' } });
    const { data: flow } = await createDaVinciFlow({ client, body: { name: 'Sign-on' } });
    const parent = { davinciApplicationId: application.id };

    const { data: policy } = await createDaVinciApplicationFlowPolicy({
      client,
      path: parent,
      body: { name: 'Everyone', flowDistributions: [{ id: flow.id, version: -1, weight: 100 }] },
    });
    expect(policy).toMatchObject({
      name: 'Everyone',
      status: 'enabled',
      application: { id: application.id },
    });
    const path = { ...parent, flowPolicyId: policy.id };
    expect((await getDaVinciApplicationFlowPolicy({ client, path })).data.flowDistributions).toEqual([
      { id: flow.id, version: -1, weight: 100 },
    ]);
    const { data: listed } = await listDaVinciApplicationFlowPolicies({ client, path: parent });
    expect(listed._embedded.flowPolicies.map((listedOne) => listedOne.id)).toEqual([policy.id]);
    const { data: replaced } = await replaceDaVinciApplicationFlowPolicy({
      client,
      path,
      body: { name: 'Paused', status: 'disabled', flowDistributions: [{ id: flow.id, version: 1 }] },
    });
    expect(replaced).toMatchObject({ name: 'Paused', status: 'disabled' });
    const { data: events } = await listDaVinciApplicationFlowPolicyEvents({ client, path });
    expect(events._embedded.events).toEqual([]);

    const unknownFlow = await createDaVinciApplicationFlowPolicy({
      client,
      path: parent,
      body: { flowDistributions: [{ id: 'nosuchflow', version: 1 }] },
    }).catch((error: unknown) => error);
    expect(unknownFlow).toBeInstanceOf(BadRequestError);
    expect(unknownFlow).toMatchObject({
      code: 'INVALID_DATA',
      details: [{ target: 'flowDistributions[0].id' }],
    });

    await deleteDaVinciApplicationFlowPolicy({ client, path });
    await expect(getDaVinciApplicationFlowPolicy({ client, path })).rejects.toBeInstanceOf(NotFoundError);
  });
});
