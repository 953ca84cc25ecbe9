import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedUser } from '../emulator-options.js';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';

const families = ['Lovelace', 'Hopper', 'Turing', 'Liskov', 'Hamilton'];

function seedUsers(count: number): SeedUser[] {
  return Array.from({ length: count }, (_, index) => ({
    username: `user${String(index).padStart(4, '0')}`,
    email: `user${index}@${index % 2 === 0 ? 'even' : 'odd'}.example.com`,
    name: { given: `Given${index}`, family: families[index % families.length] },
    enabled: index % 10 !== 0,
  }));
}

describe('paging and filters', () => {
  let session: EmulatorSession;
  let users: string;

  beforeAll(async () => {
    session = await startSession({
      seed: {
        populations: [{ id: '11111111-1111-4111-8111-111111111111', name: 'Staff' }],
        users: seedUsers(250),
      },
    });
    users = `${session.environmentUrl}/users`;
  });
  afterAll(() => session.emulator.close());

  it('follows _links.next across pages until every user was seen once', async () => {
    const seen: string[] = [];
    let url: string | undefined = `${users}?limit=60`;
    let pages = 0;
    while (url) {
      const page = await session.call('GET', url);
      expect(page.status).toBe(200);
      expect(page.body.count).toBe(250);
      expect(page.body.size).toBe(page.body._embedded.users.length);
      expect(page.body._links.self.href).toBe(url);
      if (pages > 0) expect(page.body._links.prev.href).toMatch(/cursor=/);
      seen.push(...page.body._embedded.users.map((user: { username: string }) => user.username));
      url = page.body._links.next?.href;
      if (url) {
        const next = new URL(url);
        expect(next.searchParams.get('limit')).toBe('60');
        expect(next.searchParams.get('cursor')).toMatch(/^[\w-]+$/);
      }
      pages++;
    }
    expect(pages).toBe(5);
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
  });

  it('uses a default page of 100 and a maximum of 1000', async () => {
    const page = await session.call('GET', users);
    expect(page.body.size).toBe(100);
    expect(page.body._links.next).toBeDefined();
    const all = await session.call('GET', `${users}?limit=1000`);
    expect(all.body.size).toBe(250);
    expect(all.body._links.next).toBeUndefined();
    // A spec-declared maximum is enforced (400); otherwise PingOne's way, a smaller page.
    const tooMany = await session.call('GET', `${users}?limit=5000`);
    if (tooMany.status === 400)
      expect(tooMany.body.details[0]).toMatchObject({ code: 'OUT_OF_RANGE', target: 'limit' });
    else expect(tooMany.body.size).toBeLessThanOrEqual(1000);
    const zero = await session.call('GET', `${users}?limit=0`);
    expect(zero.status).toBe(400);
    const notANumber = await session.call('GET', `${users}?limit=ten`);
    expect(notANumber.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'limit' });
  });

  it('refuses a cursor it did not issue', async () => {
    const response = await session.call('GET', `${users}?cursor=not-ours`);
    expect(response.status).toBe(400);
    expect(response.body.details[0]).toMatchObject({ target: 'cursor' });
  });

  it('keeps the filter on next links', async () => {
    const filter = 'email ew "@even.example.com"';
    const first = await session.call('GET', `${users}?limit=50&filter=${encodeURIComponent(filter)}`);
    expect(first.body.count).toBe(125);
    const next = new URL(first.body._links.next.href);
    expect(next.searchParams.get('filter')).toBe(filter);
    const second = await session.call('GET', first.body._links.next.href);
    expect(
      second.body._embedded.users.every((user: { email: string }) =>
        user.email.endsWith('@even.example.com'),
      ),
    ).toBe(true);
  });

  const count = async (filter: string) => {
    const response = await session.call('GET', `${users}?limit=1000&filter=${encodeURIComponent(filter)}`);
    expect(response.status).toBe(200);
    return response.body.count as number;
  };

  it('filters with eq, sw, ew and co, ignoring case', async () => {
    expect(await count('username eq "USER0007"')).toBe(1);
    expect(await count('username sw "user01"')).toBe(100);
    expect(await count('name.family ew "LACE"')).toBe(50);
    expect(await count('email co "@ODD."')).toBe(125);
    expect(await count('enabled eq false')).toBe(25);
    expect(await count(`population.id eq "${session.emulator.defaultPopulationId}"`)).toBe(250);
  });

  it('combines comparisons with and, or and parentheses, keywords in any case', async () => {
    expect(await count('name.family eq "Turing" and email co "even"')).toBe(25);
    expect(await count('name.family eq "Turing" OR name.family eq "Hopper"')).toBe(100);
    // Disabled users are every tenth, all of them Lovelaces.
    expect(await count('(name.family eq "Lovelace" or name.family eq "Hopper") AND enabled eq false')).toBe(
      25,
    );
    expect(await count('name.family eq "Hopper" or name.family eq "Lovelace" and enabled eq false')).toBe(75);
  });

  it('refuses bad filters with INVALID_FILTER', async () => {
    for (const filter of [
      'username eq',
      'username equals "a"',
      '(username eq "a"',
      'username eq "a" and',
      'username eq unquoted',
      'not (username eq "a")',
      'favouriteColour eq "blue"',
      'username gt "a"',
      'enabled sw "t"',
    ]) {
      const response = await session.call('GET', `${users}?filter=${encodeURIComponent(filter)}`);
      expect(response.status, filter).toBe(400);
      expect(response.body.code).toBe('INVALID_DATA');
      expect(response.body.details[0], filter).toMatchObject({ code: 'INVALID_FILTER', target: 'filter' });
    }
  });
});
