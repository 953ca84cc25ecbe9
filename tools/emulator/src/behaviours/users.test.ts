import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';

const vendor = 'application/vnd.pingidentity';
const staff = '22222222-2222-4222-8222-222222222222';

describe('user behaviours', () => {
  let session: EmulatorSession;
  let users: string;

  beforeAll(async () => {
    session = await startSession({ seed: { populations: [{ id: staff, name: 'Staff' }] } });
    users = `${session.environmentUrl}/users`;
  });
  afterAll(() => session.emulator.close());

  const create = async (username: string) => {
    const created = await session.call('POST', users, { username, email: `${username}@example.com` });
    expect(created.status).toBe(201);
    return created.body._links.self.href as string;
  };

  it('imports a user with a password that can then be checked', async () => {
    const imported = await session.call(
      'POST',
      users,
      {
        username: 'imported',
        email: 'imported@example.com',
        password: { value: 'Secret123!', forceChange: false },
      },
      { 'content-type': `${vendor}.user.import+json` },
    );
    expect(imported.status).toBe(201);
    expect(imported.body.password).toBeUndefined();
    const password = `${imported.body._links.self.href}/password`;
    const check = await session.call(
      'POST',
      password,
      { password: 'Secret123!' },
      { 'content-type': `${vendor}.password.check+json` },
    );
    expect(check.status).toBe(200);
    expect(check.body.status).toBe('OK');
  });

  it('sets, checks, resets and forces a password change', async () => {
    const password = `${await create('pat')}/password`;
    expect((await session.call('GET', password)).body.status).toBe('NO_PASSWORD');
    const set = await session.call(
      'PUT',
      password,
      { value: 'First1!pass', forceChange: false },
      {
        'content-type': `${vendor}.password.set+json`,
      },
    );
    expect(set.status).toBe(200);
    expect(set.body.status).toBe('OK');

    const wrong = await session.call(
      'POST',
      password,
      { password: 'nope' },
      { 'content-type': `${vendor}.password.check+json` },
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.details[0]).toMatchObject({
      code: 'INVALID_VALUE',
      target: 'password',
      innerError: { failuresRemaining: 4 },
    });

    const reset = await session.call(
      'PUT',
      password,
      { currentPassword: 'First1!pass', newPassword: 'Second2!pass' },
      {
        'content-type': `${vendor}.password.reset+json`,
      },
    );
    expect(reset.status).toBe(200);
    const checked = await session.call(
      'POST',
      password,
      { password: 'Second2!pass' },
      {
        'content-type': `${vendor}.password.check+json`,
      },
    );
    expect(checked.status).toBe(200);

    const forced = await fetch(password, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}`, 'content-type': `${vendor}.password.forceChange` },
    });
    expect(forced.status).toBe(200);
    expect((await session.call('GET', password)).body.status).toBe('MUST_CHANGE_PASSWORD');
  });

  it('locks after repeated failed checks, and unlocks', async () => {
    const user = await create('locky');
    const password = `${user}/password`;
    await session.call(
      'PUT',
      password,
      { value: 'Right1!pass' },
      { 'content-type': `${vendor}.password.set+json` },
    );
    for (let attempt = 0; attempt < 5; attempt++) {
      await session.call(
        'POST',
        password,
        { password: 'wrong' },
        { 'content-type': `${vendor}.password.check+json` },
      );
    }
    expect((await session.call('GET', user)).body.account).toMatchObject({
      status: 'LOCKED',
      canAuthenticate: false,
    });
    const refused = await session.call(
      'POST',
      password,
      { password: 'Right1!pass' },
      {
        'content-type': `${vendor}.password.check+json`,
      },
    );
    expect(refused.body.details[0].code).toBe('ACCOUNT_NOT_USABLE');
    const unlocked = await fetch(user, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}`, 'content-type': `${vendor}.account.unlock+json` },
    });
    expect(unlocked.status).toBe(200);
    expect((await unlocked.json()).account).toMatchObject({ status: 'OK', canAuthenticate: true });
    const locked = await fetch(user, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}`, 'content-type': `${vendor}.account.lock+json` },
    });
    expect((await locked.json()).account.status).toBe('LOCKED');
  });

  it('disables a user and moves them to another population', async () => {
    const user = await create('mover');
    const disabled = await session.call('PUT', `${user}/enabled`, { enabled: false });
    expect(disabled.status).toBe(200);
    expect(disabled.body.enabled).toBe(false);
    expect((await session.call('GET', user)).body.enabled).toBe(false);
    const moved = await session.call('PUT', `${user}/population`, { id: staff });
    expect(moved.status).toBe(200);
    expect((await session.call('GET', user)).body.population.id).toBe(staff);
    const nowhere = await session.call('PUT', `${user}/population`, {
      id: '00000000-0000-4000-8000-00000000beef',
    });
    expect(nowhere.status).toBe(400);
  });

  it('replaces (PUT) and merges (PATCH) while keeping server-managed fields', async () => {
    const user = await create('changer');
    const patched = await session.call('PATCH', user, { name: { given: 'Chang' } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ username: 'changer', name: { given: 'Chang' }, enabled: true });
    const replaced = await session.call('PUT', user, { username: 'changer', email: 'new@example.com' });
    expect(replaced.status).toBe(200);
    expect(replaced.body.name).toBeUndefined();
    expect(replaced.body.population.id).toBe(session.emulator.defaultPopulationId);
    expect(replaced.body.createdAt).toBe(patched.body.createdAt);
  });

  it('records changes in the activities audit trail', async () => {
    const user = await create('audited');
    const activities = `${session.environmentUrl}/activities`;
    const listed = await session.call(
      'GET',
      `${activities}?filter=${encodeURIComponent('action.type eq "USER.CREATED"')}`,
    );
    expect(listed.status).toBe(200);
    const entries = listed.body._embedded.activities as Array<{
      resources: Array<{ id: string }>;
      actors: unknown;
    }>;
    const id = user.split('/').at(-1);
    const entry = entries.find((activity) => activity.resources[0]?.id === id);
    expect(entry).toMatchObject({ actors: { client: { id: session.emulator.clientId } } });
  });
});
