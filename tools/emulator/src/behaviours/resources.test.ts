import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';

describe('resource behaviours', () => {
  let session: EmulatorSession;
  let resources: string;

  beforeAll(async () => {
    session = await startSession();
    resources = `${session.environmentUrl}/resources`;
  });
  afterAll(() => session.emulator.close());

  it('holds the built-in resources, which cannot be deleted', async () => {
    const listed = (await session.call('GET', resources)).body._embedded.resources;
    expect(listed.map((resource: { name: string; type: string }) => [resource.name, resource.type])).toEqual([
      ['openid', 'OPENID_CONNECT'],
      ['PingOne API', 'PINGONE_API'],
    ]);
    const scopes = (await session.call('GET', `${resources}/${listed[0].id}/scopes`)).body._embedded.scopes;
    expect(scopes.map((scope: { name: string }) => scope.name)).toContain('profile');
    expect((await session.call('DELETE', `${resources}/${listed[0].id}`)).status).toBe(400);
  });

  it('creates custom resources with defaults, a secret and a core sub attribute', async () => {
    const created = await session.call('POST', resources, {
      name: 'Orders API',
      clientSecret: 'x'.repeat(70),
    });
    expect(created.body).toMatchObject({
      type: 'CUSTOM',
      audience: 'Orders API',
      accessTokenValiditySeconds: 3600,
    });
    expect(created.body.clientSecret).toBeUndefined();
    const base = `${resources}/${created.body.id}`;
    expect((await session.call('GET', `${base}/secret`)).body.secret).toBe('x'.repeat(70));
    const attributes = (await session.call('GET', `${base}/attributes`)).body._embedded.attributes;
    expect(attributes).toMatchObject([{ name: 'sub', type: 'CORE' }]);
    expect((await session.call('DELETE', `${base}/attributes/${attributes[0].id}`)).status).toBe(400);
    const application = await session.call('POST', `${base}/applicationResources`, { name: 'invoice' });
    expect(application.body.parent).toEqual({ type: 'PING_ONE_RESOURCE', id: created.body.id });
  });
});
