import { BadRequestError, paginate } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkUserPassword,
  createPopulation,
  createUser,
  forceUserPasswordChange,
  getUser,
  getUserEnabled,
  getUserIdentityProvider,
  getUserMfaEnabled,
  getUserPasswordState,
  getUserPopulation,
  getUserVerifyStatus,
  importUser,
  listUsers,
  lockUserAccount,
  recoverUserPassword,
  replaceUser,
  replaceUserEnabled,
  replaceUserIdentityProvider,
  replaceUserMfaEnabled,
  replaceUserPopulation,
  replaceUserVerifyStatus,
  resendUserVerificationCode,
  resetUserPassword,
  sendUserPasswordRecoveryCode,
  setUserPassword,
  unlockUserAccount,
  unlockUserPassword,
  verifyUser,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

describe('user actions against the emulator', () => {
  let session: EmulatorSession;
  let populationId: string;
  let userId: string;

  beforeAll(async () => {
    session = await startEmulatorSession();
    const { data: population } = await createPopulation({
      client: session.client,
      body: { name: 'Actions' },
    });
    populationId = population.id as string;
    const { data: user } = await createUser({
      client: session.client,
      body: { username: 'grace', email: 'grace@example.com', population: { id: populationId } },
    });
    userId = user.id;
  }, 60_000);
  afterAll(() => session.close());

  const lastCode = (type: 'VERIFICATION_CODE' | 'RECOVERY_CODE', id: string) =>
    session.emulator
      .sentMessages()
      .filter((message) => message.type === type && message.userId === id)
      .at(-1)?.code as string;

  it('lists users in pages of two, replaces one, and expands populations', async () => {
    const { client } = session;
    for (const name of ['hopper-1', 'hopper-2', 'hopper-3', 'hopper-4']) {
      await createUser({
        client,
        body: { username: name, email: `${name}@example.com`, population: { id: populationId } },
      });
    }
    const pages: number[] = [];
    for await (const page of paginate(listUsers, {
      client,
      query: { limit: 2, filter: 'username sw "hopper"' },
    }).pages()) {
      pages.push(page._embedded.users.length);
    }
    expect(pages).toEqual([2, 2]);
    const { data: expanded } = await listUsers({
      client,
      query: { filter: 'username eq "hopper-1"', expand: 'population' },
    });
    expect(expanded._embedded.users[0]?._embedded?.population).toMatchObject({
      id: populationId,
      name: 'Actions',
    });
    const { data: one } = await getUser({ client, path: { userId }, query: { expand: 'population' } });
    expect(one._embedded?.population?.name).toBe('Actions');

    const hopper = expanded._embedded.users[0]?.id as string;
    const { data: replaced } = await replaceUser({
      client,
      path: { userId: hopper },
      body: { username: 'hopper-1', email: 'new@example.com' },
    });
    expect(replaced).toMatchObject({
      email: 'new@example.com',
      enabled: true,
      population: { id: populationId },
    });
  });

  it('imports a user who must verify, resends the code and verifies with it', async () => {
    const { client } = session;
    const { data: imported } = await importUser({
      client,
      body: {
        username: 'newcomer',
        email: 'newcomer@example.com',
        password: { value: 'Imported1!', forceChange: true },
        lifecycle: { status: 'VERIFICATION_REQUIRED' },
      },
    });
    expect(imported.lifecycle?.status).toBe('VERIFICATION_REQUIRED');
    expect((await getUserPasswordState({ client, path: { userId: imported.id } })).data.status).toBe(
      'MUST_CHANGE_PASSWORD',
    );
    const first = lastCode('VERIFICATION_CODE', imported.id);
    await resendUserVerificationCode({ client, path: { userId: imported.id } });
    const second = lastCode('VERIFICATION_CODE', imported.id);
    expect(second).not.toBe(first);

    const stale = await verifyUser({
      client,
      path: { userId: imported.id },
      body: { verificationCode: first === second ? 'x' : first },
    }).catch((caught: unknown) => caught);
    expect((stale as BadRequestError).details[0]?.target).toBe('verificationCode');
    const { data: verified } = await verifyUser({
      client,
      path: { userId: imported.id },
      body: { verificationCode: second },
    });
    expect(verified.lifecycle?.status).toBe('ACCOUNT_OK');
    const again = await verifyUser({
      client,
      path: { userId: imported.id },
      body: { verificationCode: second },
    }).catch((caught: unknown) => caught);
    expect(again).toBeInstanceOf(BadRequestError);
  });

  it('locks and unlocks the account', async () => {
    const { client } = session;
    const { data: locked } = await lockUserAccount({ client, path: { userId } });
    expect(locked.account).toMatchObject({ status: 'LOCKED', canAuthenticate: false });
    const { data: unlocked } = await unlockUserAccount({ client, path: { userId } });
    expect(unlocked.account).toMatchObject({ status: 'OK', canAuthenticate: true });
  });

  it('sets, checks, resets, forces a change, recovers and unlocks passwords', async () => {
    const { client } = session;
    const path = { userId };
    expect((await getUserPasswordState({ client, path })).data.status).toBe('NO_PASSWORD');
    expect(
      (await setUserPassword({ client, path, body: { value: 'First1!pass', forceChange: false } })).data
        .status,
    ).toBe('OK');
    expect((await checkUserPassword({ client, path, body: { password: 'First1!pass' } })).data.status).toBe(
      'OK',
    );
    const wrong = await checkUserPassword({ client, path, body: { password: 'nope' } }).catch(
      (caught: unknown) => caught,
    );
    expect((wrong as BadRequestError).details[0]).toMatchObject({
      target: 'password',
      innerError: { failuresRemaining: 4 },
    });

    await resetUserPassword({
      client,
      path,
      body: { currentPassword: 'First1!pass', newPassword: 'Second2!pass' },
    });
    await expect(
      checkUserPassword({ client, path, body: { password: 'First1!pass' } }),
    ).rejects.toBeInstanceOf(BadRequestError);
    expect((await checkUserPassword({ client, path, body: { password: 'Second2!pass' } })).data.status).toBe(
      'OK',
    );

    expect((await forceUserPasswordChange({ client, path })).data.status).toBe('MUST_CHANGE_PASSWORD');
    expect((await getUserPasswordState({ client, path })).data.status).toBe('MUST_CHANGE_PASSWORD');

    await sendUserPasswordRecoveryCode({ client, path });
    const recoveryCode = lastCode('RECOVERY_CODE', userId);
    await recoverUserPassword({ client, path, body: { recoveryCode, newPassword: 'Third3!pass' } });
    expect((await getUserPasswordState({ client, path })).data.status).toBe('OK');
    expect((await checkUserPassword({ client, path, body: { password: 'Third3!pass' } })).data.status).toBe(
      'OK',
    );

    for (let attempt = 0; attempt < 5; attempt++) {
      await checkUserPassword({ client, path, body: { password: 'wrong' } }).catch(() => undefined);
    }
    expect((await getUser({ client, path })).data.account?.status).toBe('LOCKED');
    await unlockUserPassword({ client, path });
    expect((await getUser({ client, path })).data.account?.status).toBe('OK');
    expect((await checkUserPassword({ client, path, body: { password: 'Third3!pass' } })).data.status).toBe(
      'OK',
    );
  });

  it('disables and enables the user', async () => {
    const { client } = session;
    expect(
      (await replaceUserEnabled({ client, path: { userId }, body: { enabled: false } })).data.enabled,
    ).toBe(false);
    expect((await getUserEnabled({ client, path: { userId } })).data.enabled).toBe(false);
    expect((await getUser({ client, path: { userId } })).data.enabled).toBe(false);
    await replaceUserEnabled({ client, path: { userId }, body: { enabled: true } });
    expect((await getUser({ client, path: { userId } })).data.enabled).toBe(true);
  });

  it('moves the user to an existing population only', async () => {
    const { client } = session;
    const { data: target } = await createPopulation({ client, body: { name: 'Moved' } });
    const { data: moved } = await replaceUserPopulation({
      client,
      path: { userId },
      body: { id: target.id as string },
    });
    expect(moved.id).toBe(target.id);
    expect((await getUserPopulation({ client, path: { userId } })).data.id).toBe(target.id);
    expect((await getUser({ client, path: { userId } })).data.population.id).toBe(target.id);
    const missing = await replaceUserPopulation({
      client,
      path: { userId },
      body: { id: '7d0c9b7e-0000-4000-8000-000000000000' },
    }).catch((caught: unknown) => caught);
    expect(missing).toBeInstanceOf(BadRequestError);
    expect((missing as BadRequestError).details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'id' });
  });

  it('turns MFA on, hands authentication to an identity provider and back, and sets the verify status', async () => {
    const { client } = session;
    const path = { userId };
    expect((await getUserMfaEnabled({ client, path })).data.mfaEnabled).toBe(false);
    await replaceUserMfaEnabled({ client, path, body: { mfaEnabled: true } });
    expect((await getUser({ client, path })).data.mfaEnabled).toBe(true);

    const idp = '2c5a7f1e-3b54-4d44-8d7b-6c1f0b7e3a19';
    await replaceUserIdentityProvider({ client, path, body: { identityProvider: { id: idp } } });
    expect((await getUserIdentityProvider({ client, path })).data.identityProvider.id).toBe(idp);
    await replaceUserIdentityProvider({ client, path, body: { identityProvider: { id: null } } });
    expect((await getUser({ client, path })).data.identityProvider).toEqual({ type: 'PING_ONE' });

    await replaceUserVerifyStatus({ client, path, body: { verifyStatus: 'DISABLED' } });
    expect((await getUserVerifyStatus({ client, path })).data.verifyStatus).toBe('DISABLED');
    expect((await getUser({ client, path })).data.verifyStatus).toBe('DISABLED');
  });

  it('answers unsupported user filters with INVALID_FILTER', async () => {
    const error = await listUsers({ client: session.client, query: { filter: 'password eq "x"' } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).details[0]).toMatchObject({ code: 'INVALID_FILTER', target: 'filter' });
  });
});
