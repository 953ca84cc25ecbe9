import { BadRequestError, InvalidArgumentError, NotFoundError } from '@pingone-sdk/core';
import { type EmulatorSession, startEmulatorSession } from '@pingone-sdk/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cloneDaVinciFlow,
  createConnectorInstance,
  createDaVinciFlow,
  type DaVinciFlowGraph,
  deleteDaVinciFlow,
  deleteDaVinciFlowVersion,
  deployDaVinciFlow,
  exportDaVinciFlowVersion,
  getDaVinciFlow,
  getDaVinciFlowVersion,
  getDaVinciFlowVersionDetails,
  listDaVinciFlows,
  listDaVinciFlowVersions,
  replaceDaVinciFlow,
  replaceDaVinciFlowVersionAlias,
  updateDaVinciFlowEnabled,
  validateDaVinciFlow,
} from '../src/index.js';

/** One HTTP node running through `connectionId`. */
const drawing = (connectionId: string): DaVinciFlowGraph => ({
  elements: {
    nodes: [
      {
        data: { id: 'call', nodeType: 'CONNECTION', connectorId: 'httpConnector', connectionId },
        position: { x: 0, y: 0 },
      },
    ],
  },
});

describe('DaVinci flows against the emulator', () => {
  let session: EmulatorSession;
  let instanceId: string;

  beforeAll(async () => {
    session = await startEmulatorSession();
    const { data } = await createConnectorInstance({
      client: session.client,
      body: { name: 'Orders API', connector: { id: 'httpConnector' } },
    });
    instanceId = data.id;
  }, 60_000);
  afterAll(() => session.close());

  it('creates, reads, lists, replaces and deletes a flow, keeping a version per save', async () => {
    const client = session.client;
    const { data: flow, response } = await createDaVinciFlow({
      client,
      body: { name: 'Sign-on', graphData: drawing(instanceId), settings: { useCSP: 'true', logLevel: 2 } },
    });
    expect(response.status).toBe(201);
    expect(flow).toMatchObject({ name: 'Sign-on', currentVersion: 1, enabled: true });
    expect(flow.settings?.useCSP).toBe('true');
    const path = { flowId: flow.id };

    expect((await getDaVinciFlow({ client, path })).data.graphData).toEqual(drawing(instanceId));
    const { data: names } = await listDaVinciFlows({ client, query: { attributes: 'name' } });
    expect(names._embedded.flows.find((listed) => listed.id === flow.id)).toEqual({
      _links: flow._links,
      environment: flow.environment,
      id: flow.id,
      name: 'Sign-on',
    });

    const { data: replaced } = await replaceDaVinciFlow({ client, path, body: { name: 'Sign-on 2' } });
    expect(replaced).toMatchObject({ name: 'Sign-on 2', currentVersion: 2 });
    const { data: versions } = await listDaVinciFlowVersions({ client, path });
    expect(versions._embedded.versions.map((version) => [version.version, version.flow.name])).toEqual([
      [1, 'Sign-on'],
      [2, 'Sign-on 2'],
    ]);

    await deleteDaVinciFlow({ client, path });
    await expect(getDaVinciFlow({ client, path })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listDaVinciFlowVersions({ client, path })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('validates, deploys and clones through the flow URL, and switches it off and on', async () => {
    const client = session.client;
    const { data: flow } = await createDaVinciFlow({
      client,
      body: { name: 'Checkout', graphData: drawing('missing-instance') },
    });
    const path = { flowId: flow.id };

    const { data: broken } = await validateDaVinciFlow({ client, path, body: {} });
    expect(broken.dvlinterErrorCount).toBe(1);
    expect(broken.graphData?.allLinterErrors?.[0]).toMatchObject({
      code: 'connection-not-found',
      nodeId: 'call',
    });
    const { data: fixed } = await validateDaVinciFlow({
      client,
      path,
      body: { graphData: drawing(instanceId) },
    });
    expect(fixed.dvlinterErrorCount).toBe(0);

    await replaceDaVinciFlow({ client, path, body: { name: 'Checkout', graphData: drawing(instanceId) } });
    const { data: deployed, response } = await deployDaVinciFlow({ client, path, body: {} });
    expect(response.status).toBe(201);
    expect(deployed).toMatchObject({ currentVersion: 2, publishedVersion: 2 });
    const { data: version } = await getDaVinciFlowVersion({ client, path: { ...path, versionId: '2' } });
    expect(version.deployedAt).toBe(deployed.deployedAt);

    const { data: copy } = await cloneDaVinciFlow({ client, path, body: {} });
    expect(copy).toMatchObject({ name: 'Checkout (copy)', currentVersion: 1 });
    expect(copy.publishedVersion).toBeUndefined();

    expect((await updateDaVinciFlowEnabled({ client, path, body: { enabled: false } })).data.enabled).toBe(
      false,
    );
    expect((await getDaVinciFlow({ client, path })).data.enabled).toBe(false);
    await updateDaVinciFlowEnabled({ client, path, body: { enabled: true } });
    expect((await getDaVinciFlow({ client, path })).data.enabled).toBe(true);
  });

  it('exports, names, details and deletes versions', async () => {
    const client = session.client;
    const { data: flow } = await createDaVinciFlow({
      client,
      body: { name: 'Export', graphData: drawing(instanceId) },
    });
    const path = { flowId: flow.id, versionId: '1' };

    const { data: exported } = await exportDaVinciFlowVersion({
      client,
      path,
      body: { includeVariableValues: true },
    });
    expect(exported).toMatchObject({
      version: 1,
      flow: { id: flow.id, name: 'Export' },
      graphData: drawing(instanceId),
    });
    expect(exported.publishedVersion).toBeUndefined();
    expect(exported.connectors).toEqual([{ id: 'httpConnector' }]);

    expect(
      (await replaceDaVinciFlowVersionAlias({ client, path, body: { alias: 'first' } })).data.alias,
    ).toBe('first');
    const { data: details } = await getDaVinciFlowVersionDetails({ client, path });
    expect(details).toMatchObject({ version: 1, alias: 'first', graphData: drawing(instanceId) });

    await deleteDaVinciFlowVersion({ client, path });
    await expect(getDaVinciFlowVersion({ client, path })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('answers typed errors and refuses blank ids before sending', async () => {
    const client = session.client;
    const invalid = await createDaVinciFlow({ client, body: { name: '' } }).catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(BadRequestError);
    expect(invalid).toMatchObject({ status: 400, code: 'INVALID_DATA' });
    expect((invalid as BadRequestError).details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'name' });

    const before = session.sent.length;
    const blank = await getDaVinciFlow({ client, path: { flowId: ' ' } }).catch((error: unknown) => error);
    expect(blank).toBeInstanceOf(InvalidArgumentError);
    expect(blank).toMatchObject({ parameter: 'path.flowId' });
    expect(session.sent.length).toBe(before);
  });
});
