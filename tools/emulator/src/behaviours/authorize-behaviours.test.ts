import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';

const ann = '11111111-1111-4111-8111-111111111111';
const bob = '22222222-2222-4222-8222-222222222222';
const missing = '00000000-0000-4000-8000-0000000000ff';

describe('Authorize behaviours', () => {
  let session: EmulatorSession;
  let environment: string;
  let call: EmulatorSession['call'];

  beforeAll(async () => {
    session = await startSession({
      seed: {
        users: [
          { id: ann, username: 'ann' },
          { id: bob, username: 'bob' },
        ],
      },
    });
    environment = session.environmentUrl;
    call = session.call;
  });
  afterAll(() => session.emulator.close());

  /** A custom resource with one application resource, one permission on it and a role granting it to ann. */
  async function permissionGrantedToAnn(name: string) {
    const resource = (await call('POST', `${environment}/resources`, { name: `${name} API` })).body;
    const applicationResource = (
      await call('POST', `${environment}/resources/${resource.id}/applicationResources`, { name })
    ).body;
    const permission = (
      await call('POST', `${environment}/applicationResources/${applicationResource.id}/permissions`, {
        action: 'read',
      })
    ).body;
    const role = (await call('POST', `${environment}/applicationRoles`, { name: `${name} reader` })).body;
    await call('POST', `${environment}/applicationRoles/${role.id}/permissions`, { id: permission.id });
    await call('POST', `${environment}/users/${ann}/applicationRoles`, { id: role.id });
    return { resource, applicationResource, permission, role };
  }

  it('reads application resources environment-wide and keys their permissions by name and action', async () => {
    const { applicationResource, permission } = await permissionGrantedToAnn('invoice');
    const listed = await call('GET', `${environment}/applicationResources`);
    expect(listed.body._embedded.resources.map((item: { id: string }) => item.id)).toContain(
      applicationResource.id,
    );
    const read = await call('GET', `${environment}/applicationResources/${applicationResource.id}`);
    expect(read.body).toMatchObject({ name: 'invoice', parent: { type: 'PING_ONE_RESOURCE' } });
    expect((await call('GET', `${environment}/applicationResources/${missing}`)).status).toBe(404);

    expect(permission).toMatchObject({
      action: 'read',
      key: 'invoice:read',
      resource: { id: applicationResource.id, name: 'invoice' },
    });
    const permissions = `${environment}/applicationResources/${applicationResource.id}/permissions`;
    const again = await call('POST', permissions, { action: 'READ' });
    expect(again.body.details[0]).toMatchObject({ code: 'UNIQUENESS_VIOLATION', target: 'action' });
    const renamed = await call('PUT', `${permissions}/${permission.id}`, { action: 'view' });
    expect(renamed.body.key).toBe('invoice:view');
    expect(
      (await call('POST', `${environment}/applicationResources/${missing}/permissions`, { action: 'x' }))
        .status,
    ).toBe(404);
    expect((await call('GET', `${environment}/applicationResources/${missing}/permissions`)).status).toBe(
      404,
    );
  });

  it('grants existing permissions through roles, lists holders, and cleans up after deletes', async () => {
    const { applicationResource, permission, role } = await permissionGrantedToAnn('ledger');
    const rolePermissions = `${environment}/applicationRoles/${role.id}/permissions`;
    const listed = await call('GET', rolePermissions);
    expect(listed.body._embedded.permissions).toEqual([
      expect.objectContaining({ id: permission.id, key: 'ledger:read', action: 'read' }),
    ]);
    expect((await call('POST', rolePermissions, { id: permission.id })).body.details[0].code).toBe(
      'UNIQUENESS_VIOLATION',
    );
    const unknown = await call('POST', rolePermissions, { id: missing });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'id' });

    const assignments = await call('GET', `${environment}/applicationRoles/${role.id}/assignments`);
    expect(assignments.body._embedded.assignments).toEqual([
      { id: expect.any(String), role: { id: role.id }, subject: { id: ann, type: 'USER' } },
    ]);
    const sameId = await call('GET', `${environment}/applicationRoles/${role.id}/assignments`);
    expect(sameId.body._embedded.assignments[0].id).toBe(assignments.body._embedded.assignments[0].id);
    await call('POST', `${environment}/users/${bob}/applicationRoles`, { id: role.id });
    expect((await call('GET', `${environment}/applicationRoles/${role.id}/assignments`)).body.size).toBe(2);
    expect((await call('GET', `${environment}/applicationRoles/${missing}/assignments`)).status).toBe(404);

    await call(
      'DELETE',
      `${environment}/applicationResources/${applicationResource.id}/permissions/${permission.id}`,
    );
    expect((await call('GET', rolePermissions)).body._embedded.permissions).toEqual([]);
    expect((await call('DELETE', `${environment}/applicationRoles/${role.id}`)).status).toBe(204);
    const annRoles = await call('GET', `${environment}/users/${ann}/applicationRoles`);
    expect(annRoles.body._embedded.roles.map((held: { id: string }) => held.id)).not.toContain(role.id);
  });

  it('deploys an API server: status, own decision endpoint, policies kept across replaces', async () => {
    const { resource } = await permissionGrantedToAnn('report');
    const body = {
      name: 'Reports',
      baseUrls: ['https://reports.example.com'],
      authorizationServer: { type: 'PINGONE_SSO', resource: { id: resource.id } },
    };
    const server = (await call('POST', `${environment}/apiServers`, body)).body;
    expect(server.policy.id).toEqual(expect.any(String));
    const replaced = await call('PUT', `${environment}/apiServers/${server.id}`, {
      ...body,
      name: 'Reporting',
    });
    expect(replaced.body.policy).toEqual(server.policy);
    const dangling = await call('POST', `${environment}/apiServers`, {
      ...body,
      name: 'Dangling',
      authorizationServer: { type: 'PINGONE_SSO', resource: { id: missing } },
    });
    expect(dangling.body.details[0]).toMatchObject({
      code: 'INVALID_VALUE',
      target: 'authorizationServer.resource.id',
    });

    const deployment = `${environment}/apiServers/${server.id}/deployment`;
    expect((await call('GET', deployment)).body.status).toEqual({ code: 'DEPLOYMENT_UNINITIALIZED' });
    const deployed = await call('POST', deployment);
    expect(deployed.status).toBe(200);
    expect(deployed.body).toMatchObject({
      status: { code: 'DEPLOYMENT_SUCCESSFUL' },
      policy: server.policy,
      deployedAt: expect.any(String),
    });
    expect((await call('GET', deployment)).body).toEqual(deployed.body);
    const endpoint = await call(
      'GET',
      `${environment}/decisionEndpoints/${deployed.body.decisionEndpoint.id}`,
    );
    expect(endpoint.body).toMatchObject({ owned: true, recordRecentRequests: false });
    const renamed = await call(
      'PUT',
      `${environment}/decisionEndpoints/${deployed.body.decisionEndpoint.id}`,
      {
        name: 'Reports endpoint',
        description: 'Renamed.',
        recordRecentRequests: true,
      },
    );
    expect(renamed.body).toMatchObject({ name: 'Reports endpoint', owned: true, recordRecentRequests: true });
    const redeployed = (await call('POST', deployment)).body;
    expect(redeployed.decisionEndpoint).toEqual(deployed.body.decisionEndpoint);
    expect(redeployed.authorizationVersion.id).not.toBe(deployed.body.authorizationVersion.id);

    expect((await call('DELETE', `${environment}/apiServers/${server.id}`)).status).toBe(204);
    expect(
      (await call('GET', `${environment}/decisionEndpoints/${deployed.body.decisionEndpoint.id}`)).status,
    ).toBe(404);
    expect((await call('GET', deployment)).status).toBe(404);
  });

  it('decides from the deployed operations and the user roles, and only a new deployment changes that', async () => {
    const { resource, permission } = await permissionGrantedToAnn('payment');
    const server = (
      await call('POST', `${environment}/apiServers`, {
        name: 'Payments',
        baseUrls: ['https://pay.example.com/v1'],
        authorizationServer: { type: 'PINGONE_SSO', resource: { id: resource.id } },
      })
    ).body;
    const operations = `${environment}/apiServers/${server.id}/operations`;
    const operation = {
      name: 'Read a payment',
      methods: ['GET'],
      paths: [{ pattern: '/payments/{paymentId}', type: 'PARAMETER' }],
    };
    const created = (
      await call('POST', operations, { ...operation, accessControl: { permission: { id: permission.id } } })
    ).body;
    expect(created.policy.id).toEqual(expect.any(String));
    const sameName = await call('POST', operations, { ...operation, name: 'read a PAYMENT' });
    expect(sameName.body.details[0]).toMatchObject({ code: 'UNIQUENESS_VIOLATION', target: 'name' });
    const unknownGroup = await call('POST', operations, {
      ...operation,
      name: 'Group only',
      accessControl: { group: { groups: [{ id: missing }] } },
    });
    expect(unknownGroup.body.details[0]).toMatchObject({
      code: 'INVALID_VALUE',
      target: 'accessControl.group.groups[0].id',
    });
    const endpoint = (
      await call('POST', `${environment}/decisionEndpoints`, {
        name: 'Payments',
        description: 'Payment calls.',
        recordRecentRequests: false,
      })
    ).body;
    const ask = async (userId: string | undefined, url = 'https://pay.example.com/v1/payments/7') =>
      (
        await call('POST', `${environment}/decisionEndpoints/${endpoint.id}`, {
          parameters: { method: 'GET', url },
          ...(userId ? { userContext: { user: { id: userId } } } : {}),
        })
      ).body;

    expect((await ask(ann)).decision).toBe('NOT_APPLICABLE'); // not deployed yet
    const deployed = (await call('POST', `${environment}/apiServers/${server.id}/deployment`)).body;
    const permitted = await ask(ann);
    expect(permitted).toMatchObject({
      id: expect.any(String),
      decision: 'PERMIT',
      status: { code: 'OKAY' },
      statements: [],
      authorizationVersion: deployed.authorizationVersion,
      elapsedMicroseconds: expect.any(Number),
    });
    expect((await ask(bob)).decision).toBe('DENY');
    expect((await ask(missing)).decision).toBe('DENY');
    expect(await ask(undefined)).toMatchObject({
      decision: 'INDETERMINATE',
      status: { code: 'MISSING_ATTRIBUTE' },
    });
    expect((await ask(ann, 'https://pay.example.com/v1/refunds/7')).decision).toBe('NOT_APPLICABLE');
    // The server's own endpoint decides the same way.
    const own = await call('POST', `${environment}/decisionEndpoints/${deployed.decisionEndpoint.id}`, {
      parameters: { method: 'GET', url: 'https://pay.example.com/v1/payments/7' },
      userContext: { user: { id: bob } },
    });
    expect(own.body.decision).toBe('DENY');

    const group = (await call('POST', `${environment}/groups`, { name: 'Treasury' })).body;
    await call('PUT', `${operations}/${created.id}`, {
      ...operation,
      accessControl: { group: { groups: [{ id: group.id }] } },
    });
    expect((await ask(ann)).decision).toBe('PERMIT'); // the edit is not deployed yet
    await call('POST', `${environment}/apiServers/${server.id}/deployment`);
    expect((await ask(ann)).decision).toBe('DENY');
    await call('POST', `${environment}/users/${bob}/memberOfGroups`, { id: group.id });
    expect((await ask(bob)).decision).toBe('PERMIT');

    expect(
      (await call('POST', `${environment}/decisionEndpoints/${missing}`, { parameters: {} })).status,
    ).toBe(404);
    const noParameters = await call('POST', `${environment}/decisionEndpoints/${endpoint.id}`, {});
    expect(noParameters.status).toBe(400);
  });
});
