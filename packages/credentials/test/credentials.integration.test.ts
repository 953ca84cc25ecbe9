import { BadRequestError, clientCredentials, InvalidArgumentError, NotFoundError } from '@pingone-sdk/core';
import {
  createApplication,
  createManagementClient,
  createPopulation,
  createUser,
} from '@pingone-sdk/management';
import { type EmulatorSession, startEmulatorSession } from '@pingone-sdk/test-support';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  applyCredentialIssuanceRuleStagedChanges,
  type CredentialIssuanceRule,
  type CredentialType,
  createCredentialIssuanceRule,
  createCredentialIssuerProfile,
  createCredentialType,
  createDigitalWallet,
  createDigitalWalletApplication,
  createUserCredential,
  deleteCredentialIssuanceRule,
  deleteCredentialType,
  deleteDigitalWallet,
  deleteDigitalWalletApplication,
  getCredentialIssuanceRule,
  getCredentialIssuanceRuleUsageCounts,
  getCredentialIssuanceRuleUsageDetails,
  getCredentialIssuerProfile,
  getCredentialType,
  getCredentialTypeVersion,
  getDigitalWallet,
  getDigitalWalletApplication,
  getUserCredential,
  listCredentialIssuanceRuleStagedChanges,
  listCredentialIssuanceRules,
  listCredentialTypes,
  listCredentialTypeVersions,
  listDigitalWalletApplications,
  listDigitalWalletProvisionedCredentials,
  listDigitalWallets,
  listUserCredentialProvisionedCredentials,
  listUserCredentials,
  replaceCredentialIssuanceRule,
  replaceCredentialIssuerProfile,
  replaceCredentialType,
  replaceDigitalWallet,
  replaceDigitalWalletApplication,
  replaceUserCredential,
} from '../src/index.js';

/** Ids are read-only, so optional in the types; the emulator always answers them. */
const id = (resource: { id?: string }): string => resource.id ?? '';
const missing = '00000000-0000-4000-8000-0000000000ff';

const badge: CredentialType = {
  title: 'Visitor badge',
  cardDesignTemplate: '<svg xmlns="http://www.w3.org/2000/svg"><text>Visitor</text></svg>',
  management: { mode: 'MANAGED' },
  metadata: {
    fields: [
      { id: 'name', title: 'Name', type: 'Alphanumeric Text', isVisible: true, required: true },
      { id: 'host', title: 'Host', type: 'Alphanumeric Text', isVisible: true },
    ],
  },
};

