import { AuthenticationError, BadRequestError, NotFoundError, paginate } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEnvironment,
  createManagementClient,
  deleteEnvironment,
  getBillOfMaterials,
  getEnvironment,
  getEnvironmentCapabilities,
  listEnvironments,
  listPopulations,
  replaceBillOfMaterials,
  replaceEnvironment,
  setEnvironmentStatus,
  setEnvironmentType,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

/** The emulator's seeded license (see tools/emulator/src/behaviours/organizations.ts). */
const licenseId = '00000000-0000-4000-8000-00000000000a';
const expiredLicenseId = '00000000-0000-4000-8000-00000000000b';

describe('environments against the emulator', () => {
  let session: EmulatorSession;
  const created: string[] = [];

  beforeAll(async () => {
    session = await startEmulatorSession();
    for (const name of ['Staging', 'Sales demo', 'Support sandbox']) {
      const { data } = await createEnvironment({
        client: session.client,
        body: { name, type: 'SANDBOX', region: 'EU', license: { id: licenseId } },
      });
      created.push(data.id as string);
    }
  }, 60_000);
  afterAll(() => session.close());

  it('creates environments with their license, organization, status, bill of materials and default population', async () => {
    const { client } = session;
    const environmentId = created[0] as string;
    const { data } = await getEnvironment({ client, path: { environmentId } });
    expect(data).toMatchObject({ name: 'Staging', type: 'SANDBOX', region: 'EU', status: 'ACTIVE' });
    expect(data.license.id).toBe(licenseId);
    expect(data.organization?.id).toBe('00000000-0000-4000-8000-000000000000');
    const { data: bom } = await getBillOfMaterials({ client, path: { environmentId } });
    expect(bom.products.map((product) => product.type)).toEqual(['PING_ONE_BASE']);
    const { data: populations } = await listPopulations({ client, path: { environmentId } });
    expect(populations._embedded.populations).toEqual([
      expect.objectContaining({ name: 'Default', default: true }),
    ]);
  });

  it('lists every environment across pages of two, filters, and expands the bill of materials', async () => {
    const { client } = session;
    const pages: number[] = [];
    const names: string[] = [];
    for await (const page of paginate(listEnvironments, { client, query: { limit: 2 } }).pages()) {
      pages.push(page._embedded.environments.length);
      names.push(...page._embedded.environments.map((environment) => environment.name));
    }
    expect(pages).toEqual([2, 2]);
    expect(names).toEqual(['Emulator', 'Staging', 'Sales demo', 'Support sandbox']);

    const { data: filtered } = await listEnvironments({
      client,
      query: {
        filter: 'name sw "S" and license.id eq "00000000-0000-4000-8000-00000000000a"',
        expand: 'billOfMaterials',
      },
    });
    expect(filtered._embedded.environments.map((environment) => environment.name)).toEqual([
      'Staging',
      'Sales demo',
      'Support sandbox',
    ]);
    expect(filtered._embedded.environments[0]?.billOfMaterials?.products[0]?.type).toBe('PING_ONE_BASE');
  });

  it('refuses licenses that do not exist or have expired, and a region change', async () => {
    const { client } = session;
    const refused = await createEnvironment({
      client,
      body: { name: 'Nope', type: 'SANDBOX', region: 'EU', license: { id: expiredLicenseId } },
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BadRequestError);
    expect((refused as BadRequestError).details[0]).toMatchObject({
      code: 'INVALID_VALUE',
      target: 'license.id',
    });

    const environmentId = created[1] as string;
    const moved = await replaceEnvironment({
      client,
      path: { environmentId },
      body: { name: 'Sales demo', type: 'SANDBOX', region: 'NA', license: { id: licenseId } },
    }).catch((error: unknown) => error);
    expect((moved as BadRequestError).details[0]?.target).toBe('region');
  });

  it('replaces an environment and its bill of materials, and reports capabilities from them', async () => {
    const { client } = session;
    const environmentId = created[1] as string;
    const { data } = await replaceEnvironment({
      client,
      path: { environmentId },
      body: { name: 'Sales demo (EU)', type: 'SANDBOX', region: 'EU', license: { id: licenseId } },
    });
    expect(data).toMatchObject({ name: 'Sales demo (EU)', status: 'ACTIVE' });
    expect(data.description).toBeUndefined();

    const { data: bom } = await replaceBillOfMaterials({
      client,
      path: { environmentId },
      body: { solutionType: 'CUSTOMER', products: [{ type: 'PING_ONE_BASE' }, { type: 'PING_ONE_DAVINCI' }] },
    });
    expect(bom.products.map((product) => product.description)).toEqual(['PingOne Base', 'PingOne DaVinci']);
    const { data: capabilities } = await getEnvironmentCapabilities({ client, path: { environmentId } });
    expect(capabilities).toMatchObject({
      canUseDaVinciAdminPortal: true,
      canUseCredentials: false,
      canAssignUsersRoles: true,
    });
  });

  it('soft-deletes a production environment, restores it, and deletes a sandbox at once', async () => {
    const { client } = session;
    const environmentId = created[2] as string;
    const { data: production } = await setEnvironmentType({
      client,
      path: { environmentId },
      body: { type: 'PRODUCTION' },
    });
    expect(production.type).toBe('PRODUCTION');

    await deleteEnvironment({ client, path: { environmentId } });
    const { data: pending } = await getEnvironment({ client, path: { environmentId } });
    expect(pending.status).toBe('DELETE_PENDING');
    expect(Date.parse(pending.hardDeletedAllowedAt ?? '')).toBeGreaterThan(Date.now());

    const { data: restored } = await setEnvironmentStatus({
      client,
      path: { environmentId },
      body: { status: 'ACTIVE' },
    });
    expect(restored.status).toBe('ACTIVE');
    expect(restored.softDeletedAt).toBeUndefined();

    const sandbox = created[0] as string;
    await deleteEnvironment({ client, path: { environmentId: sandbox } });
    await expect(getEnvironment({ client, path: { environmentId: sandbox } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(listPopulations({ client, path: { environmentId: sandbox } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('answers a filter on an unsupported attribute or operator with INVALID_FILTER', async () => {
    const { client } = session;
    for (const filter of ['description eq "x"', 'name co "S"', 'name sw']) {
      const error = await listEnvironments({ client, query: { filter } }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error).toMatchObject({ status: 400, code: 'INVALID_DATA' });
      expect((error as BadRequestError).details[0]).toMatchObject({
        code: 'INVALID_FILTER',
        target: 'filter',
      });
    }
  });

  it('answers a bad token with 401 ACCESS_FAILED', async () => {
    const client = createManagementClient({
      baseUrl: session.emulator.apiUrl,
      environmentId: session.emulator.environmentId,
      token: 'not-a-token',
    });
    const error = await getEnvironment({ client, path: {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'ACCESS_FAILED' });
    expect((error as AuthenticationError).details[0]?.code).toBe('INVALID_TOKEN');
  });

  it('issues access tokens that verify against the JWKS with the environment issuer', async () => {
    const { authUrl, environmentId, clientId, clientSecret } = session.emulator;
    const issuer = `${authUrl}/${environmentId}/as`;
    const tokenResponse = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${btoa(`${clientId}:${clientSecret}`)}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    const { kid, alg } = decode(header) as { kid: string; alg: string };
    expect(alg).toBe('RS256');

    const jwks = (await (await fetch(`${issuer}/jwks`)).json()) as { keys: (JsonWebKey & { kid: string })[] };
    const jwk = jwks.keys.find((key) => key.kid === kid);
    expect(jwk).toBeDefined();
    const key = await crypto.subtle.importKey(
      'jwk',
      jwk as JsonWebKey,
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    const verified = await crypto.subtle.verify(
      'RSASSA-PKCS1-v1_5',
      key,
      Buffer.from(signature, 'base64url'),
      new TextEncoder().encode(`${header}.${payload}`),
    );
    expect(verified).toBe(true);
    const claims = decode(payload) as { iss: string; exp: number; client_id?: string; sub?: string };
    expect(claims.iss).toBe(issuer);
    expect(claims.exp * 1000).toBeGreaterThan(Date.now());

    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url')}`;
    expect(
      await crypto.subtle.verify(
        'RSASSA-PKCS1-v1_5',
        key,
        Buffer.from(signature, 'base64url'),
        new TextEncoder().encode(tampered),
      ),
    ).toBe(false);
  });
});
