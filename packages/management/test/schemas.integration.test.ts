import { BadRequestError, NotFoundError, paginate } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSchemaAttribute,
  deleteSchemaAttribute,
  getSchema,
  getSchemaAttribute,
  listSchemaAttributes,
  listSchemas,
  replaceSchemaAttribute,
  updateSchemaAttribute,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

/** Ids are read-only, so optional in the types; the emulator always answers them. */
const id = (resource: { id?: string }): string => resource.id ?? '';

describe('schemas against the emulator', () => {
  let session: EmulatorSession;
  let schemaId: string;

  beforeAll(async () => {
    session = await startEmulatorSession();
    const { data } = await listSchemas({ client: session.client });
    schemaId = id(data._embedded.schemas[0] ?? {});
  }, 60_000);
  afterAll(() => session.close());

  it('reads the User schema with its core and standard attributes', async () => {
    const client = session.client;
    const { data: schema } = await getSchema({ client, path: { schemaId } });
    expect(schema.name).toBe('User');
    const byName = new Map<string, string | undefined>();
    for await (const attribute of paginate(listSchemaAttributes, { client, path: { schemaId } })) {
      byName.set(attribute.name, attribute.schemaType);
    }
    expect(byName.get('username')).toBe('CORE');
    expect(byName.get('email')).toBe('STANDARD');
  });

  it('adds, updates, replaces and deletes a custom attribute', async () => {
    const client = session.client;
    const { data: created } = await createSchemaAttribute({
      client,
      path: { schemaId },
      body: {
        name: 'loyaltyTier',
        displayName: 'Loyalty tier',
        enabled: true,
        type: 'STRING',
        enumeratedValues: [{ value: 'silver' }, { value: 'gold' }],
      },
    });
    expect(created).toMatchObject({ schemaType: 'CUSTOM', type: 'STRING', schema: { id: schemaId } });
    const path = { schemaId, schemaAttributeId: id(created) };

    const { data: updated } = await updateSchemaAttribute({ client, path, body: { displayName: 'Tier' } });
    expect(updated).toMatchObject({
      displayName: 'Tier',
      enumeratedValues: [{ value: 'silver' }, { value: 'gold' }],
    });

    const { data: replaced } = await replaceSchemaAttribute({
      client,
      path,
      body: { name: 'loyaltyTier', enabled: false, type: 'STRING', required: false },
    });
    expect(replaced.enumeratedValues).toBeUndefined();
    expect(replaced.enabled).toBe(false);
    await expect(
      replaceSchemaAttribute({ client, path, body: { name: 'loyaltyTier', enabled: true, type: 'BOOLEAN' } }),
    ).rejects.toMatchObject({ status: 400, details: [{ target: 'type' }] });

    await deleteSchemaAttribute({ client, path });
    await expect(getSchemaAttribute({ client, path })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('protects core and standard attributes', async () => {
    const client = session.client;
    const { data: page } = await listSchemaAttributes({ client, path: { schemaId } });
    const attribute = (name: string) =>
      ({
        schemaId,
        schemaAttributeId: id(page._embedded.attributes.find((item) => item.name === name) ?? {}),
      }) as const;

    await expect(
      updateSchemaAttribute({ client, path: attribute('username'), body: { displayName: 'Login' } }),
    ).rejects.toBeInstanceOf(BadRequestError);
    await expect(deleteSchemaAttribute({ client, path: attribute('email') })).rejects.toBeInstanceOf(
      BadRequestError,
    );
    await expect(
      updateSchemaAttribute({ client, path: attribute('email'), body: { unique: true } }),
    ).rejects.toMatchObject({ status: 400, details: [{ target: 'unique' }] });
    const { data: renamed } = await updateSchemaAttribute({
      client,
      path: attribute('email'),
      body: { displayName: 'Work email' },
    });
    expect(renamed).toMatchObject({ name: 'email', displayName: 'Work email', schemaType: 'STANDARD' });
  });

  it('refuses a custom attribute of sub-attributes and an unknown schema', async () => {
    const client = session.client;
    await expect(
      createSchemaAttribute({
        client,
        path: { schemaId },
        body: { name: 'office', enabled: true, type: 'COMPLEX' },
      }),
    ).rejects.toMatchObject({ status: 400, details: [{ target: 'type' }] });
    await expect(
      listSchemaAttributes({ client, path: { schemaId: '00000000-0000-4000-8000-000000000000' } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
