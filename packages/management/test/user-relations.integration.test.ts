import { BadRequestError, NotFoundError, paginate } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUserToGroup,
  createGroup,
  createGroupNesting,
  createUserApplicationRoleAssignment,
  createUserPairingKey,
  createUserRoleAssignment,
  deleteGroup,
  deleteUserApplicationRoleAssignment,
  deleteUserLinkedAccount,
  deleteUserPairingKey,
  deleteUserRoleAssignment,
  deleteUserSession,
  getUser,
  getUserAgreementConsent,
  getUserGroupMembership,
  getUserLinkedAccount,
  getUserPairingKey,
  getUserRoleAssignment,
  getUserSession,
  listRoles,
  listUserAgreementConsents,
  listUserApplicationRoleAssignments,
  listUserGroupMemberships,
  listUserLinkedAccounts,
  listUserRoleAssignments,
  listUserSessions,
  removeUserFromGroup,
  revokeUserAgreementConsent,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

const userId = '8376797d-641c-4e7b-8bc1-2fdf71916cab';
const idp = '2c5a7f1e-3b54-4d44-8d7b-6c1f0b7e3a19';
const agreementId = '3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7';
const languageId = '4f5a6b7c-8d9e-4f0a-b1c2-d3e4f5a6b7c8';
const redirectUri = 'http://localhost:3000/callback';

