import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';

const walletAppId = '7e6d5c4b-3a29-4817-a6b5-c4d3e2f1a0b9';
const members = '22222222-2222-4222-8222-222222222222';
const guests = '33333333-3333-4333-8333-333333333333';
const ann = '44444444-4444-4444-8444-444444444444';
const bob = '55555555-5555-4555-8555-555555555555';

interface StagedChange {
  action: string;
  scheduled: boolean;
  user: { id: string };
}

describe('issuance rules stage changes until they are applied', () => {
  let session: EmulatorSession;
  let environment: string;
  let typeUrl: string;
  let walletApp: string;

  const staged = async (rule: string): Promise<StagedChange[]> =>
    (await session.call('GET', `${rule}/stagedChanges`)).body._embedded.stagedChanges;
  const apply = (rule: string, selection?: unknown) =>
    session.call('POST', `${rule}/stagedChanges`, selection, {
      'content-type': 'application/vnd.pingidentity.credentials.applyStagedChanges+json',
    });
  const credentialsOf = async (userId: string) =>
    (await session.call('GET', `${environment}/users/${userId}/credentials`)).body._embedded.items;

  beforeAll(async () => {
    session = await startSession({
      seed: {
        applications: [{ id: walletAppId, name: 'Wallet backend' }],
        populations: [
          { id: members, name: 'Members' },
          { id: guests, name: 'Guests' },
        ],
        users: [
          { id: ann, username: 'ann', population: { id: members }, title: 'Coach' },
          { id: bob, username: 'bob', population: { id: guests }, title: 'Visitor' },
        ],
      },
    });
    environment = session.environmentUrl;
    await session.call('POST', `${environment}/credentialIssuerProfile`, { name: 'Gym Inc' });
    const type = await session.call('POST', `${environment}/credentialTypes`, {
      title: 'Staff card',
      cardDesignTemplate: '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
      management: { mode: 'AUTOMATED' },
      metadata: {
        fields: [
          { id: 'role', title: 'Role', type: 'Directory Attribute', attribute: 'title', isVisible: true },
        ],
      },
    });
    typeUrl = `${environment}/credentialTypes/${type.body.id}`;
    walletApp = (
      await session.call('POST', `${environment}/digitalWalletApplications`, {
        application: { id: walletAppId },
        name: 'Gym wallet',
        appOpenUrl: 'https://wallet.example.com/open',
      })
    ).body.id;
  });
  afterAll(() => session.emulator.close());

  it('stages issues for the users a rule covers and carries them out only when applied', async () => {
    const created = await session.call('POST', `${typeUrl}/issuanceRules`, {
      digitalWalletApplication: { id: walletApp },
      filter: { populationIds: [members] },
      automation: { issue: 'ON_DEMAND', update: 'ON_DEMAND', revoke: 'PERIODIC' },
      status: 'ACTIVE',
    });
    expect(created.status).toBe(201);
    const rule = `${typeUrl}/issuanceRules/${created.body.id}`;
    expect(created.body.credentialType.id).toBe(typeUrl.split('/').at(-1));
    expect(await staged(rule)).toEqual([
      expect.objectContaining({ action: 'ISSUE', scheduled: false, user: { id: ann } }),
    ]);
    expect(await credentialsOf(ann)).toEqual([]);

    const applied = await apply(rule);
    expect(applied).toMatchObject({ status: 200, body: { issue: [ann], update: [], revoke: [] } });
    expect(await credentialsOf(ann)).toEqual([
      expect.objectContaining({ status: 'ACTIVE', data: { Role: 'Coach' } }),
    ]);
    expect(await staged(rule)).toEqual([]);

    // Moving the rule to the guests stages bob's issue and ann's revocation; apply only the revocation.
    await session.call('PUT', rule, {
      digitalWalletApplication: { id: walletApp },
      filter: { populationIds: [guests] },
      automation: { issue: 'ON_DEMAND', update: 'ON_DEMAND', revoke: 'PERIODIC' },
      status: 'ACTIVE',
    });
    const changes = await staged(rule);
    expect(changes.map((change) => [change.action, change.user.id, change.scheduled])).toEqual(
      expect.arrayContaining([
        ['ISSUE', bob, false],
        ['REVOKE', ann, true],
      ]),
    );
    expect((await apply(rule, { revoke: [ann] })).body).toEqual({ issue: [], update: [], revoke: [ann] });
    expect((await credentialsOf(ann))[0].status).toBe('REVOKED');
    expect(await credentialsOf(bob)).toEqual([]);
    expect((await staged(rule)).map((change) => change.user.id)).toEqual([bob]);

    const counts = await session.call('GET', `${rule}/usageCounts`);
    expect(counts.body).toEqual({ issued: 1, accepted: 0, updated: 0, revoked: 1 });
    const details = await session.call('GET', `${rule}/usageDetails`);
    expect(details.body.revoked).toEqual([expect.objectContaining({ user: { id: ann } })]);
  });

  it('stages updates for holders when the credential type changes', async () => {
    const created = await session.call('POST', `${typeUrl}/issuanceRules`, {
      digitalWalletApplication: { id: walletApp },
      filter: { scim: 'title eq "Visitor"' },
      automation: { issue: 'ON_DEMAND', update: 'ON_DEMAND', revoke: 'ON_DEMAND' },
      status: 'ACTIVE',
    });
    const rule = `${typeUrl}/issuanceRules/${created.body.id}`;
    await apply(rule, { issue: [bob] });
    await session.call('PUT', typeUrl, {
      title: 'Staff card',
      cardDesignTemplate: '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
      management: { mode: 'AUTOMATED' },
      metadata: {
        fields: [
          { id: 'role', title: 'Role', type: 'Directory Attribute', attribute: 'title', isVisible: true },
          { id: 'site', title: 'Site', type: 'Alphanumeric Text', value: 'Main street', isVisible: true },
        ],
      },
    });
    expect(await staged(rule)).toEqual([expect.objectContaining({ action: 'UPDATE', user: { id: bob } })]);
    expect((await apply(rule)).body.update).toEqual([bob]);
    const [credential] = (await credentialsOf(bob)).filter(
      (entry: { status: string; data: Record<string, string> }) => entry.data.Site !== undefined,
    );
    expect(credential.data).toEqual({ Role: 'Visitor', Site: 'Main street' });
  });

  it('stages nothing for a disabled rule and refuses a SCIM filter that does not parse', async () => {
    const disabled = await session.call('POST', `${typeUrl}/issuanceRules`, {
      filter: { populationIds: [members, guests] },
      automation: { issue: 'PERIODIC', update: 'PERIODIC', revoke: 'PERIODIC' },
      status: 'DISABLED',
    });
    expect(await staged(`${typeUrl}/issuanceRules/${disabled.body.id}`)).toEqual([]);
    const broken = await session.call('POST', `${typeUrl}/issuanceRules`, {
      filter: { scim: 'title eq' },
      automation: { issue: 'PERIODIC', update: 'PERIODIC', revoke: 'PERIODIC' },
      status: 'ACTIVE',
    });
    expect(broken.body.details[0]).toMatchObject({ code: 'INVALID_FILTER', target: 'filter.scim' });
    const twoFilters = await session.call('POST', `${typeUrl}/issuanceRules`, {
      filter: { scim: 'title pr', groupIds: [] },
      automation: { issue: 'PERIODIC', update: 'PERIODIC', revoke: 'PERIODIC' },
      status: 'ACTIVE',
    });
    expect(twoFilters.status).toBe(400);
  });
});
