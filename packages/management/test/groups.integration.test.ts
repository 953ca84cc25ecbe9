import { BadRequestError, NotFoundError, paginate } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUserToGroup,
  createGroup,
  createGroupNesting,
  createGroupRoleAssignment,
  createPopulation,
  createUser,
  deleteGroup,
  deleteGroupNesting,
  deleteGroupRoleAssignment,
  getGroup,
  getGroupNesting,
  getGroupRoleAssignment,
  listGroupNestings,
  listGroupRoleAssignments,
  listGroups,
  listRoles,
  replaceGroup,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

/** Ids are read-only, so optional in the types; the emulator always answers them. */
const id = (resource: { id?: string }): string => resource.id ?? '';

describe('groups against the emulator', () => {
  let session: EmulatorSession;
  let populationId: string;

  beforeAll(async () => {
    session = await startEmulatorSession();
    const { data } = await createPopulation({ client: session.client, body: { name: 'Sales staff' } });
    populationId = id(data);
    for (let index = 0; index < 7; index += 1) {
      await createGroup({
        client: session.client,
        body: { name: `Team ${index}`, externalId: `W-${index}` },
      });
    }
  }, 60_000);
  afterAll(() => session.close());

  it('pages through groups and filters them', async () => {
    const client = session.client;
    const pageSizes: number[] = [];
    for await (const page of paginate(listGroups, { client, query: { limit: 3 } }).pages()) {
      pageSizes.push(page._embedded.groups.length);
    }
    expect(pageSizes).toEqual([3, 3, 1]);
    const names: string[] = [];
    for await (const group of paginate(listGroups, { client, query: { filter: 'externalId sw "W-1"' } })) {
      names.push(group.name);
    }
    expect(names).toEqual(['Team 1']);
  });

  it('creates, reads, replaces and deletes a group of a population', async () => {
    const client = session.client;
    const { data: created } = await createGroup({
      client,
      body: {
        name: 'Managers',
        population: { id: populationId },
        userFilter: 'title eq "Manager"',
        customData: { owner: 'finance' },
      },
    });
    expect(created).toMatchObject({
      name: 'Managers',
      displayName: 'Managers',
      population: { id: populationId },
    });
    const groupId = id(created);
    const { data: read } = await getGroup({ client, path: { groupId } });
    expect(read.customData).toEqual({ owner: 'finance' });

    const { data: replaced } = await replaceGroup({
      client,
      path: { groupId },
      body: { name: 'Approvers', description: 'Approve expenses' },
    });
    expect(replaced).toMatchObject({
      name: 'Approvers',
      description: 'Approve expenses',
      population: { id: populationId },
    });
    expect(replaced.customData).toBeUndefined();

    // Another population's group may not reuse an environment-wide name.
    await expect(
      createGroup({ client, body: { name: 'Team 0', population: { id: populationId } } }),
    ).rejects.toBeInstanceOf(BadRequestError);

    await deleteGroup({ client, path: { groupId } });
    await expect(getGroup({ client, path: { groupId } })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('nests groups and counts members', async () => {
    const client = session.client;
    const { data: parent } = await createGroup({ client, body: { name: 'All staff' } });
    const { data: child } = await createGroup({ client, body: { name: 'Support' } });
    const { data: user } = await createUser({
      client,
      body: { username: 'sam', email: 'sam@example.com', population: { id: populationId } },
    });
    await addUserToGroup({ client, path: { userId: id(user) }, body: { id: id(child) } });

    const { data: nesting } = await createGroupNesting({
      client,
      path: { groupId: id(child) },
      body: { id: id(parent) },
    });
    expect(nesting).toMatchObject({ id: id(parent), name: 'All staff', type: 'DIRECT' });
    const { data: read } = await getGroupNesting({
      client,
      path: { groupId: id(child), nestedGroupId: id(parent) },
    });
    expect(read.id).toBe(id(parent));
    const { data: listed } = await listGroupNestings({ client, path: { groupId: id(child) } });
    expect(listed._embedded.groupMemberships.map((group) => id(group))).toEqual([id(parent)]);

    const { data: counted } = await getGroup({
      client,
      path: { groupId: id(parent) },
      query: { include: 'totalMemberCounts' },
    });
    expect(counted.directMemberCounts?.users).toBe(0);
    expect(counted.totalMemberCounts?.users).toBe(1);

    await deleteGroupNesting({ client, path: { groupId: id(child), nestedGroupId: id(parent) } });
    const { data: after } = await listGroupNestings({ client, path: { groupId: id(child) } });
    expect(after._embedded.groupMemberships).toEqual([]);
    await expect(
      createGroupNesting({ client, path: { groupId: id(child) }, body: { id: populationId } }),
    ).rejects.toBeInstanceOf(BadRequestError);
  });

  it('assigns roles to a group only for existing roles and scopes', async () => {
    const client = session.client;
    const environmentId = session.emulator.environmentId;
    const { data: group } = await createGroup({ client, body: { name: 'Help desk' } });
    const { data: roles } = await listRoles({ client });
    const roleId = (name: string) => roles._embedded.roles.find((role) => role.name === name)?.id ?? '';

    const { data: assignment } = await createGroupRoleAssignment({
      client,
      path: { groupId: id(group) },
      body: { role: { id: roleId('Identity Data Admin') }, scope: { id: populationId, type: 'POPULATION' } },
    });
    expect(assignment).toMatchObject({
      group: { id: id(group) },
      scope: { id: populationId, type: 'POPULATION' },
      readOnly: false,
    });
    const { data: read } = await getGroupRoleAssignment({
      client,
      path: { groupId: id(group), roleAssignmentId: id(assignment) },
    });
    expect(read.role.id).toBe(roleId('Identity Data Admin'));

    const invalid = await createGroupRoleAssignment({
      client,
      path: { groupId: id(group) },
      body: {
        role: { id: '00000000-0000-4000-8000-0000000000ff' },
        scope: { id: environmentId, type: 'ENVIRONMENT' },
      },
    }).catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(BadRequestError);
    expect((invalid as BadRequestError).code).toBe('INVALID_DATA');
    await expect(
      createGroupRoleAssignment({
        client,
        path: { groupId: id(group) },
        body: { role: { id: roleId('Environment Admin') }, scope: { id: populationId, type: 'ENVIRONMENT' } },
      }),
    ).rejects.toBeInstanceOf(BadRequestError);

    const { data: listed } = await listGroupRoleAssignments({ client, path: { groupId: id(group) } });
    expect(listed._embedded.roleAssignments).toHaveLength(1);
    await deleteGroupRoleAssignment({
      client,
      path: { groupId: id(group), roleAssignmentId: id(assignment) },
    });
    await expect(
      getGroupRoleAssignment({ client, path: { groupId: id(group), roleAssignmentId: id(assignment) } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
