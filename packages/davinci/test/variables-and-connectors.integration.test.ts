import { BadRequestError, NotFoundError, paginate } from '@pingone-sdk/core';
import { type EmulatorSession, startEmulatorSession } from '@pingone-sdk/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cloneConnectorInstance,
  createConnectorInstance,
  createVariable,
  deleteConnectorInstance,
  deleteVariable,
  getConnector,
  getConnectorDetails,
  getConnectorInstance,
  getVariable,
  listConnectorInstances,
  listConnectors,
  listVariables,
  replaceConnectorInstance,
  replaceVariable,
} from '../src/index.js';

describe('DaVinci variables, connectors and connector instances against the emulator', () => {
  let session: EmulatorSession;

  beforeAll(async () => {
    session = await startEmulatorSession();
  }, 60_000);
  afterAll(() => session.close());

  it('creates, reads, pages, replaces and deletes variables, unique by name within a context', async () => {
    const client = session.client;
    const ids: string[] = [];
    for (const name of ['alpha', 'beta', 'gamma']) {
      const { data } = await createVariable({
        client,
        body: { name, context: 'company', dataType: 'number', mutable: true, value: 1 },
      });
      ids.push(data.id);
    }
    const { data: page } = await listVariables({ client, query: { limit: 2 } });
    expect(page).toMatchObject({ count: 3, size: 2 });
    expect(page._links.next).toBeDefined();
    const names: string[] = [];
    for await (const variable of paginate(listVariables, { client, query: { limit: 2 } }))
      names.push(variable.name);
    expect(names).toEqual(['alpha', 'beta', 'gamma']);

    const taken = await createVariable({
      client,
      body: { name: 'Alpha', context: 'company', dataType: 'string', mutable: true },
    }).catch((error: unknown) => error);
    expect(taken).toBeInstanceOf(BadRequestError);
    expect(taken).toMatchObject({ details: [{ code: 'UNIQUENESS_VIOLATION', target: 'name' }] });
    const perUser = await createVariable({
      client,
      body: { name: 'alpha', context: 'user', dataType: 'string', mutable: true },
    });
    expect(perUser.data.context).toBe('user');

    const path = { variableId: ids[0] ?? '' };
    const { data: replaced } = await replaceVariable({
      client,
      path,
      body: { name: 'alpha', context: 'company', dataType: 'number', mutable: false, value: 5, max: 10 },
    });
    expect(replaced).toMatchObject({ mutable: false, value: 5, max: 10, min: 0 });
    const moved = await replaceVariable({
      client,
      path,
      body: { name: 'alpha', context: 'flowInstance', dataType: 'number', mutable: false },
    }).catch((error: unknown) => error);
    expect(moved).toMatchObject({
      code: 'INVALID_DATA',
      details: [{ code: 'INVALID_VALUE', target: 'context' }],
    });

    await deleteVariable({ client, path });
    await expect(getVariable({ client, path })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reads the connector catalogue and keeps instances of it', async () => {
    const client = session.client;
    const { data: catalogue } = await listConnectors({ client });
    expect(catalogue._embedded.connectors.map((connector) => connector.id)).toContain('httpConnector');
    expect((await getConnector({ client, path: { connectorId: 'httpConnector' } })).data.metadata.type).toBe(
      'core',
    );
    const { data: details } = await getConnectorDetails({ client, path: { connectorId: 'httpConnector' } });
    expect(Object.keys(details.properties ?? {})).toContain('baseUrl');
    await expect(getConnector({ client, path: { connectorId: 'faxConnector' } })).rejects.toBeInstanceOf(
      NotFoundError,
    );

    const { data: instance } = await createConnectorInstance({
      client,
      body: {
        name: 'Orders',
        connector: { id: 'httpConnector' },
        properties: { baseUrl: 'https://orders.example.com' },
      },
    });
    const path = { connectorInstanceId: instance.id };
    expect((await getConnectorInstance({ client, path })).data.properties).toEqual({
      baseUrl: 'https://orders.example.com',
    });
    const { data: renamed } = await replaceConnectorInstance({
      client,
      path,
      body: { name: 'Orders v2', connector: { id: 'httpConnector' } },
    });
    expect(renamed.name).toBe('Orders v2');
    const { data: copy } = await cloneConnectorInstance({ client, path, body: {} });
    expect(copy).toMatchObject({ name: 'Orders v2 (copy)', connector: { id: 'httpConnector' } });
    const { data: listed } = await listConnectorInstances({ client });
    expect(listed._embedded.connectorInstances.map((listedOne) => listedOne.id).sort()).toEqual(
      [instance.id, copy.id].sort(),
    );

    const unknown = await createConnectorInstance({
      client,
      body: { name: 'Fax', connector: { id: 'faxConnector' } },
    }).catch((error: unknown) => error);
    expect(unknown).toMatchObject({ code: 'INVALID_DATA', details: [{ target: 'connector.id' }] });

    await deleteConnectorInstance({ client, path });
    await expect(getConnectorInstance({ client, path })).rejects.toBeInstanceOf(NotFoundError);
  });
});
