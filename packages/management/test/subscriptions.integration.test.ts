import { NotFoundError, paginate } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPopulation,
  createSubscription,
  deleteSubscription,
  getSubscription,
  listSubscriptions,
  replaceSubscription,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

/** Ids are read-only, so optional in the types; the emulator always answers them. */
const id = (resource: { id?: string }): string => resource.id ?? '';

describe('webhook subscriptions against the emulator', () => {
  let session: EmulatorSession;

  beforeAll(async () => {
    session = await startEmulatorSession();
  }, 60_000);
  afterAll(() => session.close());

  it('creates, lists, reads, replaces and deletes a subscription', async () => {
    const client = session.client;
    const { data: population } = await createPopulation({ client, body: { name: 'Customers' } });
    const { data: created } = await createSubscription({
      client,
      body: {
        name: 'Audit to SIEM',
        enabled: true,
        format: 'ACTIVITY',
        httpEndpoint: {
          url: 'https://siem.example.com/pingone',
          headers: { Authorization: 'Bearer siem-token' },
        },
        verifyTlsCertificates: true,
        filterOptions: {
          includedActionTypes: ['USER.CREATED', 'USER.DELETED'],
          includedPopulations: [{ id: id(population) }],
        },
      },
    });
    expect(created).toMatchObject({
      name: 'Audit to SIEM',
      filterOptions: { includedPopulations: [{ id: id(population) }] },
    });
    const path = { subscriptionId: id(created) };

    const names: string[] = [];
    for await (const subscription of paginate(listSubscriptions, { client })) names.push(subscription.name);
    expect(names).toEqual(['Audit to SIEM']);

    const { data: replaced } = await replaceSubscription({
      client,
      path,
      body: {
        name: 'Audit to SIEM',
        enabled: false,
        httpEndpoint: { url: 'https://siem.example.com/pingone' },
        verifyTlsCertificates: true,
        filterOptions: { includedActionTypes: ['USER.CREATED'] },
      },
    });
    expect(replaced.enabled).toBe(false);
    expect(replaced.format).toBeUndefined();
    const { data: read } = await getSubscription({ client, path });
    expect(read.filterOptions.includedActionTypes).toEqual(['USER.CREATED']);

    await deleteSubscription({ client, path });
    await expect(getSubscription({ client, path })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses a subscription that names more than ten populations', async () => {
    const populations = Array.from({ length: 11 }, () => ({ id: '60971d3b-cc5a-4601-9996-a0f9a6e7c4a5' }));
    await expect(
      createSubscription({
        client: session.client,
        body: {
          name: 'Too wide',
          enabled: true,
          verifyTlsCertificates: true,
          filterOptions: { includedActionTypes: ['USER.CREATED'], includedPopulations: populations },
        },
      }),
    ).rejects.toMatchObject({ status: 400 });
  });
});
