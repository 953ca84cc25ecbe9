import { BadRequestError, NotFoundError, paginate } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCustomAdminRole,
  deleteCustomAdminRole,
  getCustomAdminRole,
  getRole,
  listCustomAdminRoles,
  listRoles,
  replaceCustomAdminRole,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

describe('roles against the emulator', () => {
  let session: EmulatorSession;

  beforeAll(async () => {
    session = await startEmulatorSession();
  }, 60_000);
  afterAll(() => session.close());

  it('lists and reads the built-in roles', async () => {
    const client = session.client;
    const names: string[] = [];
    for await (const role of paginate(listRoles, { client })) if (role.name) names.push(role.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Organization Admin',
        'Environment Admin',
        'Identity Data Admin',
        'Identity Data Read Only',
        'Client Application Developer',
        'Configuration Read Only',
        'Help Desk Admin',
        'Application Owner',
      ]),
    );
    const { data: roles } = await listRoles({ client });
    const identityDataAdmin = roles._embedded.roles.find((role) => role.name === 'Identity Data Admin');
    const { data: read } = await getRole({ client, path: { roleId: identityDataAdmin?.id as string } });
    expect(read.applicableTo).toEqual(['ENVIRONMENT', 'POPULATION']);
    expect(read.permissions?.map((permission) => permission.id)).toContain('identity:read:user');
    await expect(
      getRole({ client, path: { roleId: '00000000-0000-4000-8000-0000000000ff' } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('creates, reads, lists, replaces and deletes custom administrator roles', async () => {
    const client = session.client;
    const { data: builtIn } = await listRoles({ client });
    const environmentAdmin = builtIn._embedded.roles.find((role) => role.name === 'Environment Admin')
      ?.id as string;

    const { data: created } = await createCustomAdminRole({
      client,
      body: {
        name: 'User Auditor',
        description: 'Reads users.',
        applicableTo: ['ENVIRONMENT', 'POPULATION'],
        permissions: [{ id: 'identity:read:user' }],
        canBeAssignedBy: [{ id: environmentAdmin }],
      },
    });
    expect(created).toMatchObject({ type: 'CUSTOM', environment: { id: session.emulator.environmentId } });
    const roleId = created.id as string;
    expect((await getCustomAdminRole({ client, path: { roleId } })).data.name).toBe('User Auditor');

    // The environment's list holds the built-in roles (PLATFORM) and its own (CUSTOM).
    const types = new Map<string, number>();
    for await (const role of paginate(listCustomAdminRoles, { client }))
      types.set(role.type ?? '', (types.get(role.type ?? '') ?? 0) + 1);
    expect(types.get('CUSTOM')).toBe(1);
    expect(types.get('PLATFORM')).toBe(builtIn._embedded.roles.length);
    const { data: custom } = await listCustomAdminRoles({ client, query: { filter: 'type eq "CUSTOM"' } });
    expect(custom._embedded.roles.map((role) => role.id)).toEqual([roleId]);
    const { data: platform } = await getCustomAdminRole({ client, path: { roleId: environmentAdmin } });
    expect(platform.type).toBe('PLATFORM');

    const { data: replaced } = await replaceCustomAdminRole({
      client,
      path: { roleId },
      body: {
        name: 'User Auditor',
        permissions: [{ id: 'identity:read:user' }, { id: 'identity:read:group' }],
        canBeAssignedBy: [{ id: environmentAdmin }],
      },
    });
    expect(replaced.permissions).toHaveLength(2);
    expect(replaced.description).toBeUndefined();
    await expect(
      createCustomAdminRole({
        client,
        body: { name: 'Environment Admin', permissions: [], canBeAssignedBy: [] },
      }),
    ).rejects.toBeInstanceOf(BadRequestError);
    await expect(
      deleteCustomAdminRole({ client, path: { roleId: environmentAdmin } }),
    ).rejects.toBeInstanceOf(BadRequestError);

    await deleteCustomAdminRole({ client, path: { roleId } });
    await expect(getCustomAdminRole({ client, path: { roleId } })).rejects.toBeInstanceOf(NotFoundError);
  });
});
