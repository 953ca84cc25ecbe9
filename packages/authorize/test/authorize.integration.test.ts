import { BadRequestError, InvalidArgumentError, NotFoundError, paginate } from '@pingone-sdk/core';
import {
  addUserToGroup,
  createApplicationResource,
  createGroup,
  createResource,
  createResourceScope,
  createUser,
  createUserApplicationRoleAssignment,
} from '@pingone-sdk/management';
import { type EmulatorSession, startEmulatorSession } from '@pingone-sdk/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiServer,
  createApiServerOperation,
  createApplicationResourcePermission,
  createApplicationRole,
  createApplicationRolePermission,
  createDecisionEndpoint,
  decideApiCall,
  deleteApiServer,
  deleteApiServerOperation,
  deleteApplicationResourcePermission,
  deleteApplicationRole,
  deleteApplicationRolePermission,
  deleteDecisionEndpoint,
  deployApiServer,
  evaluateDecision,
  getApiServer,
  getApiServerDeployment,
  getApiServerOperation,
  getApplicationResourcePermission,
  getApplicationRole,
  getDecisionEndpoint,
  getEnvironmentApplicationResource,
  listApiServerOperations,
  listApiServers,
  listApplicationResourcePermissions,
  listApplicationRolePermissions,
  listApplicationRoles,
  listApplicationRoleUserAssignments,
  listDecisionEndpoints,
  listEnvironmentApplicationResources,
  replaceApiServer,
  replaceApiServerOperation,
  replaceApplicationResourcePermission,
  replaceApplicationRole,
  replaceDecisionEndpoint,
} from '../src/index.js';

/** Ids are read-only, so optional in the types; the emulator always answers them. */
const id = (resource: { id?: string }): string => resource.id ?? '';
const unknownId = '00000000-0000-4000-8000-0000000000ff';

