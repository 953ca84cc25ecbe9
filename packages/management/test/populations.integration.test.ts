import { BadRequestError, paginate } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPopulation,
  createUser,
  deletePopulation,
  deleteUser,
  getPopulation,
  getPopulationDefaultIdentityProvider,
  listPopulations,
  replacePopulation,
  replacePopulationDefaultIdentityProvider,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

describe('populations against the emulator', () => {
  let session: EmulatorSession;
  const ids: string[] = [];

  beforeAll(async () => {
    session = await startEmulatorSession();
    for (const name of ['Customers', 'Staff', 'Partners', 'Contractors', 'Alumni']) {
      const { data } = await createPopulation({
        client: session.client,
        body: { name, description: `The ${name}` },
      });
      ids.push(data.id as string);
    }
  }, 60_000);
  afterAll(() => session.close());

  it('lists populations across pages of two and filters them', async () => {
    const { client } = session;
    const pages: number[] = [];
    for await (const page of paginate(listPopulations, { client, query: { limit: 2 } }).pages()) {
      pages.push(page._embedded.populations.length);
    }
    expect(pages).toEqual([2, 2, 2]);
    const { data } = await listPopulations({ client, query: { filter: 'name sw "C"' } });
    expect(data._embedded.populations.map((population) => population.name)).toEqual([
      'Customers',
      'Contractors',
    ]);
    const error = await listPopulations({ client, query: { filter: 'description eq "x"' } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).details[0]).toMatchObject({ code: 'INVALID_FILTER' });
  });

  it('refuses a duplicate name', async () => {
    const error = await createPopulation({ client: session.client, body: { name: 'staff' } }).catch(
      (caught: unknown) => caught,
    );
    expect((error as BadRequestError).details[0]).toMatchObject({
      code: 'UNIQUENESS_VIOLATION',
      target: 'name',
    });
  });

  it('counts users, replaces, and moves the default flag', async () => {
    const { client } = session;
    const populationId = ids[0] as string;
    await createUser({
      client,
      body: { username: 'counted', email: 'c@example.com', population: { id: populationId } },
    });
    expect((await getPopulation({ client, path: { populationId } })).data.userCount).toBe(1);

    const { data: replaced } = await replacePopulation({
      client,
      path: { populationId },
      body: { name: 'Customers', default: true },
    });
    expect(replaced).toMatchObject({ name: 'Customers', default: true, userCount: 1 });
    expect(replaced.description).toBeUndefined();
    const { data } = await listPopulations({ client, query: { filter: 'name sw "Default"' } });
    expect(data._embedded.populations[0]?.default).toBe(false);
  });

  it('refuses to delete a population that holds users or is the default, then deletes an empty one', async () => {
    const { client } = session;
    const populationId = ids[1] as string;
    const { data: user } = await createUser({
      client,
      body: { username: 'staffer', email: 's@example.com', population: { id: populationId } },
    });
    const holding = await deletePopulation({ client, path: { populationId } }).catch(
      (caught: unknown) => caught,
    );
    expect(holding).toBeInstanceOf(BadRequestError);
    expect((holding as BadRequestError).details[0]?.code).toBe('CONSTRAINT_VIOLATION');
    const byDefault = await deletePopulation({ client, path: { populationId: ids[0] as string } }).catch(
      (caught: unknown) => caught,
    );
    expect((byDefault as BadRequestError).details[0]?.target).toBe('default');

    await deleteUser({ client, path: { userId: user.id } });
    await deletePopulation({ client, path: { populationId } });
    const { data } = await listPopulations({ client, query: { filter: `id eq "${populationId}"` } });
    expect(data._embedded.populations).toEqual([]);
  });

  it('reads and sets the default identity provider', async () => {
    const { client } = session;
    const populationId = ids[2] as string;
    const { data: initial } = await getPopulationDefaultIdentityProvider({ client, path: { populationId } });
    expect(initial).toMatchObject({ id: session.emulator.environmentId, type: 'PING_ONE' });
    const idp = '2c5a7f1e-3b54-4d44-8d7b-6c1f0b7e3a19';
    await replacePopulationDefaultIdentityProvider({ client, path: { populationId }, body: { id: idp } });
    expect((await getPopulationDefaultIdentityProvider({ client, path: { populationId } })).data.id).toBe(
      idp,
    );
  });
});
