import { NotFoundError } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createForm, deleteForm, getForm, listForms, replaceForm } from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

/** Ids are read-only, so optional in the types; the emulator always answers them. */
const id = (resource: { id?: string }): string => resource.id ?? '';

describe('forms against the emulator', () => {
  let session: EmulatorSession;

  beforeAll(async () => {
    session = await startEmulatorSession();
  }, 60_000);
  afterAll(() => session.close());

  it('creates a form of several field types, reads it narrowed by type, replaces and deletes it', async () => {
    const client = session.client;
    const { data: created } = await createForm({
      client,
      body: {
        name: 'Update profile',
        category: 'CUSTOM',
        cols: 2,
        markRequired: true,
        markOptional: false,
        components: {
          fields: [
            {
              type: 'TEXT',
              position: { row: 0, col: 0 },
              key: 'user.name.given',
              label: 'Given name',
              required: true,
            },
            {
              type: 'RADIO',
              position: { row: 1, col: 0 },
              key: 'user.loyaltyTier',
              label: 'Tier',
              layout: 'VERTICAL',
              options: [
                { label: 'Silver', value: 'silver' },
                { label: 'Gold', value: 'gold' },
              ],
            },
            { type: 'SUBMIT_BUTTON', position: { row: 2, col: 0 }, label: 'Save' },
          ],
        },
      },
    });
    expect(created.fieldTypes).toEqual(['TEXT', 'RADIO', 'SUBMIT_BUTTON']);
    const path = { formId: id(created) };

    const { data: read } = await getForm({ client, path, query: { include: 'components' } });
    const choice = read.components.fields.find((field) => field.type === 'RADIO');
    // The union narrows on `type`: a choice field has options.
    if (choice?.type !== 'RADIO') throw new Error('expected a radio field');
    expect(choice.options.map((option) => option.value)).toEqual(['silver', 'gold']);

    const { data: replaced } = await replaceForm({
      client,
      path,
      body: {
        name: 'Update profile',
        category: 'CUSTOM',
        markRequired: false,
        markOptional: true,
        components: { fields: [{ type: 'DIVIDER', position: { row: 0, col: 0 } }] },
      },
    });
    expect(replaced.fieldTypes).toEqual(['DIVIDER']);
    const { data: page } = await listForms({ client });
    expect(page._embedded.forms.map((form) => form.name)).toEqual(['Update profile']);

    await deleteForm({ client, path });
    await expect(getForm({ client, path })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses a choice field without options', async () => {
    await expect(
      createForm({
        client: session.client,
        body: {
          name: 'Broken',
          category: 'CUSTOM',
          markRequired: true,
          markOptional: false,
          components: {
            fields: [
              // @ts-expect-error a choice field needs options; the emulator refuses it like PingOne
              { type: 'DROPDOWN', position: { row: 0, col: 0 }, key: 'tier', label: 'Tier' },
            ],
          },
        },
      }),
    ).rejects.toMatchObject({ status: 400 });
  });
});
