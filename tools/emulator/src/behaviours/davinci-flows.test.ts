import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';

const action = (name: string) => ({ 'content-type': `application/vnd.pingidentity.flow.${name}+json` });

/** A two-node drawing: an HTTP node through `connectionId`, joined to an error node. */
function drawing(connectionId: string) {
  return {
    elements: {
      nodes: [
        { data: { id: 'start', nodeType: 'CONNECTION', connectorId: 'httpConnector', connectionId } },
        { data: { id: 'fail', nodeType: 'CONNECTION', connectorId: 'errorConnector' } },
      ],
      edges: [{ data: { id: 'e1', source: 'start', target: 'fail' } }],
    },
  };
}

describe('DaVinci flow behaviours', () => {
  let session: EmulatorSession;
  let flows: string;
  let instanceId: string;

  beforeAll(async () => {
    session = await startSession();
    flows = `${session.environmentUrl}/flows`;
    const instance = await session.call('POST', `${session.environmentUrl}/connectorInstances`, {
      name: 'Orders API',
      connector: { id: 'httpConnector' },
    });
    instanceId = instance.body.id;
  });
  afterAll(() => session.emulator.close());

  it('keeps a version per save and deploys the newest', async () => {
    const created = await session.call('POST', flows, { name: 'Sign-on', graphData: drawing(instanceId) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ currentVersion: 1, enabled: true });
    expect(created.body.connectors).toEqual([{ id: 'httpConnector' }, { id: 'errorConnector' }]);
    expect(created.body.publishedVersion).toBeUndefined();
    const url = `${flows}/${created.body.id}`;
    expect(created.body._links).toMatchObject({
      'flow.deploy': { href: url },
      'flow.enabled': { href: `${url}/enabled` },
    });

    const replaced = await session.call('PUT', url, { name: 'Sign-on v2', graphData: drawing(instanceId) });
    expect(replaced.body).toMatchObject({ name: 'Sign-on v2', currentVersion: 2, enabled: true });

    const deployed = await session.call('POST', url, {}, action('deploy'));
    expect(deployed.status).toBe(201);
    expect(deployed.body.publishedVersion).toBe(2);
    const versions = await session.call('GET', `${url}/versions`);
    expect(versions.body._embedded.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(versions.body._embedded.versions[1].deployedAt).toBe(deployed.body.deployedAt);
    expect(versions.body._embedded.versions[0].deployedAt).toBeUndefined();

    // A later save does not change what runs.
    await session.call('PUT', url, { name: 'Sign-on v3' });
    expect((await session.call('GET', url)).body).toMatchObject({ currentVersion: 3, publishedVersion: 2 });
  });

  it('validates the drawing against the environment and saves nothing', async () => {
    const flow = (
      await session.call('POST', flows, { name: 'Broken', graphData: drawing('no-such-instance') })
    ).body;
    const checked = await session.call('POST', `${flows}/${flow.id}`, {}, action('validate'));
    expect(checked.status).toBe(200);
    expect(checked.body.dvlinterErrorCount).toBe(1);
    const start = checked.body.graphData.elements.nodes[0].data;
    expect(start.linterError[0]).toMatchObject({
      code: 'connection-not-found',
      nodeId: 'start',
      flowId: flow.id,
    });
    expect(checked.body.graphData.allLinterErrors).toHaveLength(1);
    // A drawing sent with the request is checked instead of the saved one.
    const fixed = await session.call(
      'POST',
      `${flows}/${flow.id}`,
      { graphData: drawing(instanceId) },
      action('validate'),
    );
    expect(fixed.body.dvlinterErrorCount).toBe(0);
    expect((await session.call('GET', `${flows}/${flow.id}`)).body.dvlinterErrorCount).toBeUndefined();
  });

  it('clones into a new flow, toggles enabled and filters attributes', async () => {
    const flow = (await session.call('POST', flows, { name: 'Recovery', color: '#112233' })).body;
    const copy = await session.call('POST', `${flows}/${flow.id}`, {}, action('clone'));
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ name: 'Recovery (copy)', color: '#112233', currentVersion: 1 });
    expect(copy.body.id).not.toBe(flow.id);
    const copyVersion = await session.call('GET', `${flows}/${copy.body.id}/versions/1`);
    expect(copyVersion.body.clonedFrom).toBe(1);

    const off = await session.call('PUT', `${flows}/${flow.id}/enabled`, { enabled: false });
    expect(off.body.enabled).toBe(false);
    expect((await session.call('GET', `${flows}/${flow.id}`)).body.enabled).toBe(false);

    const listed = await session.call('GET', `${flows}?attributes=name`);
    const first = listed.body._embedded.flows[0];
    expect(Object.keys(first).sort()).toEqual(['_links', 'environment', 'id', 'name']);
  });

  it('exports a version with its definition and names versions with aliases', async () => {
    await session.call('POST', `${session.environmentUrl}/variables`, {
      name: 'ordersBaseUrl',
      context: 'company',
      dataType: 'string',
      mutable: false,
      value: 'https://orders.example.com',
    });
    const graph = drawing(instanceId);
    Object.assign(graph.elements.nodes[0]?.data ?? {}, { properties: { url: { value: 'ordersBaseUrl' } } });
    const flow = (await session.call('POST', flows, { name: 'Export me', graphData: graph })).body;
    const version = `${flows}/${flow.id}/versions/1`;

    const exported = await session.call(
      'POST',
      version,
      {},
      {
        'content-type': 'application/vnd.pingidentity.flowversion.export+json',
      },
    );
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({
      version: 1,
      flow: { id: flow.id, name: 'Export me' },
      graphData: graph,
    });
    expect(exported.body.variables).toEqual([expect.objectContaining({ name: 'ordersBaseUrl' })]);
    expect(exported.body.variables[0].value).toBeUndefined();
    const withValues = await session.call(
      'POST',
      version,
      { includeVariableValues: true },
      {
        'content-type': 'application/vnd.pingidentity.flowversion.export+json',
      },
    );
    expect(withValues.body.variables[0].value).toBe('https://orders.example.com');

    const alias = await session.call('PUT', `${version}/alias`, { alias: 'launch' });
    expect(alias.body.alias).toBe('launch');
    expect((await session.call('GET', version)).body.alias).toBe('launch');
    const details = await session.call('GET', `${version}/details`);
    expect(details.body).toMatchObject({ version: 1, alias: 'launch', graphData: graph });

    // A Flow Conductor node naming another flow brings that flow's deployed version along.
    const parent = (
      await session.call('POST', flows, {
        name: 'Parent',
        graphData: {
          elements: {
            nodes: [
              {
                data: {
                  id: 'sub',
                  nodeType: 'CONNECTION',
                  connectorId: 'flowConnector',
                  properties: { subFlowId: { value: { value: flow.id } } },
                },
              },
            ],
          },
        },
      })
    ).body;
    const exportType = { 'content-type': 'application/vnd.pingidentity.flowversion.export+json' };
    const withSubflows = await session.call(
      'POST',
      `${flows}/${parent.id}/versions/1`,
      { includeSubFlows: true },
      exportType,
    );
    expect(withSubflows.body._embedded.map((sub: { flow: { id: string } }) => sub.flow.id)).toEqual([
      flow.id,
    ]);
    const without = await session.call('POST', `${flows}/${parent.id}/versions/1`, {}, exportType);
    expect(without.body._embedded).toBeUndefined();

    expect((await session.call('DELETE', version)).status).toBe(204);
    expect((await session.call('GET', `${version}/details`)).status).toBe(404);
    expect((await session.call('GET', `${flows}/${flow.id}/versions/9`)).status).toBe(404);
  });
});
