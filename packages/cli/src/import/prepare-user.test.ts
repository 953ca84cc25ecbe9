import { describe, expect, it } from 'vitest';
import { prepareUser } from './prepare-user.js';

const target = '6f3c1a2e-0d8b-4a47-9e1b-2b0f8d6c4e57';

describe('prepareUser', () => {
  it('turns an exported row into a create body in the chosen population', () => {
    const { prepared, problems } = prepareUser(
      {
        id: 'old-id',
        username: 'ada',
        email: 'ada@example.com',
        population: { id: 'elsewhere' },
        enabled: true,
        lifecycle: { status: 'ACCOUNT_OK' },
        createdAt: '2026-01-01T00:00:00.000Z',
      },
      target,
    );
    expect(prepared).toEqual({
      operation: 'createUser',
      body: { username: 'ada', email: 'ada@example.com', population: { id: target } },
    });
    expect(problems).toEqual([]);
  });

  it('imports a row with a password, keeping its lifecycle', () => {
    const { prepared, problems } = prepareUser(
      {
        username: 'ada',
        email: 'ada@example.com',
        password: { value: '{SSHA512}abc' },
        lifecycle: { status: 'ACCOUNT_OK' },
      },
      target,
    );
    expect(prepared.operation).toBe('importUser');
    expect(prepared.body.lifecycle).toEqual({ status: 'ACCOUNT_OK' });
    expect(problems).toEqual([]);
  });

  it('reports what the schema says about a bad row, by field path', () => {
    const { problems } = prepareUser({ username: 'ada', name: { given: 42 } }, target);
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'email', message: 'is required' },
        { field: 'name.given', message: 'must be string,null' },
      ]),
    );
  });
});
