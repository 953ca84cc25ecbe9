import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';

describe('activity behaviours', () => {
  let session: EmulatorSession;
  let activities: string;
  let started: string;

  beforeAll(async () => {
    session = await startSession();
    activities = `${session.environmentUrl}/activities`;
    started = new Date(Date.now() - 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  });
  afterAll(() => session.emulator.close());

  const search = (filter: string, limit?: number) =>
    session.call('POST', activities, { filter, ...(limit === undefined ? {} : { limit }) });

  it('records a delete with the name of what was deleted and the call correlation id', async () => {
    const created = await session.call('POST', `${session.environmentUrl}/populations`, { name: 'Audited' });
    const deleted = await session.call('DELETE', created.body._links.self.href);
    const correlationId = deleted.headers.get('correlation-id') ?? '';
    const found = await search(`correlationid eq "${correlationId}"`);
    expect(found.status).toBe(200);
    expect(found.body._embedded.activities).toEqual([
      expect.objectContaining({
        correlationId,
        action: expect.objectContaining({ type: 'POPULATION.DELETED' }),
        actors: {
          client: expect.objectContaining({
            id: session.emulator.clientId,
            name: 'Emulator worker',
            type: 'CLIENT',
          }),
        },
        resources: [expect.objectContaining({ type: 'POPULATION', id: created.body.id, name: 'Audited' })],
      }),
    ]);
  });

  it('names the owning user for actions below it', async () => {
    const user = await session.call('POST', `${session.environmentUrl}/users`, {
      username: 'owner',
      email: 'owner@example.com',
    });
    await session.call(
      'PUT',
      `${user.body._links.self.href}/password`,
      { value: 'S3cret!pass', forceChange: false },
      {
        'content-type': 'application/vnd.pingidentity.password.set+json',
      },
    );
    const found = await search(`action.type eq "PASSWORD.SET" and resources.id eq "${user.body.id}"`);
    expect(found.body._embedded.activities[0].resources[0]).toMatchObject({ type: 'USER', name: 'owner' });
  });

  it('pages a search with GET next links and compares recordedat as instants', async () => {
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      await session.call('POST', `${session.environmentUrl}/populations`, { name: `Paged ${name}` });
    }
    const filter = `recordedat ge "${started}" and action.type eq "POPULATION.CREATED"`;
    let page = await search(filter, 2);
    const sizes = [page.body.size];
    while (page.body._links.next) {
      page = await session.call('GET', page.body._links.next.href);
      expect(page.status).toBe(200);
      sizes.push(page.body.size);
    }
    expect(sizes.reduce((sum: number, size: number) => sum + size, 0)).toBe(6);
    expect(sizes[0]).toBe(2);
    const future = await search(`recordedat gt "${new Date(Date.now() + 60_000).toISOString()}"`);
    expect(future.body._embedded.activities).toEqual([]);
    const bad = await search('recordedat ge "yesterday"');
    expect(bad.body.details[0]).toMatchObject({ code: 'INVALID_FILTER' });
    const unsupported = await search('action.type sw "USER"');
    expect(unsupported.body.details[0]).toMatchObject({ code: 'INVALID_FILTER' });
    expect((await session.call('GET', activities)).body._embedded.activities.length).toBeGreaterThan(6);
  });

  it('answers user activity counts and application sign-ons', async () => {
    const day = `startDate eq "2024-05-01T00:00:00Z" and endDate eq "2024-05-03T00:00:00Z"`;
    const counted = await session.call(
      'GET',
      `${session.environmentUrl}/userActivities?filter=${encodeURIComponent(day)}`,
    );
    expect(counted.body._embedded.userActivities).toHaveLength(48);
    const wrong = await session.call(
      'GET',
      `${session.environmentUrl}/userActivities?filter=${encodeURIComponent('startDate gt "2024-05-01T00:00:00Z"')}`,
    );
    expect(wrong.status).toBe(400);
    const signOns = await session.call(
      'GET',
      `${session.environmentUrl}/applicationSignons?samplePeriod=24&samplePeriodCount=7`,
    );
    expect(signOns.body._embedded.applicationSignons[0]).toMatchObject({ id: session.emulator.clientId });
    expect(signOns.body._embedded.applicationSignons[0].authentications).toHaveLength(7);
  });
});
