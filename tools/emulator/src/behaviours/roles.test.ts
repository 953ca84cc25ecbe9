import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { predefinedRoleId } from '../state/predefined-roles.js';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';

describe('role behaviours', () => {
  let session: EmulatorSession;

  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(() => session.emulator.close());

  it('serves the built-in roles, also in each environment as PLATFORM roles', async () => {
    const roles = (await session.call('GET', `${session.emulator.apiUrl}/roles`)).body._embedded.roles;
    expect(roles.map((role: { name: string }) => role.name)).toEqual(
      expect.arrayContaining(['Environment Admin', 'Identity Data Admin', 'Organization Admin']),
    );
    const environmentRoles = await session.call(
      'GET',
      `${session.environmentUrl}/roles?filter=type eq "PLATFORM"`,
    );
    expect(environmentRoles.body._embedded.roles).toHaveLength(roles.length);
    const admin = await session.call(
      'GET',
      `${session.environmentUrl}/roles/${predefinedRoleId('Environment Admin')}`,
    );
    // Organization Admins assign Environment Admin; Environment Admins assign every role but Organization Admin.
    expect(admin.body.type).toBe('PLATFORM');
    expect(admin.body.canBeAssignedBy).toEqual([
      { id: predefinedRoleId('Organization Admin') },
      { id: predefinedRoleId('Environment Admin') },
    ]);
    expect((await session.call('DELETE', admin.body._links.self.href)).status).toBe(400);
  });

  it('creates custom roles whose assigners exist, and refuses names taken', async () => {
    const roles = `${session.environmentUrl}/roles`;
    const body = {
      name: 'User Auditor',
      permissions: [{ id: 'identity:read:user' }],
      canBeAssignedBy: [{ id: predefinedRoleId('Environment Admin') }],
      applicableTo: ['ENVIRONMENT'],
    };
    const created = await session.call('POST', roles, body);
    expect(created.status).toBe(201);
    expect(created.body.type).toBe('CUSTOM');
    expect((await session.call('POST', roles, { ...body, name: 'Environment Admin' })).status).toBe(400);
    const unknownAssigner = await session.call('POST', roles, {
      ...body,
      name: 'Other',
      canBeAssignedBy: [{ id: '00000000-0000-4000-8000-0000000000ff' }],
    });
    expect(unknownAssigner.body.details[0].target).toBe('canBeAssignedBy[0].id');
    const custom = await session.call('GET', `${roles}?filter=type eq "CUSTOM"`);
    expect(custom.body._embedded.roles).toHaveLength(1);
  });

  it('assigns roles to applications only for existing roles and applicable scopes', async () => {
    const assignments = `${session.environmentUrl}/applications/${session.emulator.clientId}/roleAssignments`;
    const seeded = (await session.call('GET', assignments)).body._embedded.roleAssignments;
    expect(seeded).toHaveLength(3);
    const environment = { id: session.emulator.environmentId, type: 'ENVIRONMENT' };
    const unknownRole = await session.call('POST', assignments, {
      role: { id: '00000000-0000-4000-8000-0000000000ff' },
      scope: environment,
    });
    expect(unknownRole.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'role.id' });
    const unknownScope = await session.call('POST', assignments, {
      role: { id: predefinedRoleId('Identity Data Read Only') },
      scope: { id: '00000000-0000-4000-8000-0000000000ff', type: 'POPULATION' },
    });
    expect(unknownScope.body.details[0].target).toBe('scope.id');
    const wrongType = await session.call('POST', assignments, {
      role: { id: predefinedRoleId('Organization Admin') },
      scope: environment,
    });
    expect(wrongType.body.details[0].target).toBe('scope.type');
    const twice = await session.call('POST', assignments, {
      role: { id: predefinedRoleId('Environment Admin') },
      scope: environment,
    });
    expect(twice.body.details[0].code).toBe('UNIQUENESS_VIOLATION');
    const davinci = await session.call('POST', assignments, {
      role: { id: predefinedRoleId('DaVinci Admin') },
      scope: environment,
    });
    expect(davinci.status).toBe(400);
    const ok = await session.call('POST', assignments, {
      role: { id: predefinedRoleId('Identity Data Read Only') },
      scope: { id: session.emulator.defaultPopulationId, type: 'POPULATION' },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.readOnly).toBe(false);
  });
});
