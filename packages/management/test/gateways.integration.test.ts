import { BadRequestError, NotFoundError } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGateway,
  createGatewayCredential,
  createGatewayRoleAssignment,
  createPopulation,
  deleteGateway,
  deleteGatewayCredential,
  deleteGatewayRoleAssignment,
  getGateway,
  getGatewayCredential,
  getGatewayInstance,
  getGatewayRoleAssignment,
  listGatewayCredentials,
  listGatewayInstances,
  listGatewayRoleAssignments,
  listGateways,
  listRoles,
  replaceGateway,
  replaceGatewayRoleAssignment,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

/** Ids are read-only, so optional in the types; the emulator always answers them. */
const id = (resource: { id?: string }): string => resource.id ?? '';

describe('gateways against the emulator', () => {
  let session: EmulatorSession;

  beforeAll(async () => {
    session = await startEmulatorSession();
  }, 60_000);
  afterAll(() => session.close());

  it('creates gateways of each type and narrows on `type`', async () => {
    const client = session.client;
    const { data: ldap } = await createGateway({
      client,
      body: {
        type: 'LDAP',
        name: 'Head office directory',
        enabled: true,
        bindDN: 'cn=pingone,ou=services,dc=example,dc=com',
        bindPassword: 'example-password',
        vendor: 'Microsoft Active Directory',
        serversHostAndPort: ['dc1.example.com:636'],
        connectionSecurity: 'TLS',
        userTypes: [
          {
            name: 'Staff',
            passwordAuthority: 'LDAP',
            searchBaseDn: 'ou=staff,dc=example,dc=com',
            orderedCorrelationAttributes: ['sAMAccountName'],
          },
        ],
      },
    });
    if (ldap.type !== 'LDAP') throw new Error(`expected an LDAP gateway, got ${ldap.type}`);
    expect(ldap.vendor).toBe('Microsoft Active Directory');
    expect(ldap.userTypes?.[0]?.passwordAuthority).toBe('LDAP');
    // The bind password is sent, never answered.
    expect(ldap).not.toHaveProperty('bindPassword');

    const { data: radius } = await createGateway({
      client,
      body: {
        type: 'RADIUS',
        name: 'VPN RADIUS',
        enabled: true,
        davinci: { policy: { id: 'c3a1e0f2-8b7d-4e6a-9f5c-1d2e3f4a5b6c' } },
        radiusClients: [{ ip: '10.0.0.12', sharedSecret: 'example-secret' }],
      },
    });
    if (radius.type !== 'RADIUS') throw new Error(`expected a RADIUS gateway, got ${radius.type}`);
    expect(radius.radiusClients).toEqual([{ ip: '10.0.0.12' }]);

    const { data: federate } = await createGateway({
      client,
      body: { type: 'PING_FEDERATE', name: 'PingFederate connector', enabled: true },
    });
    const { data: read } = await getGateway({ client, path: { gatewayId: id(ldap) } });
    expect(read).not.toHaveProperty('bindPassword');
    expect(read.name).toBe('Head office directory');

    const { data: listed } = await listGateways({ client });
    expect(listed._embedded.gateways.map((gateway) => gateway.type)).toEqual([
      'LDAP',
      'RADIUS',
      'PING_FEDERATE',
    ]);

    const { data: replaced } = await replaceGateway({
      client,
      path: { gatewayId: id(federate) },
      body: { type: 'PING_FEDERATE', name: 'PingFederate (EU)', enabled: false },
    });
    expect(replaced).toMatchObject({ id: id(federate), name: 'PingFederate (EU)', enabled: false });

    // A body that lacks the fields of its type is refused before anything is stored.
    await expect(
      // @ts-expect-error an LDAP gateway needs its bind account, vendor and servers.
      createGateway({ client, body: { type: 'LDAP', name: 'Incomplete', enabled: true } }),
    ).rejects.toBeInstanceOf(BadRequestError);

    await expect(
      createGateway({
        client,
        body: {
          type: 'LDAP',
          name: 'No password',
          enabled: true,
          bindDN: 'cn=pingone,dc=example,dc=com',
          vendor: 'PingDirectory',
          serversHostAndPort: ['ldap.example.com:636'],
        },
      }),
    ).rejects.toBeInstanceOf(BadRequestError);

    await deleteGateway({ client, path: { gatewayId: id(radius) } });
    await expect(getGateway({ client, path: { gatewayId: id(radius) } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('answers a credential secret once, and revokes credentials', async () => {
    const client = session.client;
    const { data: gateway } = await createGateway({
      client,
      body: { type: 'API_GATEWAY_INTEGRATION', name: 'Edge', enabled: true },
    });
    const gatewayId = id(gateway);
    const { data: credential } = await createGatewayCredential({ client, path: { gatewayId } });
    expect(credential.credential).toMatch(/^[\w-]{40,}$/);

    const { data: read } = await getGatewayCredential({
      client,
      path: { gatewayId, credentialId: id(credential) },
    });
    expect(read.id).toBe(id(credential));
    expect(read.credential).toBeUndefined();
    const { data: second } = await createGatewayCredential({ client, path: { gatewayId } });
    expect(second.credential).not.toBe(credential.credential);

    const { data: listed } = await listGatewayCredentials({ client, path: { gatewayId } });
    expect(listed._embedded.credentials.map((item) => id(item))).toEqual([id(credential), id(second)]);
    expect(listed._embedded.credentials.every((item) => item.credential === undefined)).toBe(true);

    await deleteGatewayCredential({ client, path: { gatewayId, credentialId: id(credential) } });
    await expect(
      getGatewayCredential({ client, path: { gatewayId, credentialId: id(credential) } }),
    ).rejects.toBeInstanceOf(NotFoundError);

    // Instances appear only when gateway software connects; a new gateway has none.
    const { data: instances } = await listGatewayInstances({ client, path: { gatewayId } });
    expect(instances._embedded.instances).toEqual([]);
    await expect(
      getGatewayInstance({ client, path: { gatewayId, instanceId: id(credential) } }),
    ).rejects.toBeInstanceOf(NotFoundError);

    // Credentials of an unknown gateway do not exist.
    await expect(
      listGatewayCredentials({ client, path: { gatewayId: '00000000-0000-4000-8000-000000000000' } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('assigns, changes and removes a gateway role', async () => {
    const client = session.client;
    const environmentId = session.emulator.environmentId;
    const { data: gateway } = await createGateway({
      client,
      body: { type: 'PING_FEDERATE', name: 'Federation hub', enabled: true },
    });
    const gatewayId = id(gateway);
    const { data: population } = await createPopulation({ client, body: { name: 'Partners' } });
    const { data: roles } = await listRoles({ client });
    const roleId = (name: string) => roles._embedded.roles.find((role) => role.name === name)?.id ?? '';

    const { data: assignment } = await createGatewayRoleAssignment({
      client,
      path: { gatewayId },
      body: {
        role: { id: roleId('Identity Data Admin') },
        scope: { id: environmentId, type: 'ENVIRONMENT' },
      },
    });
    expect(assignment).toMatchObject({ gateway: { id: gatewayId }, scope: { type: 'ENVIRONMENT' } });
    const roleAssignmentId = id(assignment);

    const { data: changed } = await replaceGatewayRoleAssignment({
      client,
      path: { gatewayId, roleAssignmentId },
      body: {
        role: { id: roleId('Identity Data Admin') },
        scope: { id: id(population), type: 'POPULATION' },
      },
    });
    expect(changed.scope).toEqual({ id: id(population), type: 'POPULATION' });
    const { data: read } = await getGatewayRoleAssignment({ client, path: { gatewayId, roleAssignmentId } });
    expect(read.scope.type).toBe('POPULATION');

    await expect(
      createGatewayRoleAssignment({
        client,
        path: { gatewayId },
        body: {
          role: { id: '00000000-0000-4000-8000-0000000000ff' },
          scope: { id: environmentId, type: 'ENVIRONMENT' },
        },
      }),
    ).rejects.toBeInstanceOf(BadRequestError);

    const { data: listed } = await listGatewayRoleAssignments({ client, path: { gatewayId } });
    expect(listed._embedded.roleAssignments.map((item) => id(item))).toEqual([roleAssignmentId]);
    await deleteGatewayRoleAssignment({ client, path: { gatewayId, roleAssignmentId } });
    await expect(
      getGatewayRoleAssignment({ client, path: { gatewayId, roleAssignmentId } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