describe('PingOne Credentials against the emulator', () => {
  let session: EmulatorSession;
  let userId: string;
  let populationId: string;
  let walletApplicationId: string;

  beforeAll(async () => {
    session = await startEmulatorSession();
    const client = session.client;
    populationId = id((await createPopulation({ client, body: { name: 'Visitors' } })).data);
    userId = id(
      (
        await createUser({
          client,
          body: { username: 'grace', email: 'grace@example.com', population: { id: populationId } },
        })
      ).data,
    );
    const { data: application } = await createApplication({
      client,
      body: {
        name: 'Wallet',
        enabled: true,
        protocol: 'OPENID_CONNECT',
        type: 'NATIVE_APP',
        grantTypes: ['AUTHORIZATION_CODE'],
        responseTypes: ['CODE'],
        redirectUris: ['com.example.wallet://callback'],
        tokenEndpointAuthMethod: 'NONE',
      },
    });
    const { data: walletApplication } = await createDigitalWalletApplication({
      client,
      body: {
        application: { id: id(application) },
        name: 'Example wallet',
        appOpenUrl: 'https://wallet.example.com/open',
      },
    });
    walletApplicationId = id(walletApplication);
  }, 60_000);
  afterAll(() => session.close());

  it('creates the issuer profile once, reads and replaces it', async () => {
    const client = session.client;
    await expect(getCredentialIssuerProfile({ client })).rejects.toBeInstanceOf(NotFoundError);
    const { data: created } = await createCredentialIssuerProfile({
      client,
      body: { name: 'Example Museum' },
    });
    expect(created).toMatchObject({
      name: 'Example Museum',
      applicationInstance: { id: expect.any(String) },
    });
    await expect(createCredentialIssuerProfile({ client, body: { name: 'Again' } })).rejects.toMatchObject({
      status: 400,
      code: 'INVALID_REQUEST',
    });
    const { data: replaced } = await replaceCredentialIssuerProfile({
      client,
      body: { name: 'Example Museum Foundation', siteUrl: 'https://museum.example.com' },
    });
    expect(replaced.id).toBe(created.id);
    expect((await getCredentialIssuerProfile({ client })).data.name).toBe('Example Museum Foundation');
  });

  it('keeps every version of a credential type and deletes it', async () => {
    const client = session.client;
    const { data: created } = await createCredentialType({ client, body: badge });
    const credentialTypeId = id(created);
    expect(created.version?.number).toBe(1);
    const { data: replaced } = await replaceCredentialType({
      client,
      path: { credentialTypeId },
      body: { ...badge, description: 'Worn at the entrance' },
    });
    expect(replaced.version?.number).toBe(2);
    expect((await getCredentialType({ client, path: { credentialTypeId } })).data.description).toBe(
      'Worn at the entrance',
    );
    const { data: listed } = await listCredentialTypes({ client });
    expect(listed._embedded.items.map(id)).toContain(credentialTypeId);

    const { data: versions } = await listCredentialTypeVersions({ client, path: { credentialTypeId } });
    expect(versions._embedded.versions.map((version) => version.version)).toEqual([1, 2]);
    const { data: first } = await getCredentialTypeVersion({
      client,
      path: { credentialTypeId, credentialTypeVersionId: created.version?.id ?? '' },
    });
    expect(first.snapshot?.description).toBeUndefined();

    await deleteCredentialType({ client, path: { credentialTypeId } });
    await expect(getCredentialType({ client, path: { credentialTypeId } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('issues a credential checked against its type and provisions it to the wallet', async () => {
    const client = session.client;
    const credentialTypeId = id((await createCredentialType({ client, body: badge })).data);
    const { data: wallet } = await createDigitalWallet({
      client,
      path: { userId },
      body: { digitalWalletApplication: { id: walletApplicationId } },
    });
    const digitalWalletId = id(wallet);

    const refused = await createUserCredential({
      client,
      path: { userId },
      body: { credentialType: { id: credentialTypeId }, data: { Host: 'Ada', Badge: '7' } },
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BadRequestError);
    expect(refused).toMatchObject({
      code: 'INVALID_DATA',
      details: [
        expect.objectContaining({ code: 'INVALID_VALUE', target: 'data.Badge' }),
        expect.objectContaining({ code: 'REQUIRED_VALUE', target: 'data.Name' }),
      ],
    });

    const { data: credential } = await createUserCredential({
      client,
      path: { userId },
      body: { credentialType: { id: credentialTypeId }, data: { Name: 'Grace Hopper', Host: 'Ada' } },
    });
    const credentialId = id(credential);
    expect(credential).toMatchObject({ status: 'ACTIVE', user: { id: userId } });
    expect((await getUserCredential({ client, path: { userId, credentialId } })).data.data).toEqual({
      Name: 'Grace Hopper',
      Host: 'Ada',
    });
    expect((await listUserCredentials({ client, path: { userId } })).data._embedded.items.map(id)).toEqual([
      credentialId,
    ]);
    const { data: updated } = await replaceUserCredential({
      client,
      path: { userId, credentialId },
      body: { credentialType: { id: credentialTypeId }, data: { Name: 'Rear Admiral Hopper' } },
    });
    expect(updated.data).toEqual({ Name: 'Rear Admiral Hopper' });

    const { data: byCredential } = await listUserCredentialProvisionedCredentials({
      client,
      path: { userId, credentialId },
    });
    const { data: byWallet } = await listDigitalWalletProvisionedCredentials({
      client,
      path: { userId, digitalWalletId },
    });
    expect(byCredential._embedded.provisionedCredentials).toEqual(byWallet._embedded.provisionedCredentials);
    expect(byWallet._embedded.provisionedCredentials).toEqual([
      expect.objectContaining({ credential: { id: credentialId }, digitalWallet: { id: digitalWalletId } }),
    ]);

    await expect(
      getUserCredential({ client, path: { userId: missing, credentialId } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('creates, reads, lists, replaces and deletes wallet applications and wallets', async () => {
    const client = session.client;
    const digitalWalletApplicationId = walletApplicationId;
    const { data: application } = await getDigitalWalletApplication({
      client,
      path: { digitalWalletApplicationId },
    });
    const { data: renamed } = await replaceDigitalWalletApplication({
      client,
      path: { digitalWalletApplicationId },
      body: {
        application: application.application,
        name: 'Museum wallet',
        appOpenUrl: 'https://wallet.example.com/launch',
        usesPingOneWalletSDK: true,
      },
    });
    expect(renamed).toMatchObject({ name: 'Museum wallet', usesPingOneWalletSDK: true });
    expect(
      (await listDigitalWalletApplications({ client })).data._embedded.digitalWalletApplications.map(id),
    ).toContain(digitalWalletApplicationId);
    await expect(
      createDigitalWalletApplication({
        client,
        body: { application: { id: missing }, name: 'Nowhere', appOpenUrl: 'https://example.com' },
      }),
    ).rejects.toMatchObject({
      status: 400,
      details: [expect.objectContaining({ target: 'application.id' })],
    });

    const { data: wallet } = await createDigitalWallet({
      client,
      path: { userId },
      body: { digitalWalletApplication: { id: digitalWalletApplicationId } },
    });
    const digitalWalletId = id(wallet);
    const { data: replaced } = await replaceDigitalWallet({
      client,
      path: { userId, digitalWalletId },
      body: { digitalWalletApplication: { id: digitalWalletApplicationId }, status: 'ACTIVE' },
    });
    expect(replaced).toMatchObject({ status: 'ACTIVE', user: { id: userId } });
    expect((await getDigitalWallet({ client, path: { userId, digitalWalletId } })).data.status).toBe(
      'ACTIVE',
    );
    expect(
      (await listDigitalWallets({ client, path: { userId } })).data._embedded.digitalWallets.map(id),
    ).toContain(digitalWalletId);
    await deleteDigitalWallet({ client, path: { userId, digitalWalletId } });
    await expect(getDigitalWallet({ client, path: { userId, digitalWalletId } })).rejects.toBeInstanceOf(
      NotFoundError,
    );

    const { data: spare } = await createDigitalWalletApplication({
      client,
      body: {
        application: application.application ?? { id: missing },
        name: 'Spare',
        appOpenUrl: 'https://example.com',
      },
    });
    await deleteDigitalWalletApplication({ client, path: { digitalWalletApplicationId: id(spare) } });
    await expect(
      getDigitalWalletApplication({ client, path: { digitalWalletApplicationId: id(spare) } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('stages a rule’s issues and carries them out when applied', async () => {
    const client = session.client;
    const credentialTypeId = id(
      (
        await createCredentialType({
          client,
          body: {
            ...badge,
            title: 'Member card',
            management: { mode: 'AUTOMATED' },
            metadata: {
              fields: [
                {
                  id: 'mail',
                  title: 'Mail',
                  type: 'Directory Attribute',
                  attribute: 'email',
                  isVisible: true,
                },
              ],
            },
          },
        })
      ).data,
    );
    const rule: CredentialIssuanceRule = {
      digitalWalletApplication: { id: walletApplicationId },
      filter: { populationIds: [populationId] },
      automation: { issue: 'ON_DEMAND', update: 'ON_DEMAND', revoke: 'ON_DEMAND' },
      status: 'ACTIVE',
    };
    const { data: created } = await createCredentialIssuanceRule({
      client,
      path: { credentialTypeId },
      body: rule,
    });
    const credentialIssuanceRuleId = id(created);
    const path = { credentialTypeId, credentialIssuanceRuleId };
    expect((await getCredentialIssuanceRule({ client, path })).data.credentialType).toEqual({
      id: credentialTypeId,
    });
    expect(
      (await listCredentialIssuanceRules({ client, path: { credentialTypeId } })).data._embedded
        .issuanceRules,
    ).toHaveLength(1);

    const { data: staged } = await listCredentialIssuanceRuleStagedChanges({ client, path });
    expect(staged._embedded.stagedChanges).toEqual([
      expect.objectContaining({ action: 'ISSUE', user: { id: userId }, scheduled: false }),
    ]);
    const before = (await listUserCredentials({ client, path: { userId } })).data._embedded.items.length;
    const { data: applied } = await applyCredentialIssuanceRuleStagedChanges({
      client,
      path,
      body: { issue: [userId] },
    });
    expect(applied.issue).toEqual([userId]);
    const after = (await listUserCredentials({ client, path: { userId } })).data._embedded.items;
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)?.data).toEqual({ Mail: 'grace@example.com' });

    const { data: moved } = await replaceCredentialIssuanceRule({
      client,
      path,
      body: {
        ...rule,
        automation: { issue: 'PERIODIC', update: 'PERIODIC', revoke: 'PERIODIC' },
        filter: { scim: 'username eq "nobody"' },
      },
    });
    expect(moved.filter).toEqual({ scim: 'username eq "nobody"' });
    const { data: revoked } = await applyCredentialIssuanceRuleStagedChanges({ client, path });
    expect(revoked.revoke).toEqual([userId]);
    expect((await getCredentialIssuanceRuleUsageCounts({ client, path })).data).toEqual({
      issued: 1,
      accepted: 0,
      updated: 0,
      revoked: 1,
    });
    const { data: details } = await getCredentialIssuanceRuleUsageDetails({ client, path });
    expect(details.issued?.[0]?.user).toEqual({ id: userId });

    await deleteCredentialIssuanceRule({ client, path });
    await expect(getCredentialIssuanceRule({ client, path })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses a call without a required path parameter before sending anything', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>((input, init) => globalThis.fetch(input, init));
    const client = createManagementClient({
      baseUrl: session.emulator.apiUrl,
      environmentId: session.emulator.environmentId,
      token: clientCredentials({
        environmentId: session.emulator.environmentId,
        clientId: session.emulator.clientId,
        clientSecret: session.emulator.clientSecret,
        authUrl: session.emulator.authUrl,
      }),
      fetch,
    });
    await expect(
      listUserCredentialProvisionedCredentials({ client, path: { userId, credentialId: '' } }),
    ).rejects.toMatchObject({ name: 'InvalidArgumentError', parameter: 'path.credentialId' });
    await expect(getCredentialType({ client, path: {} as never })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    expect(fetch).not.toHaveBeenCalled();
  });
});
