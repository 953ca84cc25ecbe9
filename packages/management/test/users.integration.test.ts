import { NotFoundError, paginate } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPopulation, createUser, deleteUser, getUser, listUsers, updateUser } from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

describe('users against the emulator', () => {
  let session: EmulatorSession;
  let populationId: string;
  const userIds: string[] = [];

  beforeAll(async () => {
    session = await startEmulatorSession();
    const { data } = await createPopulation({ client: session.client, body: { name: 'Integration' } });
    populationId = data.id as string;
    for (let index = 0; index < 25; index += 1) {
      const { data: user } = await createUser({
        client: session.client,
        body: {
          username: `user-${String(index).padStart(2, '0')}`,
          email: `user-${index}@example.com`,
          population: { id: populationId },
        },
      });
      userIds.push(user.id as string);
    }
    // Starting the emulator and the schema checker takes seconds on a loaded machine.
  }, 60_000);
  afterAll(() => session.close());

  it('lists every user across several pages', async () => {
    const client = session.client;
    const pageSizes: number[] = [];
    for await (const page of paginate(listUsers, {
      client,
      query: { limit: 10, filter: `population.id eq "${populationId}"` },
    }).pages()) {
      pageSizes.push(page._embedded.users.length);
    }
    expect(pageSizes).toEqual([10, 10, 5]);
  });

  it('filters with sw and reads, updates and deletes a user', async () => {
    const client = session.client;
    const names: string[] = [];
    for await (const user of paginate(listUsers, { client, query: { filter: 'username sw "user-1"' } }))
      names.push(user.username);
    expect(names.sort()).toEqual(Array.from({ length: 10 }, (_, index) => `user-1${index}`));

    const userId = userIds[0] as string;
    const { data: read } = await getUser({ client, path: { userId } });
    expect(read.username).toBe('user-00');
    const { data: updated } = await updateUser({ client, path: { userId }, body: { nickname: 'Ada' } });
    expect(updated.nickname).toBe('Ada');
    await deleteUser({ client, path: { userId } });
    await expect(getUser({ client, path: { userId } })).rejects.toBeInstanceOf(NotFoundError);
  });
});
