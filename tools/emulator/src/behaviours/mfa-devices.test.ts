import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';
import { totpCode } from './mfa-device-passcodes.js';

const activate = { 'content-type': 'application/vnd.pingidentity.device.activate+json' };

describe('MFA device behaviours', () => {
  let session: EmulatorSession;
  let devices: string;
  let userId: string;

  beforeAll(async () => {
    session = await startSession({ seed: { users: [{ username: 'ada' }] } });
    const users = await session.call('GET', `${session.environmentUrl}/users`);
    userId = users.body._embedded.users[0].id;
    devices = `${session.environmentUrl}/users/${userId}/devices`;
  });
  afterAll(() => session.emulator.close());

  const codeFor = (deviceId: string) =>
    session.emulator.sentMessages().findLast((message) => message.deviceId === deviceId)?.code;

  it('sends an SMS device a passcode and activates it with that passcode only', async () => {
    const created = await session.call('POST', devices, { type: 'SMS', phone: '+14155550123' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: 'SMS', status: 'ACTIVATION_REQUIRED', user: { id: userId } });
    const code = codeFor(created.body.id);
    expect(code).toMatch(/^\d{6}$/);
    expect(session.emulator.sentMessages().at(-1)).toMatchObject({ type: 'DEVICE_ACTIVATION_CODE', userId });

    const wrong = await session.call('POST', `${devices}/${created.body.id}`, { otp: '000000' }, activate);
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({
      code: 'INVALID_DATA',
      details: [{ code: 'INVALID_OTP', target: 'otp' }],
    });

    const right = await session.call('POST', `${devices}/${created.body.id}`, { otp: code }, activate);
    expect(right.status).toBe(200);
    expect(right.body.status).toBe('ACTIVE');
    const again = await session.call('POST', `${devices}/${created.body.id}`, { otp: code }, activate);
    expect(again.status).toBe(400);
    expect(again.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'status' });
  });

  it('lets an administrator create an email device ACTIVE, but not a TOTP device, and refuses MOBILE', async () => {
    const active = await session.call('POST', devices, {
      type: 'EMAIL',
      email: 'ada@example.com',
      status: 'ACTIVE',
    });
    expect(active.body.status).toBe('ACTIVE');
    expect(codeFor(active.body.id)).toBeUndefined();
    const totp = await session.call('POST', devices, { type: 'TOTP', status: 'ACTIVE' });
    expect(totp.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'status' });
    const mobile = await session.call('POST', devices, { type: 'MOBILE' });
    expect(mobile.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'type' });
    const unknownPolicy = await session.call('POST', devices, {
      type: 'VOICE',
      phone: '+14155550123',
      policy: { id: '00000000-0000-4000-8000-0000000000aa' },
    });
    expect(unknownPolicy.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'policy.id' });
  });

  it('activates a TOTP device with the code its authenticator app derives from the secret', async () => {
    const created = await session.call('POST', devices, { type: 'TOTP' });
    expect(created.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(created.body.keyUri).toContain(`secret=${created.body.secret}`);
    const otp = totpCode(created.body.secret, Math.floor(Date.now() / 30_000));
    const right = await session.call('POST', `${devices}/${created.body.id}`, { otp }, activate);
    expect(right.body.status).toBe('ACTIVE');
    expect(right.body.secret).toBeUndefined();
    await session.call('DELETE', `${devices}/${created.body.id}`);
  });

  it('locks a device after the MFA settings’ failure count, until it is unlocked', async () => {
    await session.call('PUT', `${session.environmentUrl}/mfaSettings`, {
      pairing: { maxAllowedDevices: 5, pairingKeyFormat: 'NUMERIC' },
      lockout: { failureCount: 2, durationSeconds: 60 },
    });
    const created = await session.call('POST', devices, { type: 'VOICE', phone: '+14155550124' });
    const url = `${devices}/${created.body.id}`;
    for (let attempt = 0; attempt < 2; attempt++) await session.call('POST', url, { otp: 'nope' }, activate);
    expect((await session.call('GET', url)).body.lock.status).toBe('LOCKED');
    const locked = await session.call('POST', url, { otp: codeFor(created.body.id) }, activate);
    expect(locked.body.code).toBe('REQUEST_FAILED');
    await session.call('POST', url, undefined, {
      'content-type': 'application/vnd.pingidentity.device.unlock+json',
    });
    const unlocked = await session.call('POST', url, { otp: codeFor(created.body.id) }, activate);
    expect(unlocked.body.status).toBe('ACTIVE');
    await session.call('DELETE', `${session.environmentUrl}/mfaSettings`);
  });

  it('lists devices in the order set, new devices after it, and in creation order once it is removed', async () => {
    const listed = async () =>
      (await session.call('GET', devices)).body._embedded.devices.map((device: { id: string }) => device.id);
    const before = await listed();
    const reversed = [...before].reverse();
    const reorder = { 'content-type': 'application/vnd.pingidentity.devices.reorder+json' };
    const set = await session.call('POST', devices, { order: reversed.map((id) => ({ id })) }, reorder);
    expect(set.status).toBe(200);
    expect(await listed()).toEqual(reversed);
    const added = await session.call('POST', devices, {
      type: 'EMAIL',
      email: 'new@example.com',
      status: 'ACTIVE',
    });
    expect(await listed()).toEqual([...reversed, added.body.id]);
    const bad = await session.call(
      'POST',
      devices,
      { order: [{ id: '00000000-0000-4000-8000-0000000000bb' }] },
      reorder,
    );
    expect(bad.body.details[0].target).toBe('order[0].id');
    const removed = await session.call('DELETE', devices, undefined, {
      'content-type': 'application/vnd.pingidentity.devices.order.remove+json',
    });
    expect(removed.status).toBe(204);
    expect(await listed()).toEqual([...before, added.body.id]);
    await session.call('DELETE', `${devices}/${added.body.id}`);
  });

  it('refuses a device past the MFA settings’ pairing.maxAllowedDevices', async () => {
    const count = (await session.call('GET', devices)).body._embedded.devices.length;
    await session.call('PUT', `${session.environmentUrl}/mfaSettings`, {
      pairing: { maxAllowedDevices: count, pairingKeyFormat: 'NUMERIC' },
    });
    const refused = await session.call('POST', devices, { type: 'EMAIL', email: 'more@example.com' });
    expect(refused.body.details[0]).toMatchObject({ code: 'SIZE_LIMIT_EXCEEDED', target: 'devices' });
    await session.call('DELETE', `${session.environmentUrl}/mfaSettings`);
  });

  it('blocks and unblocks, renames, and asks only MOBILE devices for logs', async () => {
    const created = await session.call('POST', devices, {
      type: 'EMAIL',
      email: 'block@example.com',
      status: 'ACTIVE',
    });
    const url = `${devices}/${created.body.id}`;
    const blocked = await session.call('POST', url, undefined, {
      'content-type': 'application/vnd.pingidentity.device.block+json',
    });
    expect(blocked.body.block.status).toBe('BLOCKED');
    const unblocked = await session.call('POST', url, undefined, {
      'content-type': 'application/vnd.pingidentity.device.unblock+json',
    });
    expect(unblocked.body.block.status).toBe('UNBLOCKED');
    const renamed = await session.call('PUT', `${url}/nickname`, { nickname: 'Work mail' });
    expect(renamed.body).toMatchObject({ id: created.body.id, nickname: 'Work mail' });
    expect((await session.call('GET', url)).body.nickname).toBe('Work mail');
    const logs = await session.call('PUT', `${url}/logs`, { status: 'PENDING' });
    expect(logs.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'type' });
  });

  it('derives RFC 6238 codes (its SHA-1 test vector at 59 seconds)', () => {
    expect(totpCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 1)).toBe('287082');
  });
});

describe('MFA devices of users that do not exist', () => {
  it('answers 404 naming the user, for lists, reads and creates alike', async () => {
    const session = await startSession();
    try {
      const devices = `${session.environmentUrl}/users/00000000-0000-4000-8000-0000000000ab/devices`;
      for (const answer of [
        await session.call('GET', devices),
        await session.call('POST', devices, { type: 'TOTP' }),
        await session.call('GET', `${devices}/00000000-0000-4000-8000-0000000000ac`),
      ]) {
        expect(answer.status).toBe(404);
        expect(answer.body.message).toMatch(/user with ID 00000000-0000-4000-8000-0000000000ab/);
      }
    } finally {
      await session.emulator.close();
    }
  });
});