describe("a user's relations against the emulator", () => {
  let session: EmulatorSession;

  beforeAll(async () => {
    session = await startEmulatorSession({
      seed: {
        users: [
          {
            id: userId,
            username: 'ada',
            email: 'ada@example.com',
            password: 'P4ssw0rd!',
            linkedAccounts: [{ identityProvider: { id: idp }, externalId: '127152908468744' }],
            agreementConsents: [{ agreement: { id: agreementId }, language: { id: languageId } }],
          },
        ],
        applications: [
          {
            id: 'web-app',
            clientSecret: 'web-secret',
            grantTypes: ['AUTHORIZATION_CODE'],
            redirectUris: [redirectUri],
          },
        ],
      },
    });
  }, 60_000);
  afterAll(() => session.close());

  it('adds the user to existing groups only, lists memberships in pages, with nesting and expansion', async () => {
    const { client } = session;
    const groupIds: string[] = [];
    for (const name of ['Analysts', 'Auditors', 'Admins'])
      groupIds.push((await createGroup({ client, body: { name } })).data.id as string);
    const [analysts, auditors, admins] = groupIds as [string, string, string];
    const missing = await addUserToGroup({
      client,
      path: { userId },
      body: { id: '7d0c9b7e-0000-4000-8000-000000000000' },
    }).catch((caught: unknown) => caught);
    expect(missing).toBeInstanceOf(BadRequestError);
    expect((missing as BadRequestError).details[0]?.target).toBe('id');

    const { data: added } = await addUserToGroup({ client, path: { userId }, body: { id: analysts } });
    expect(added).toMatchObject({ id: analysts, name: 'Analysts', type: 'DIRECT' });
    await addUserToGroup({ client, path: { userId }, body: { id: auditors } });
    const twice = await addUserToGroup({ client, path: { userId }, body: { id: auditors } }).catch(
      (caught: unknown) => caught,
    );
    expect((twice as BadRequestError).details[0]?.code).toBe('UNIQUENESS_VIOLATION');
    // Analysts is nested in Admins, so the user is an indirect member of Admins.
    await createGroupNesting({ client, path: { groupId: analysts }, body: { id: admins } });

    const pages: number[] = [];
    const seen: Record<string, string | undefined> = {};
    for await (const page of paginate(listUserGroupMemberships, {
      client,
      path: { userId },
      query: { limit: 2 },
    }).pages()) {
      pages.push(page._embedded.groupMemberships.length);
      for (const membership of page._embedded.groupMemberships) seen[membership.name ?? ''] = membership.type;
    }
    expect(pages).toEqual([2, 1]);
    expect(seen).toEqual({ Analysts: 'DIRECT', Auditors: 'DIRECT', Admins: 'INDIRECT' });

    const { data: expanded } = await getUserGroupMembership({
      client,
      path: { userId, groupId: admins },
      query: { expand: 'group' },
    });
    expect(expanded._embedded?.group).toMatchObject({ id: admins, name: 'Admins' });
    const { data: filtered } = await listUserGroupMemberships({
      client,
      path: { userId },
      query: { filter: 'name sw "Au"' },
    });
    expect(filtered._embedded.groupMemberships.map((membership) => membership.id)).toEqual([auditors]);
    const { data: withNames } = await getUser({
      client,
      path: { userId },
      query: { include: 'memberOfGroupNames' },
    });
    expect(withNames.memberOfGroupNames?.sort()).toEqual(['Admins', 'Analysts', 'Auditors']);

    await removeUserFromGroup({ client, path: { userId, groupId: auditors } });
    await deleteGroup({ client, path: { groupId: admins } });
    const { data: after } = await getUser({
      client,
      path: { userId },
      query: { include: 'memberOfGroupIDs' },
    });
    expect(after.memberOfGroupIDs).toEqual([analysts]);
    await expect(
      getUserGroupMembership({ client, path: { userId, groupId: auditors } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('assigns predefined roles, lists them in pages and removes assignments', async () => {
    const { client, emulator } = session;
    const roles = new Map<string, string>();
    for await (const role of paginate(listRoles, { client })) roles.set(String(role.name), role.id as string);
    for (const name of [
      'Environment Admin',
      'Identity Data Admin',
      'Client Application Developer',
      'Organization Admin',
      'Identity Data Read Only',
      'Configuration Read Only',
    ]) {
      expect(roles.has(name)).toBe(true);
    }
    const identityDataAdmin = roles.get('Identity Data Admin') as string;
    const environmentScope = { id: emulator.environmentId, type: 'ENVIRONMENT' as const };
    const { data: assignment } = await createUserRoleAssignment({
      client,
      path: { userId },
      body: { role: { id: identityDataAdmin }, scope: environmentScope },
    });
    expect(assignment).toMatchObject({
      role: { id: identityDataAdmin },
      scope: environmentScope,
      readOnly: false,
    });
    await createUserRoleAssignment({
      client,
      path: { userId },
      body: {
        role: { id: identityDataAdmin },
        scope: { id: emulator.defaultPopulationId, type: 'POPULATION' },
      },
    });

    const pages: number[] = [];
    for await (const page of paginate(listUserRoleAssignments, { client, path: { userId } }).pages())
      pages.push(page._embedded.roleAssignments.length);
    expect(pages).toEqual([2]);
    const roleAssignmentId = assignment.id;
    expect((await getUserRoleAssignment({ client, path: { userId, roleAssignmentId } })).data.id).toBe(
      roleAssignmentId,
    );
    await deleteUserRoleAssignment({ client, path: { userId, roleAssignmentId } });
    await expect(
      getUserRoleAssignment({ client, path: { userId, roleAssignmentId } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('assigns and removes application roles', async () => {
    const { client } = session;
    const applicationRoleId = '9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f';
    await createUserApplicationRoleAssignment({ client, path: { userId }, body: { id: applicationRoleId } });
    const twice = await createUserApplicationRoleAssignment({
      client,
      path: { userId },
      body: { id: applicationRoleId },
    }).catch((caught: unknown) => caught);
    expect(twice).toBeInstanceOf(BadRequestError);
    const { data } = await listUserApplicationRoleAssignments({ client, path: { userId } });
    expect(data._embedded.roles.map((role) => role.id)).toEqual([applicationRoleId]);
    await deleteUserApplicationRoleAssignment({ client, path: { userId, applicationRoleId } });
    expect(
      (await listUserApplicationRoleAssignments({ client, path: { userId } })).data._embedded.roles,
    ).toEqual([]);
  });

  it('records a session when the user signs on, and ends it', async () => {
    const { client, emulator } = session;
    const authorize = new URL(`${emulator.authUrl}/${emulator.environmentId}/as/authorize`);
    authorize.search = new URLSearchParams({
      client_id: 'web-app',
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid',
    }).toString();
    const toSignOn = await fetch(authorize, { redirect: 'manual' });
    const signOn = new URL(toSignOn.headers.get('location') ?? '', emulator.authUrl);
    const signedOn = await fetch(signOn, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        flowId: signOn.searchParams.get('flowId') ?? '',
        username: 'ada',
        password: 'P4ssw0rd!',
      }),
    });
    expect(signedOn.headers.get('location')).toContain(`${redirectUri}?code=`);

    const { data } = await listUserSessions({ client, path: { userId } });
    const [first] = data._embedded.sessions;
    expect(first).toMatchObject({ user: { id: userId } });
    const sessionId = first?.id as string;
    expect((await getUserSession({ client, path: { userId, sessionId } })).data.lastSignOn?.at).toBeDefined();
    expect((await getUser({ client, path: { userId } })).data.lastSignOn?.at).toBeDefined();
    await deleteUserSession({ client, path: { userId, sessionId } });
    await expect(getUserSession({ client, path: { userId, sessionId } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('reads and unlinks linked accounts', async () => {
    const { client } = session;
    const { data } = await listUserLinkedAccounts({ client, path: { userId } });
    const linkedAccountId = data._embedded.linkedAccounts[0]?.id as string;
    const { data: linked } = await getUserLinkedAccount({ client, path: { userId, linkedAccountId } });
    expect(linked).toMatchObject({
      identityProvider: { id: idp },
      externalId: '127152908468744',
      user: { id: userId },
    });
    await deleteUserLinkedAccount({ client, path: { userId, linkedAccountId } });
    expect(
      (await listUserLinkedAccounts({ client, path: { userId } })).data._embedded.linkedAccounts,
    ).toEqual([]);
  });

  it('reads and revokes agreement consents', async () => {
    const { client } = session;
    const { data } = await listUserAgreementConsents({ client, path: { userId } });
    expect(data._embedded.agreementConsents[0]).toMatchObject({
      agreement: { id: agreementId },
      status: 'ACCEPTED',
    });
    const { data: revoked } = await revokeUserAgreementConsent({ client, path: { userId, agreementId } });
    expect(revoked.status).toBe('REVOKED');
    expect((await getUserAgreementConsent({ client, path: { userId, agreementId } })).data.status).toBe(
      'REVOKED',
    );
    await expect(
      revokeUserAgreementConsent({ client, path: { userId, agreementId } }),
    ).rejects.toBeInstanceOf(BadRequestError);
  });

  it('creates, reads and deletes pairing keys', async () => {
    const { client } = session;
    const { data: key } = await createUserPairingKey({
      client,
      path: { userId },
      body: { applications: [{ id: session.emulator.clientId }] },
    });
    expect(key).toMatchObject({ status: 'UNCLAIMED', user: { id: userId } });
    expect(key.code).toMatch(/^\d{14}$/);
    const pairingKeyId = key.id;
    expect((await getUserPairingKey({ client, path: { userId, pairingKeyId } })).data.code).toBe(key.code);
    await deleteUserPairingKey({ client, path: { userId, pairingKeyId } });
    await expect(getUserPairingKey({ client, path: { userId, pairingKeyId } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      createUserPairingKey({
        client,
        path: { userId },
        body: { applications: [{ id: '7d0c9b7e-0000-4000-8000-000000000000' }] },
      }),
    ).rejects.toBeInstanceOf(BadRequestError);
  });
});
