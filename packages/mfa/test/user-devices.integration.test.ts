import { BadRequestError, type Client, InvalidArgumentError, NotFoundError } from '@pingone-sdk/core';
import { createUser } from '@pingone-sdk/management';
import { type EmulatorSession, startEmulatorSession } from '@pingone-sdk/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activateUserMfaDevice,
  blockUserMfaDevice,
  createUserMfaDevice,
  deleteUserMfaDevice,
  getUserMfaDevice,
  listUserMfaDevices,
  type MfaDevice,
  removeUserMfaDeviceOrder,
  reorderUserMfaDevices,
  replaceUserMfaDeviceNickname,
  requestUserMfaDeviceLogs,
  unblockUserMfaDevice,
  unlockUserMfaDevice,
} from '../src/index.js';

/** A new user of the emulator's environment, to hold devices. */
async function createTestUser(client: Client, username: string): Promise<string> {
  const { data } = await createUser({ client, body: { username, email: `${username}@example.com` } });
  return data.id;
}

describe('user MFA devices against the emulator', () => {
  let session: EmulatorSession;
  let userId: string;
  beforeAll(async () => {
    session = await startEmulatorSession();
    userId = await createTestUser(session.client, 'grace');
  }, 60_000);
  afterAll(() => session.close());

  /** The code the emulator "sent" for a device, as the user would read it. */
  const sentCode = (deviceId: string) =>
    session.emulator.sentMessages().findLast((message) => message.deviceId === deviceId)?.code ?? '';

  const addSms = async (phone = '+14155550123') =>
    (await createUserMfaDevice({ client: session.client, path: { userId }, body: { type: 'SMS', phone } }))
      .data;

  it('creates an SMS device awaiting activation, refuses a wrong passcode and activates with the sent one', async () => {
    const client = session.client;
    const device = await addSms();
    expect(device).toMatchObject({ type: 'SMS', phone: '+14155550123', status: 'ACTIVATION_REQUIRED' });
    const path = { userId, deviceId: device.id };

    const wrong = await activateUserMfaDevice({ client, path, body: { otp: '000000' } }).catch(
      (error) => error,
    );
    expect(wrong).toBeInstanceOf(BadRequestError);
    expect(wrong).toMatchObject({ code: 'INVALID_DATA', details: [{ code: 'INVALID_OTP', target: 'otp' }] });

    const { data: active } = await activateUserMfaDevice({
      client,
      path,
      body: { otp: sentCode(device.id) },
    });
    expect(active.status).toBe('ACTIVE');
    expect((await getUserMfaDevice({ client, path })).data.status).toBe('ACTIVE');

    const again = await activateUserMfaDevice({ client, path, body: { otp: sentCode(device.id) } }).catch(
      (error) => error,
    );
    expect(again).toBeInstanceOf(BadRequestError);
    expect(again.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'status' });
  });

  it('narrows devices by type: an email device created ACTIVE by an administrator, a TOTP secret', async () => {
    const client = session.client;
    const { data: email } = await createUserMfaDevice({
      client,
      path: { userId },
      body: { type: 'EMAIL', email: 'grace@example.com', status: 'ACTIVE', nickname: 'Mail' },
    });
    expect(email.status).toBe('ACTIVE');
    const { data: totp } = await createUserMfaDevice({ client, path: { userId }, body: { type: 'TOTP' } });
    const describe = (device: MfaDevice) =>
      device.type === 'TOTP'
        ? `totp ${device.keyUri?.slice(0, 15)}`
        : device.type === 'EMAIL'
          ? device.email
          : '';
    expect(describe(totp)).toBe('totp otpauth://totp/');
    expect(describe(email)).toBe('grace@example.com');
    await deleteUserMfaDevice({ client, path: { userId, deviceId: totp.id } });
    await expect(getUserMfaDevice({ client, path: { userId, deviceId: totp.id } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('orders the list, and goes back to creation order when the order is removed', async () => {
    const client = session.client;
    await addSms('+14155550199');
    const ids = async () =>
      (await listUserMfaDevices({ client, path: { userId } })).data._embedded.devices.map((d) => d.id);
    const created = await ids();
    const reversed = [...created].reverse();
    const { data: order } = await reorderUserMfaDevices({
      client,
      path: { userId },
      body: { order: reversed.map((id) => ({ id })) },
    });
    expect(order.order.map((entry) => entry.id)).toEqual(reversed);
    expect(await ids()).toEqual(reversed);
    await removeUserMfaDeviceOrder({ client, path: { userId } });
    expect(await ids()).toEqual(created);
  });

  it('blocks, unblocks, unlocks and renames a device, and asks only native devices for logs', async () => {
    const client = session.client;
    const device = await addSms('+14155550177');
    const path = { userId, deviceId: device.id };
    expect((await blockUserMfaDevice({ client, path })).data.block?.status).toBe('BLOCKED');
    expect((await unblockUserMfaDevice({ client, path })).data.block?.status).toBe('UNBLOCKED');
    expect((await unlockUserMfaDevice({ client, path })).data.lock?.status).toBe('UNLOCKED');
    const { data: renamed } = await replaceUserMfaDeviceNickname({
      client,
      path,
      body: { nickname: 'Desk phone' },
    });
    expect(renamed.nickname).toBe('Desk phone');
    const logs = await requestUserMfaDeviceLogs({ client, path, body: { status: 'PENDING' } }).catch(
      (e) => e,
    );
    expect(logs).toBeInstanceOf(BadRequestError);
    expect(logs.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'type' });
  });

  it('answers 404 for another user’s or an unknown device, and 400 INVALID_DATA naming a bad field', async () => {
    const client = session.client;
    const other = await createTestUser(client, 'linus');
    const device = await addSms('+14155550155');
    await expect(
      getUserMfaDevice({ client, path: { userId: other, deviceId: device.id } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const invalid = await createUserMfaDevice({
      client,
      path: { userId },
      body: { type: 'EMAIL', email: 'not an address' },
    }).catch((error) => error);
    expect(invalid).toBeInstanceOf(BadRequestError);
    expect(invalid.code).toBe('INVALID_DATA');
    expect(invalid.details.map((detail: { target?: string }) => detail.target)).toContain('email');
  });

  it('refuses a blank id before anything is sent', async () => {
    const sentBefore = session.sent.length;
    const refused = await getUserMfaDevice({ client: session.client, path: { userId, deviceId: ' ' } }).catch(
      (error) => error,
    );
    expect(refused).toBeInstanceOf(InvalidArgumentError);
    expect(refused.parameter).toBe('path.deviceId');
    expect(session.sent.length).toBe(sentBefore);
  });
});
