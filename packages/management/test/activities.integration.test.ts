import { BadRequestError, paginate } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUser,
  deleteUser,
  getActivity,
  listActivities,
  listApplicationSignOns,
  listUserActivities,
  searchActivities,
  updateUser,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

describe('activities against the emulator', () => {
  let session: EmulatorSession;
  let since: string;
  let correlationId: string;
  const userIds: string[] = [];

  // A generous hook timeout: starting an emulator compiles the spec, slow on a busy two-core machine.
  beforeAll(async () => {
    session = await startEmulatorSession();
    // Whole seconds, as people write them: the emulator must still compare instants, not strings.
    since = new Date(Date.now() - 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    for (let index = 0; index < 12; index += 1) {
      const { data, response } = await createUser({
        client: session.client,
        body: {
          username: `audited-${String(index).padStart(2, '0')}`,
          email: `audited-${index}@example.com`,
        },
      });
      userIds.push(data.id);
      if (index === 3) correlationId = response.headers.get('Correlation-Id') ?? '';
    }
  }, 60_000);
  afterAll(() => session.close());

  const createdFilter = () =>
    `recordedat ge "${since}" and actors.client.id eq "${session.emulator.clientId}" and action.type eq "USER.CREATED"`;

  it('pages through the USER.CREATED activities of this client since a timestamp', async () => {
    const client = session.client;
    const sizes: number[] = [];
    const ids: string[] = [];
    for await (const page of paginate(listActivities, {
      client,
      query: { filter: createdFilter(), limit: 5 },
    }).pages()) {
      sizes.push(page._embedded.activities.length);
      for (const activity of page._embedded.activities) ids.push(activity.resources?.[0]?.id ?? '');
    }
    expect(sizes).toEqual([5, 5, 2]);
    expect(ids).toEqual(userIds);
  });

  it('searches with the filter in the body and follows the next links', async () => {
    const client = session.client;
    const names: string[] = [];
    for await (const activity of paginate(searchActivities, {
      client,
      body: { filter: createdFilter(), limit: 4 },
    })) {
      expect(activity.actors?.client).toMatchObject({ id: session.emulator.clientId, type: 'CLIENT' });
      names.push(activity.resources?.[0]?.name ?? '');
    }
    expect(names).toEqual(
      Array.from({ length: 12 }, (_, index) => `audited-${String(index).padStart(2, '0')}`),
    );
  });

  it("finds one call's activity by its Correlation-Id and reads it by id", async () => {
    const client = session.client;
    const { data: page } = await listActivities({
      client,
      query: { filter: `correlationid eq "${correlationId}"` },
    });
    expect(page._embedded.activities).toHaveLength(1);
    const [activity] = page._embedded.activities;
    expect(activity).toMatchObject({
      correlationId,
      action: { type: 'USER.CREATED' },
      result: { status: 'SUCCESS' },
      resources: [{ type: 'USER', id: userIds[3], name: 'audited-03' }],
    });
    const { data: read } = await getActivity({ client, path: { activityId: activity?.id ?? '' } });
    expect(read).toEqual(activity);
  });

  it('records updates and deletes of a user under its id', async () => {
    const client = session.client;
    const userId = userIds[0] as string;
    await updateUser({ client, path: { userId }, body: { nickname: 'Zero' } });
    await deleteUser({ client, path: { userId } });
    const types: string[] = [];
    for await (const activity of paginate(listActivities, {
      client,
      query: { filter: `resources.id eq "${userId}"` },
    })) {
      types.push(activity.action.type);
      expect(activity.resources?.[0]?.name).toBe('audited-00');
    }
    expect(types).toEqual(['USER.CREATED', 'USER.UPDATED', 'USER.DELETED']);
    const { data: byType } = await listActivities({
      client,
      query: { filter: `action.type eq "USER.DELETED" and resources.type eq "USER"` },
    });
    expect(byType._embedded.activities.map((activity) => activity.resources?.[0]?.id)).toEqual([userId]);
  });

  it('refuses filters PingOne does not support', async () => {
    const client = session.client;
    await expect(
      listActivities({ client, query: { filter: 'action.type sw "USER"' } }),
    ).rejects.toBeInstanceOf(BadRequestError);
    await expect(
      searchActivities({ client, body: { filter: 'recordedat ge "not a time"' } }),
    ).rejects.toMatchObject({ status: 400, code: 'INVALID_DATA' });
  });

  it('answers user activity counts and sign-ons per application', async () => {
    const client = session.client;
    const { data: counts } = await listUserActivities({
      client,
      query: { filter: 'startDate eq "2024-05-01T00:00:00Z" and endDate eq "2024-05-08T00:00:00Z"' },
    });
    expect(counts._embedded.userActivities).toHaveLength(7);
    expect(counts._embedded.userActivities[0]).toMatchObject({ startDate: '2024-05-01T00:00:00.000Z' });
    const { data: signOns } = await listApplicationSignOns({
      client,
      query: { samplePeriod: 24, samplePeriodCount: 3, filter: 'occurredAt ge "2024-05-01T00:00:00Z"' },
    });
    expect(signOns._embedded.applicationSignons.map((application) => application.id)).toContain(
      session.emulator.clientId,
    );
    expect(signOns._embedded.applicationSignons[0]?.authentications).toHaveLength(3);
  });
});
