import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';

describe('role assignment rules', () => {
  let session: EmulatorSession;
  let assignments: string;
  let applicationId: string;
  let roleId: (name: string) => string;

  beforeAll(async () => {
    session = await startSession();
    const worker = await session.call('POST', `${session.environmentUrl}/applications`, {
      name: 'Reporting worker',
      enabled: true,
      protocol: 'OPENID_CONNECT',
      type: 'WORKER',
      grantTypes: ['CLIENT_CREDENTIALS'],
      tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC',
    });
    applicationId = worker.body.id;
    assignments = `${session.environmentUrl}/applications/${applicationId}/roleAssignments`;
    const roles = (await session.call('GET', `${session.emulator.apiUrl}/roles`)).body._embedded.roles;
    roleId = (name) => roles.find((role: { name: string }) => role.name === name)?.id ?? '';
  });
  afterAll(() => session.emulator.close());

  const environment = () => ({ id: session.emulator.environmentId, type: 'ENVIRONMENT' });
  const assign = (role: string, scope: { id: string; type: string }) =>
    session.call('POST', assignments, { role: { id: role }, scope });

  it('refuses unknown roles, unknown scopes, inapplicable scopes and repeats', async () => {
    const unknownRole = await assign('00000000-0000-4000-8000-0000000000ff', environment());
    expect(unknownRole.status).toBe(400);
    expect(unknownRole.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'role.id' });
    const unknownScope = await assign(roleId('Application Owner'), {
      id: '00000000-0000-4000-8000-0000000000ff',
      type: 'APPLICATION',
    });
    expect(unknownScope.body.details[0].target).toBe('scope.id');
    const inapplicable = await assign(roleId('Organization Admin'), environment());
    expect(inapplicable.body.details[0].target).toBe('scope.type');
    expect((await assign(roleId('Environment Admin'), environment())).status).toBe(201);
    const repeated = await assign(roleId('Environment Admin'), environment());
    expect(repeated.body.details[0].code).toBe('UNIQUENESS_VIOLATION');
  });

  it('refuses DaVinci Admin to a worker, and scopes an Application Owner to an application', async () => {
    expect((await assign(roleId('DaVinci Admin'), environment())).status).toBe(400);
    const owner = await assign(roleId('Application Owner'), { id: applicationId, type: 'APPLICATION' });
    expect(owner.status).toBe(201);
    expect(owner.body.scope.type).toBe('APPLICATION');
  });

  it('applies the same rules to a user, by target', async () => {
    const user = await session.call('POST', `${session.environmentUrl}/users`, {
      username: 'role-holder',
      email: 'role-holder@example.com',
    });
    expect(user.status).toBe(201);
    const userAssignments = `${session.environmentUrl}/users/${user.body.id}/roleAssignments`;
    const identityDataAdmin = roleId('Identity Data Admin');
    const refusals: [unknown, string][] = [
      [{ role: { id: '7d0c9b7e-0000-4000-8000-000000000000' }, scope: environment() }, 'role.id'],
      [
        {
          role: { id: identityDataAdmin },
          scope: { id: '7d0c9b7e-0000-4000-8000-000000000000', type: 'ENVIRONMENT' },
        },
        'scope.id',
      ],
      [{ role: { id: roleId('Organization Admin') }, scope: environment() }, 'scope.type'],
    ];
    expect(
      (await session.call('POST', userAssignments, { role: { id: identityDataAdmin }, scope: environment() }))
        .status,
    ).toBe(201);
    refusals.push([{ role: { id: identityDataAdmin }, scope: environment() }, 'role.id']);
    for (const [body, target] of refusals) {
      const refused = await session.call('POST', userAssignments, body);
      expect(refused.status).toBe(400);
      expect(refused.body.details[0].target).toBe(target);
    }
  });
});