describe('@pingone-sdk/authorize against the emulator', () => {
  let session: EmulatorSession;
  let resourceId: string;
  let applicationResourceId: string;
  let userId: string;

  beforeAll(async () => {
    session = await startEmulatorSession();
    const client = session.client;
    resourceId = id((await createResource({ client, body: { name: 'Invoices API' } })).data);
    applicationResourceId = id(
      (await createApplicationResource({ client, path: { resourceId }, body: { name: 'invoice' } })).data,
    );
    userId = id((await createUser({ client, body: { username: 'ann', email: 'ann@example.com' } })).data);
  }, 60_000);
  afterAll(() => session.close());

  it('manages decision endpoints and answers typed errors', async () => {
    const client = session.client;
    const { data: endpoint } = await createDecisionEndpoint({
      client,
      body: { name: 'Payments', description: 'Payment calls.', recordRecentRequests: false },
    });
    const decisionEndpointId = id(endpoint);
    expect((await getDecisionEndpoint({ client, path: { decisionEndpointId } })).data.name).toBe('Payments');
    const { data: replaced } = await replaceDecisionEndpoint({
      client,
      path: { decisionEndpointId },
      body: { name: 'Payments', description: 'Every payment call.', recordRecentRequests: true },
    });
    expect(replaced).toMatchObject({ description: 'Every payment call.', recordRecentRequests: true });
    await createDecisionEndpoint({
      client,
      body: { name: 'Refunds', description: 'Refunds.', recordRecentRequests: false },
    });
    const pageSizes: number[] = [];
    for await (const page of paginate(listDecisionEndpoints, { client, query: { limit: 1 } }).pages())
      pageSizes.push(page._embedded.decisionEndpoints.length);
    expect(pageSizes).toEqual([1, 1]);

    const duplicate = await createDecisionEndpoint({
      client,
      body: { name: 'payments', description: 'Again.', recordRecentRequests: false },
    }).catch((error: unknown) => error);
    expect(duplicate).toBeInstanceOf(BadRequestError);
    expect(duplicate).toMatchObject({
      code: 'INVALID_DATA',
      details: [{ code: 'UNIQUENESS_VIOLATION', target: 'name' }],
    });

    await deleteDecisionEndpoint({ client, path: { decisionEndpointId } });
    await expect(getDecisionEndpoint({ client, path: { decisionEndpointId } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      evaluateDecision({ client, path: { decisionEndpointId }, body: { parameters: {} } }),
    ).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('defines permissions on application resources and grants them through roles', async () => {
    const client = session.client;
    const { data: listed } = await listEnvironmentApplicationResources({ client });
    expect(listed._embedded.resources.map(id)).toContain(applicationResourceId);
    expect(
      (await getEnvironmentApplicationResource({ client, path: { applicationResourceId } })).data.name,
    ).toBe('invoice');
    const path = { applicationResourceId };
    const { data: permission } = await createApplicationResourcePermission({
      client,
      path,
      body: { action: 'approve' },
    });
    expect(permission.key).toBe('invoice:approve');
    const applicationResourcePermissionId = id(permission);
    const { data: renamed } = await replaceApplicationResourcePermission({
      client,
      path: { ...path, applicationResourcePermissionId },
      body: { action: 'sign' },
    });
    expect(renamed.key).toBe('invoice:sign');
    expect(
      (await getApplicationResourcePermission({ client, path: { ...path, applicationResourcePermissionId } }))
        .data.action,
    ).toBe('sign');
    expect(
      (await listApplicationResourcePermissions({ client, path })).data._embedded.permissions.map(id),
    ).toContain(applicationResourcePermissionId);

    const { data: role } = await createApplicationRole({ client, body: { name: 'Signer' } });
    const applicationRoleId = id(role);
    await replaceApplicationRole({
      client,
      path: { applicationRoleId },
      body: { name: 'Signer', description: 'Signs invoices.' },
    });
    expect((await getApplicationRole({ client, path: { applicationRoleId } })).data.description).toBe(
      'Signs invoices.',
    );
    expect((await listApplicationRoles({ client })).data._embedded.roles.map(id)).toContain(
      applicationRoleId,
    );
    const { data: granted } = await createApplicationRolePermission({
      client,
      path: { applicationRoleId },
      body: { id: applicationResourcePermissionId },
    });
    expect(granted).toMatchObject({
      key: 'invoice:sign',
      resource: { id: applicationResourceId, name: 'invoice' },
    });
    const refused = await createApplicationRolePermission({
      client,
      path: { applicationRoleId },
      body: { id: unknownId },
    }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 400, details: [{ code: 'INVALID_VALUE', target: 'id' }] });

    await createUserApplicationRoleAssignment({ client, path: { userId }, body: { id: applicationRoleId } });
    const { data: holders } = await listApplicationRoleUserAssignments({
      client,
      path: { applicationRoleId },
    });
    expect(holders._embedded.assignments).toEqual([
      expect.objectContaining({ role: { id: applicationRoleId }, subject: { id: userId, type: 'USER' } }),
    ]);

    await deleteApplicationRolePermission({
      client,
      path: { applicationRoleId, applicationRolePermissionId: applicationResourcePermissionId },
    });
    expect(
      (await listApplicationRolePermissions({ client, path: { applicationRoleId } })).data._embedded
        .permissions,
    ).toEqual([]);
    await deleteApplicationResourcePermission({ client, path: { ...path, applicationResourcePermissionId } });
    await deleteApplicationRole({ client, path: { applicationRoleId } });
    await expect(getApplicationRole({ client, path: { applicationRoleId } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('deploys an API server and decides on calls with the user application roles', async () => {
    const client = session.client;
    const { data: permission } = await createApplicationResourcePermission({
      client,
      path: { applicationResourceId },
      body: { action: 'read' },
    });
    const { data: role } = await createApplicationRole({ client, body: { name: 'Reader' } });
    await createApplicationRolePermission({
      client,
      path: { applicationRoleId: id(role) },
      body: { id: id(permission) },
    });
    const { data: bob } = await createUser({ client, body: { username: 'bob', email: 'bob@example.com' } });
    await createUserApplicationRoleAssignment({ client, path: { userId }, body: { id: id(role) } });
    const { data: scope } = await createResourceScope({
      client,
      path: { resourceId },
      body: { name: 'invoices:list' },
    });
    const { data: group } = await createGroup({ client, body: { name: 'Accountants' } });
    await addUserToGroup({ client, path: { userId: id(bob) }, body: { id: id(group) } });

    const serverBody = {
      name: 'Invoices',
      baseUrls: ['https://api.example.com/v1'],
      authorizationServer: { type: 'PINGONE_SSO' as const, resource: { id: resourceId } },
    };
    const { data: server } = await createApiServer({ client, body: serverBody });
    const apiServerId = id(server);
    await replaceApiServer({
      client,
      path: { apiServerId },
      body: { ...serverBody, directory: { type: 'PINGONE_SSO' } },
    });
    expect((await getApiServer({ client, path: { apiServerId } })).data.directory).toEqual({
      type: 'PINGONE_SSO',
    });
    expect((await listApiServers({ client })).data._embedded.apiServers.map(id)).toEqual([apiServerId]);
    expect((await getApiServerDeployment({ client, path: { apiServerId } })).data.status?.code).toBe(
      'DEPLOYMENT_UNINITIALIZED',
    );

    const read = {
      name: 'Read an invoice',
      methods: ['GET' as const],
      paths: [{ pattern: '/invoices/{invoiceId}', type: 'PARAMETER' as const }],
    };
    const { data: readOperation } = await createApiServerOperation({
      client,
      path: { apiServerId },
      body: { ...read, accessControl: { permission: { id: id(permission) } } },
    });
    await createApiServerOperation({
      client,
      path: { apiServerId },
      body: {
        name: 'List invoices',
        methods: ['GET'],
        paths: [{ pattern: '/invoices', type: 'EXACT' }],
        accessControl: { scope: { scopes: [{ id: id(scope) }] } },
      },
    });
    const { data: temporary } = await createApiServerOperation({
      client,
      path: { apiServerId },
      body: { name: 'Temporary', paths: [{ pattern: '/tmp', type: 'EXACT' }] },
    });
    await deleteApiServerOperation({ client, path: { apiServerId, apiServerOperationId: id(temporary) } });
    expect(
      (await listApiServerOperations({ client, path: { apiServerId } })).data._embedded.operations,
    ).toHaveLength(2);

    const { data: deployment } = await deployApiServer({ client, path: { apiServerId } });
    expect(deployment.status?.code).toBe('DEPLOYMENT_SUCCESSFUL');
    expect(await getApiServerDeployment({ client, path: { apiServerId } })).toMatchObject({
      data: deployment,
    });
    const decisionEndpointId = deployment.decisionEndpoint?.id ?? '';
    const ask = async (
      user: string | undefined,
      url = 'https://api.example.com/v1/invoices/42',
      scopes?: string[],
    ) =>
      (await decideApiCall({ client, decisionEndpointId, method: 'get', url, userId: user, scopes })).data
        .decision;

    expect(await ask(userId)).toBe('PERMIT');
    expect(await ask(id(bob))).toBe('DENY');
    expect(await ask(undefined)).toBe('INDETERMINATE');
    expect(await ask(userId, 'https://api.example.com/v1/customers')).toBe('NOT_APPLICABLE');
    expect(await ask(undefined, 'https://api.example.com/v1/invoices', ['invoices:list'])).toBe('PERMIT');
    expect(await ask(undefined, 'https://api.example.com/v1/invoices', ['openid'])).toBe('DENY');

    // An edit counts from the next deployment on.
    const apiServerOperationId = id(readOperation);
    await replaceApiServerOperation({
      client,
      path: { apiServerId, apiServerOperationId },
      body: { ...read, accessControl: { group: { groups: [{ id: id(group) }] } } },
    });
    expect(
      (await getApiServerOperation({ client, path: { apiServerId, apiServerOperationId } })).data
        .accessControl,
    ).toEqual({
      group: { groups: [{ id: id(group) }] },
    });
    expect(await ask(id(bob))).toBe('DENY');
    await deployApiServer({ client, path: { apiServerId } });
    expect(await ask(id(bob))).toBe('PERMIT');
    expect(await ask(userId)).toBe('DENY');

    await deleteApiServer({ client, path: { apiServerId } });
    await expect(getDecisionEndpoint({ client, path: { decisionEndpointId } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('refuses bad input before anything is sent', async () => {
    const client = session.client;
    const refusal = (call: () => Promise<unknown>) => call().catch((error: unknown) => error);
    const base = { client, decisionEndpointId: unknownId, url: 'https://api.example.com/v1/x' };
    expect(await refusal(() => decideApiCall({ ...base, method: 'FETCH' }))).toMatchObject({
      parameter: 'method',
    });
    expect(await refusal(() => decideApiCall({ ...base, method: 'GET', url: '/v1/x' }))).toMatchObject({
      parameter: 'url',
    });
    expect(
      await refusal(() => decideApiCall({ ...base, method: 'GET', url: 'ftp://example.com/x' })),
    ).toMatchObject({
      parameter: 'url',
    });
    expect(await refusal(() => decideApiCall({ ...base, method: 'GET', userId: ' ' }))).toMatchObject({
      parameter: 'userId',
    });
    const blank = await refusal(() => decideApiCall({ ...base, method: 'GET', decisionEndpointId: '' }));
    expect(blank).toBeInstanceOf(InvalidArgumentError);
    expect(blank).toMatchObject({ parameter: 'decisionEndpointId' });
    expect(await refusal(() => getApiServer({ client, path: { apiServerId: '' } }))).toBeInstanceOf(
      InvalidArgumentError,
    );
    // A well-formed call to an unknown endpoint reaches PingOne and comes back as a 404.
    await expect(decideApiCall({ ...base, method: 'GET' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
