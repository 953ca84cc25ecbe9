import { BadRequestError, NotFoundError, paginate } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApplicationResource,
  createResource,
  createResourceAttribute,
  createResourceScope,
  deleteApplicationResource,
  deletePreviousResourceSecret,
  deleteResource,
  deleteResourceAttribute,
  deleteResourceScope,
  getApplicationResource,
  getResource,
  getResourceAttribute,
  getResourceScope,
  getResourceSecret,
  listApplicationPermissions,
  listApplicationResources,
  listResourceAttributes,
  listResourceScopes,
  listResources,
  replaceApplicationResource,
  replaceResource,
  replaceResourceAttribute,
  replaceResourceScope,
  rotateResourceSecret,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

describe('resources against the emulator', () => {
  let session: EmulatorSession;
  let resourceId: string;

  beforeAll(async () => {
    session = await startEmulatorSession();
    const { data } = await createResource({
      client: session.client,
      body: { name: 'Orders API', audience: 'https://api.example.com/orders' },
    });
    resourceId = data.id as string;
  }, 60_000);
  afterAll(() => session.close());

  it('holds the built-in resources next to created ones', async () => {
    const client = session.client;
    const { data } = await listResources({ client });
    expect(data._embedded.resources.map((resource) => [resource.name, resource.type])).toEqual([
      ['openid', 'OPENID_CONNECT'],
      ['PingOne API', 'PINGONE_API'],
      ['Orders API', 'CUSTOM'],
    ]);
    const pingOneApi = data._embedded.resources[1];
    await expect(
      deleteResource({ client, path: { resourceId: pingOneApi?.id as string } }),
    ).rejects.toBeInstanceOf(BadRequestError);
    const { data: scopes } = await listResourceScopes({
      client,
      path: { resourceId: pingOneApi?.id as string },
    });
    expect(scopes._embedded.scopes.map((scope) => scope.name)).toContain('p1:read:user');
  });

  it('reads, replaces and deletes a resource', async () => {
    const client = session.client;
    const { data: read } = await getResource({ client, path: { resourceId } });
    expect(read).toMatchObject({
      type: 'CUSTOM',
      audience: 'https://api.example.com/orders',
      accessTokenValiditySeconds: 3600,
    });
    const { data: replaced } = await replaceResource({
      client,
      path: { resourceId },
      body: { name: 'Orders API', accessTokenValiditySeconds: 600 },
    });
    expect(replaced).toMatchObject({ type: 'CUSTOM', accessTokenValiditySeconds: 600 });
    await expect(createResource({ client, body: { name: 'orders api' } })).rejects.toBeInstanceOf(
      BadRequestError,
    );

    const { data: doomed } = await createResource({ client, body: { name: 'Doomed' } });
    await deleteResource({ client, path: { resourceId: doomed.id as string } });
    await expect(getResource({ client, path: { resourceId: doomed.id as string } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('pages through scopes and round-trips one', async () => {
    const client = session.client;
    for (let index = 0; index < 102; index += 1) {
      await createResourceScope({
        client,
        path: { resourceId },
        body: { name: `orders:${String(index).padStart(3, '0')}` },
      });
    }
    const pageSizes: number[] = [];
    for await (const page of paginate(listResourceScopes, { client, path: { resourceId } }).pages())
      pageSizes.push(page._embedded.scopes.length);
    expect(pageSizes).toEqual([100, 2]);

    const { data: scope } = await createResourceScope({
      client,
      path: { resourceId },
      body: { name: 'orders:read', description: 'Read orders' },
    });
    const scopeId = scope.id as string;
    expect(scope.resource?.id).toBe(resourceId);
    expect((await getResourceScope({ client, path: { resourceId, scopeId } })).data.description).toBe(
      'Read orders',
    );
    const { data: replaced } = await replaceResourceScope({
      client,
      path: { resourceId, scopeId },
      body: { name: 'orders:read' },
    });
    expect(replaced.description).toBeUndefined();
    await expect(
      createResourceScope({ client, path: { resourceId }, body: { name: 'orders:read' } }),
    ).rejects.toBeInstanceOf(BadRequestError);
    await deleteResourceScope({ client, path: { resourceId, scopeId } });
    await expect(getResourceScope({ client, path: { resourceId, scopeId } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('keeps custom attributes beside the core sub attribute', async () => {
    const client = session.client;
    const { data: initial } = await listResourceAttributes({ client, path: { resourceId } });
    const core = initial._embedded.attributes.find((attribute) => attribute.name === 'sub');
    expect(core?.type).toBe('CORE');
    await expect(
      deleteResourceAttribute({ client, path: { resourceId, attributeId: core?.id as string } }),
    ).rejects.toBeInstanceOf(BadRequestError);

    const { data: attribute } = await createResourceAttribute({
      client,
      path: { resourceId },
      body: { name: 'firstName', value: '${user.name.given}' },
    });
    expect(attribute.type).toBe('CUSTOM');
    const attributeId = attribute.id as string;
    const { data: replaced } = await replaceResourceAttribute({
      client,
      path: { resourceId, attributeId },
      body: { name: 'givenName', value: '${user.name.given}' },
    });
    expect(replaced).toMatchObject({ name: 'givenName', type: 'CUSTOM' });
    expect((await getResourceAttribute({ client, path: { resourceId, attributeId } })).data.name).toBe(
      'givenName',
    );
    await deleteResourceAttribute({ client, path: { resourceId, attributeId } });
    await expect(getResourceAttribute({ client, path: { resourceId, attributeId } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('reads and rotates the resource secret', async () => {
    const client = session.client;
    const { data: first } = await getResourceSecret({ client, path: { resourceId } });
    expect(first.secret?.length).toBeGreaterThanOrEqual(64);
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const { data: rotated } = await rotateResourceSecret({
      client,
      path: { resourceId },
      body: { previous: { expiresAt } },
    });
    expect(rotated.secret).not.toBe(first.secret);
    expect(rotated.previous).toEqual({ secret: first.secret, expiresAt });
    await deletePreviousResourceSecret({ client, path: { resourceId } });
    const { data: after } = await getResourceSecret({ client, path: { resourceId } });
    expect(after.secret).toBe(rotated.secret);
    expect(after.previous).toBeUndefined();
    await expect(
      rotateResourceSecret({
        client,
        path: { resourceId },
        body: { previous: { expiresAt: new Date(Date.now() + 1000).toISOString() } },
      }),
    ).rejects.toBeInstanceOf(BadRequestError);
  });

  it('round-trips application resources and lists application permissions', async () => {
    const client = session.client;
    const { data: created } = await createApplicationResource({
      client,
      path: { resourceId },
      body: { name: 'invoice', description: 'Invoices' },
    });
    expect(created.parent).toEqual({ type: 'PING_ONE_RESOURCE', id: resourceId });
    const applicationResourceId = created.id as string;
    const { data: replaced } = await replaceApplicationResource({
      client,
      path: { resourceId, applicationResourceId },
      body: { name: 'invoice', description: 'Customer invoices' },
    });
    expect(replaced.description).toBe('Customer invoices');
    expect(
      (await getApplicationResource({ client, path: { resourceId, applicationResourceId } })).data.name,
    ).toBe('invoice');
    expect(
      (await listApplicationResources({ client, path: { resourceId } })).data._embedded.resources,
    ).toHaveLength(1);
    // Permissions are defined through PingOne Authorize, outside this spec: none here.
    expect(
      (await listApplicationPermissions({ client, path: { resourceId } })).data._embedded.permissions,
    ).toEqual([]);
    await deleteApplicationResource({ client, path: { resourceId, applicationResourceId } });
    await expect(
      getApplicationResource({ client, path: { resourceId, applicationResourceId } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
