import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';

const staff = '22222222-2222-4222-8222-222222222222';

describe('group behaviours', () => {
  let session: EmulatorSession;
  let groups: string;

  beforeAll(async () => {
    session = await startSession({
      seed: {
        populations: [{ id: staff, name: 'Staff' }],
        users: [
          { username: 'ann', title: 'Manager' },
          { username: 'bob', title: 'Clerk' },
        ],
      },
    });
    groups = `${session.environmentUrl}/groups`;
  });
  afterAll(() => session.emulator.close());

  it('keeps names unique per population and against environment-wide groups', async () => {
    expect((await session.call('POST', groups, { name: 'Sales', population: { id: staff } })).status).toBe(
      201,
    );
    const again = await session.call('POST', groups, { name: 'sales', population: { id: staff } });
    expect(again.body.details[0]).toMatchObject({ code: 'UNIQUENESS_VIOLATION', target: 'name' });
    expect((await session.call('POST', groups, { name: 'Sales' })).status).toBe(400);
    const unknown = await session.call('POST', groups, {
      name: 'Nowhere',
      population: { id: '00000000-0000-4000-8000-0000000000ff' },
    });
    expect(unknown.body.details[0].target).toBe('population.id');
  });

  it('nests groups by parent id and counts members through nesting and filters', async () => {
    const parent = (await session.call('POST', groups, { name: 'Everyone' })).body;
    const managers = (
      await session.call('POST', groups, { name: 'Managers', userFilter: 'title eq "Manager"' })
    ).body;
    const nesting = await session.call('POST', `${groups}/${managers.id}/memberOfGroups`, { id: parent.id });
    expect(nesting.status).toBe(201);
    expect(nesting.body).toMatchObject({ id: parent.id, name: 'Everyone', type: 'DIRECT' });
    const read = await session.call('GET', `${groups}/${managers.id}/memberOfGroups/${parent.id}`);
    expect(read.status).toBe(200);
    const counted = await session.call('GET', `${groups}/${parent.id}?include=totalMemberCounts`);
    expect(counted.body).toMatchObject({ directMemberCounts: { users: 0 }, totalMemberCounts: { users: 1 } });

    expect((await session.call('DELETE', `${groups}/${parent.id}`)).status).toBe(204);
    const left = await session.call('GET', `${groups}/${managers.id}/memberOfGroups`);
    expect(left.body._embedded.groupMemberships).toEqual([]);
    const bad = await session.call('POST', groups, { name: 'Broken', userFilter: 'title eq' });
    expect(bad.body.details[0]).toMatchObject({ code: 'INVALID_FILTER', target: 'userFilter' });
  });
});
