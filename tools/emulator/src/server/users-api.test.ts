import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';

describe('users over the management API', () => {
  let session: EmulatorSession;
  let users: string;

  beforeAll(async () => {
    session = await startSession();
    users = `${session.environmentUrl}/users`;
  });
  afterAll(() => session.emulator.close());

  it('creates, reads, lists and deletes a user', async () => {
    const created = await session.call('POST', users, { username: 'grace', email: 'grace@example.com' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      username: 'grace',
      environment: { id: session.emulator.environmentId },
      population: { id: session.emulator.defaultPopulationId },
      enabled: true,
    });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.body.createdAt).toBe(created.body.updatedAt);
    expect(created.body._links.self.href).toBe(`${users}/${created.body.id}`);

    const read = await session.call('GET', created.body._links.self.href);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);

    const listed = await session.call('GET', users);
    expect(listed.body._embedded.users.map((user: { id: string }) => user.id)).toContain(created.body.id);

    const deleted = await session.call('DELETE', created.body._links.self.href);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect((await session.call('GET', created.body._links.self.href)).status).toBe(404);
  });

  it('ignores read-only fields a client sends', async () => {
    const created = await session.call('POST', users, {
      username: 'readonly',
      email: 'readonly@example.com',
      id: 'mine',
      createdAt: '2000-01-01T00:00:00Z',
    });
    expect(created.status).toBe(201);
    expect(created.body.id).not.toBe('mine');
    expect(created.body.createdAt).not.toBe('2000-01-01T00:00:00Z');
  });

  it('refuses a duplicate username, whatever its case, with UNIQUENESS_VIOLATION', async () => {
    expect(
      (await session.call('POST', users, { username: 'unique.one', email: 'one@example.com' })).status,
    ).toBe(201);
    const duplicate = await session.call('POST', users, { username: 'Unique.One', email: 'two@example.com' });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body).toMatchObject({
      code: 'INVALID_DATA',
      details: [{ code: 'UNIQUENESS_VIOLATION', target: 'username' }],
    });
    expect(typeof duplicate.body.id).toBe('string');
    expect(typeof duplicate.body.message).toBe('string');
  });

  it('names each offending field in validation errors', async () => {
    const missing = await session.call('POST', users, { email: 'not-an-email' });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('INVALID_DATA');
    expect(missing.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'REQUIRED_VALUE', target: 'username' }),
        expect.objectContaining({ code: 'INVALID_VALUE', target: 'email' }),
      ]),
    );
    const nested = await session.call('POST', users, {
      username: 'nested',
      email: 'nested@example.com',
      population: { id: 42 },
    });
    expect(nested.body.details).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', target: 'population.id' }),
    ]);
    const malformed = await session.call('POST', users, '{"username":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.details[0].target).toBe('body');
  });

  it('refuses a population that does not exist', async () => {
    const response = await session.call('POST', users, {
      username: 'lost',
      email: 'lost@example.com',
      population: { id: '00000000-0000-4000-8000-00000000dead' },
    });
    expect(response.status).toBe(400);
    expect(response.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'population.id' });
  });

  it('answers 404 NOT_FOUND for unknown users, environments and paths', async () => {
    const missingUser = await session.call('GET', `${users}/00000000-0000-4000-8000-000000000000`);
    expect(missingUser.status).toBe(404);
    expect(missingUser.body).toMatchObject({ code: 'NOT_FOUND' });
    expect(typeof missingUser.body.id).toBe('string');
    const missingEnvironment = await session.call(
      'GET',
      `${session.emulator.apiUrl}/environments/00000000-0000-4000-8000-000000000000/users`,
    );
    expect(missingEnvironment.status).toBe(404);
    expect((await session.call('GET', `${session.environmentUrl}/noSuchThings`)).status).toBe(404);
  });

  it('answers 405 for a known path with an unsupported method, and 415 for an unknown Content-Type', async () => {
    const wrongMethod = await session.call('PATCH', users, {});
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toContain('GET');
    const wrongType = await session.call('POST', users, 'username=x', { 'content-type': 'text/plain' });
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.code).toBe('INVALID_REQUEST');
  });

  it('puts a Correlation-Id on every answer, successes and failures alike', async () => {
    const answers = await Promise.all([
      session.call('GET', users),
      session.call('GET', `${users}/nobody`),
      fetch(users),
      fetch(`${session.emulator.authUrl}/${session.emulator.environmentId}/as/jwks`),
    ]);
    const ids = answers.map((answer) => answer.headers.get('correlation-id'));
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
