import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';

describe('DaVinci variable and connector behaviours', () => {
  let session: EmulatorSession;
  let variables: string;

  beforeAll(async () => {
    session = await startSession();
    variables = `${session.environmentUrl}/variables`;
  });
  afterAll(() => session.emulator.close());

  const variable = (name: string, context: string) => ({
    name,
    context,
    dataType: 'string',
    mutable: true,
    value: 'x',
  });

  it('keeps a name unique within its context only', async () => {
    const created = await session.call('POST', variables, variable('region', 'company'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ min: 0, max: 2000 });
    const taken = await session.call('POST', variables, variable('REGION', 'company'));
    expect(taken.status).toBe(400);
    expect(taken.body.details[0]).toMatchObject({ code: 'UNIQUENESS_VIOLATION', target: 'name' });
    expect((await session.call('POST', variables, variable('region', 'user'))).status).toBe(201);
    const filtered = await session.call(
      'GET',
      `${variables}?filter=${encodeURIComponent('context eq "user"')}`,
    );
    expect(filtered.body._embedded.variables.map((v: { context: string }) => v.context)).toEqual(['user']);
  });

  it('refuses a replace that changes the name or context', async () => {
    const created = (await session.call('POST', variables, variable('locale', 'company'))).body;
    const url = `${variables}/${created.id}`;
    const renamed = await session.call('PUT', url, variable('language', 'company'));
    expect(renamed.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'name' });
    const changed = await session.call('PUT', url, { ...variable('locale', 'company'), value: 'fr' });
    expect(changed.body.value).toBe('fr');
  });

  it('serves the connector catalogue and keeps an instance on its connector', async () => {
    const connectors = await session.call('GET', `${session.environmentUrl}/connectors`);
    expect(connectors.body._embedded.connectors.map((c: { id: string }) => c.id)).toContain('httpConnector');
    const details = await session.call('GET', `${session.environmentUrl}/connectors/httpConnector/details`);
    expect(Object.keys(details.body.capabilities)).toContain('makeRestApiCall');
    expect((await session.call('GET', `${session.environmentUrl}/connectors/faxConnector`)).status).toBe(404);

    const instances = `${session.environmentUrl}/connectorInstances`;
    const unknown = await session.call('POST', instances, { name: 'Fax', connector: { id: 'faxConnector' } });
    expect(unknown.body.details[0].target).toBe('connector.id');
    const instance = (
      await session.call('POST', instances, { name: 'Orders', connector: { id: 'httpConnector' } })
    ).body;
    expect(instance.metadata).toMatchObject({ type: 'core' });
    expect(instance._links['connectorInstance.clone'].href).toBe(`${instances}/${instance.id}`);
    const moved = await session.call('PUT', `${instances}/${instance.id}`, {
      name: 'Orders',
      connector: { id: 'errorConnector' },
    });
    expect(moved.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'connector.id' });
    const copy = await session.call(
      'POST',
      `${instances}/${instance.id}`,
      {},
      {
        'content-type': 'application/vnd.pingidentity.connectorInstance.clone+json',
      },
    );
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ name: 'Orders (copy)', connector: { id: 'httpConnector' } });
  });
});
