import { NotFoundError, paginate } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApplication,
  createApplicationRoleAssignment,
  createPopulation,
  deleteApplicationRoleAssignment,
  getApplicationRoleAssignment,
  listApplicationRoleAssignments,
  listRoles,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

describe('application role assignments against the emulator', () => {
  let session: EmulatorSession;
  let applicationId: string;
  let roleId: (name: string) => string;

  beforeAll(async () => {
    session = await startEmulatorSession();
    const { data: worker } = await createApplication({
      client: session.client,
      body: {
        name: 'Reporting worker',
        enabled: true,
        protocol: 'OPENID_CONNECT',
        type: 'WORKER',
        grantTypes: ['CLIENT_CREDENTIALS'],
        tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC',
      },
    });
    applicationId = worker.id as string;
    const { data: roles } = await listRoles({ client: session.client });
    roleId = (name) => roles._embedded.roles.find((role) => role.name === name)?.id ?? '';
  }, 60_000);
  afterAll(() => session.close());

  it('lists the roles the seeded worker got over its environment', async () => {
    const { data } = await listApplicationRoleAssignments({
      client: session.client,
      path: { applicationId: session.emulator.clientId },
    });
    expect(data._embedded.roleAssignments.map((assignment) => assignment.role.id).sort()).toEqual(
      [
        roleId('Environment Admin'),
        roleId('Identity Data Admin'),
        roleId('Client Application Developer'),
      ].sort(),
    );
  });

  it('assigns, reads, pages through and deletes roles of an application', async () => {
    const client = session.client;
    const environment = { id: session.emulator.environmentId, type: 'ENVIRONMENT' as const };
    const ids: string[] = [];
    for (const name of [
      'Identity Data Read Only',
      'Configuration Read Only',
      'Client Application Developer',
    ]) {
      const { data } = await createApplicationRoleAssignment({
        client,
        path: { applicationId },
        body: { role: { id: roleId(name) }, scope: environment },
      });
      expect(data).toMatchObject({ role: { id: roleId(name) }, scope: environment, readOnly: false });
      ids.push(data.id as string);
    }
    for (let index = 0; index < 3; index += 1) {
      const { data: population } = await createPopulation({ client, body: { name: `Region ${index}` } });
      const { data } = await createApplicationRoleAssignment({
        client,
        path: { applicationId },
        body: {
          role: { id: roleId('Identity Data Admin') },
          scope: { id: population.id as string, type: 'POPULATION' },
        },
      });
      ids.push(data.id as string);
    }
    const listed: string[] = [];
    for await (const assignment of paginate(listApplicationRoleAssignments, {
      client,
      path: { applicationId },
    }))
      listed.push(assignment.id as string);
    expect(listed).toEqual(ids);

    const roleAssignmentId = ids[0] as string;
    const { data: read } = await getApplicationRoleAssignment({
      client,
      path: { applicationId, roleAssignmentId },
    });
    expect(read.role.id).toBe(roleId('Identity Data Read Only'));
    await deleteApplicationRoleAssignment({ client, path: { applicationId, roleAssignmentId } });
    await expect(
      getApplicationRoleAssignment({ client, path: { applicationId, roleAssignmentId } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
