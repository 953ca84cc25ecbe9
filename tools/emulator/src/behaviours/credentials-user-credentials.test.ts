import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';

const walletAppId = '7e6d5c4b-3a29-4817-a6b5-c4d3e2f1a0b9';
const adaId = '10e01013-5c58-4eb1-8073-d814c274c6dd';
const missingId = '00000000-0000-4000-8000-0000000000ff';

const membership = {
  title: 'Membership',
  cardDesignTemplate: '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
  management: { mode: 'MANAGED' },
  metadata: {
    fields: [
      { id: 'member', title: 'Member', type: 'Alphanumeric Text', isVisible: true, required: true },
      { id: 'level', title: 'Level', type: 'Alphanumeric Text', isVisible: true },
      { id: 'club', title: 'Club', type: 'Alphanumeric Text', isVisible: true, required: true, value: 'Gym' },
      {
        id: 'mail',
        title: 'Mail',
        type: 'Directory Attribute',
        attribute: 'email',
        isVisible: false,
        required: true,
      },
      { id: 'issued', title: 'Issued', type: 'Issued Timestamp', isVisible: true },
    ],
  },
  expiration: { type: 'HARD', after: { duration: 2, timeUnit: 'DAYS' } },
};

describe('issuing user credentials', () => {
  let session: EmulatorSession;
  let environment: string;
  let credentials: string;

  beforeAll(async () => {
    session = await startSession({
      seed: {
        applications: [{ id: walletAppId, name: 'Wallet backend' }],
        users: [{ id: adaId, username: 'ada', email: 'ada@example.com' }],
      },
    });
    environment = session.environmentUrl;
    credentials = `${environment}/users/${adaId}/credentials`;
  });
  afterAll(() => session.emulator.close());

  it('needs an existing, non-automated credential type and then an issuer profile', async () => {
    const unknownType = await session.call('POST', credentials, { credentialType: { id: missingId } });
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'credentialType.id' });

    const automated = await session.call('POST', `${environment}/credentialTypes`, {
      ...membership,
      management: { mode: 'AUTOMATED' },
    });
    const refused = await session.call('POST', credentials, { credentialType: { id: automated.body.id } });
    expect(refused.body.details[0].message).toMatch(/AUTOMATED/);

    const type = await session.call('POST', `${environment}/credentialTypes`, membership);
    const noIssuer = await session.call('POST', credentials, {
      credentialType: { id: type.body.id },
      data: { Member: 'Ada' },
    });
    expect(noIssuer).toMatchObject({ status: 400, body: { code: 'INVALID_REQUEST' } });
    expect((await session.call('GET', `${environment}/credentialIssuerProfile`)).status).toBe(404);

    const profile = await session.call('POST', `${environment}/credentialIssuerProfile`, { name: 'Gym Inc' });
    expect(profile.status).toBe(201);
    const again = await session.call('POST', `${environment}/credentialIssuerProfile`, { name: 'Twice' });
    expect(again).toMatchObject({ status: 400, body: { code: 'INVALID_REQUEST' } });
    const replaced = await session.call('PUT', `${environment}/credentialIssuerProfile`, {
      name: 'Gym B.V.',
    });
    expect(replaced.body).toMatchObject({ id: profile.body.id, name: 'Gym B.V.' });
    expect(replaced.body.applicationInstance).toEqual(profile.body.applicationInstance);
  });

  it('checks data against the fields and fills the ones PingOne fills', async () => {
    const type = (await session.call('POST', `${environment}/credentialTypes`, membership)).body;
    const bad = await session.call('POST', credentials, {
      credentialType: { id: type.id },
      data: { Level: 'Gold', Colour: 'red' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID_DATA');
    expect(bad.body.details).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', target: 'data.Colour' }),
      expect.objectContaining({ code: 'REQUIRED_VALUE', target: 'data.Member' }),
    ]);

    const issued = await session.call('POST', credentials, {
      credentialType: { id: type.id },
      data: { Member: 'Ada Lovelace' },
    });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({
      status: 'ACTIVE',
      user: { id: adaId },
      data: { Member: 'Ada Lovelace', Club: 'Gym', Mail: 'ada@example.com' },
    });
    expect(Date.parse(issued.body.data.Issued)).toBeGreaterThan(Date.now() - 60_000);
    // Counted from the moment of issue, which the type's `Issued` field records.
    const lifetime = Date.parse(issued.body.expiresAt) - Date.parse(issued.body.data.Issued);
    expect(lifetime).toBe(2 * 86_400_000);

    const renamed = await session.call('PUT', `${credentials}/${issued.body.id}`, {
      credentialType: { id: type.id },
      data: { Member: 'Ada King' },
    });
    expect(renamed.body).toMatchObject({ status: 'ACTIVE', data: { Member: 'Ada King' } });
    const moved = await session.call('PUT', `${credentials}/${issued.body.id}`, {
      credentialType: { id: missingId },
    });
    expect(moved.body.details[0].target).toBe('credentialType.id');
  });

  it('provisions credentials to every wallet, old and new, readable from both sides', async () => {
    const type = (await session.call('POST', `${environment}/credentialTypes`, membership)).body;
    const app = await session.call('POST', `${environment}/digitalWalletApplications`, {
      application: { id: walletAppId },
      name: 'Gym wallet',
      appOpenUrl: 'https://wallet.example.com/open',
    });
    const wallets = `${environment}/users/${adaId}/digitalWallets`;
    const first = (await session.call('POST', wallets, { digitalWalletApplication: { id: app.body.id } }))
      .body;
    expect(first.user).toEqual({ id: adaId });
    const credential = (
      await session.call('POST', credentials, { credentialType: { id: type.id }, data: { Member: 'Ada' } })
    ).body;
    const second = (await session.call('POST', wallets, { digitalWalletApplication: { id: app.body.id } }))
      .body;

    const fromCredential = await session.call(
      'GET',
      `${credentials}/${credential.id}/provisionedCredentials`,
    );
    expect(
      fromCredential.body._embedded.provisionedCredentials.map(
        (entry: { digitalWallet: { id: string } }) => entry.digitalWallet.id,
      ),
    ).toEqual([first.id, second.id]);
    const fromWallet = await session.call('GET', `${wallets}/${second.id}/provisionedCredentials`);
    const inSecond = fromWallet.body._embedded.provisionedCredentials.filter(
      (entry: { credential: { id: string } }) => entry.credential.id === credential.id,
    );
    expect(inSecond).toEqual([expect.objectContaining({ status: 'PENDING', user: { id: adaId } })]);

    expect((await session.call('DELETE', `${wallets}/${first.id}`)).status).toBe(204);
    const left = await session.call('GET', `${credentials}/${credential.id}/provisionedCredentials`);
    expect(left.body._embedded.provisionedCredentials).toHaveLength(1);
  });

  it('answers 404 for users the directory does not have', async () => {
    expect((await session.call('GET', `${environment}/users/${missingId}/credentials`)).status).toBe(404);
    const wallet = await session.call('POST', `${environment}/users/${missingId}/digitalWallets`, {
      digitalWalletApplication: { id: missingId },
    });
    expect(wallet.status).toBe(404);
  });
});
