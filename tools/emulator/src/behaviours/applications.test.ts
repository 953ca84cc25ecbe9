import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';

describe('application behaviours', () => {
  let session: EmulatorSession;
  let applications: string;

  beforeAll(async () => {
    session = await startSession();
    applications = `${session.environmentUrl}/applications`;
  });
  afterAll(() => session.emulator.close());

  const tokenWith = (clientId: string, secret: string) =>
    fetch(`${session.emulator.authUrl}/${session.emulator.environmentId}/as/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });

  it('gives a worker a secret that rotates, keeping the previous one until it expires', async () => {
    const created = await session.call('POST', applications, {
      name: 'Rotating worker',
      enabled: true,
      protocol: 'OPENID_CONNECT',
      type: 'WORKER',
      grantTypes: ['CLIENT_CREDENTIALS'],
      tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const secretUrl = `${applications}/${id}/secret`;
    const first = (await session.call('GET', secretUrl)).body.secret as string;
    expect(first).toHaveLength(64);
    expect((await tokenWith(id, first)).status).toBe(200);

    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const rotated = await session.call('POST', secretUrl, { previous: { expiresAt } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.previous).toEqual({ secret: first, expiresAt });
    const second = rotated.body.secret as string;
    expect(second).not.toBe(first);
    expect((await tokenWith(id, second)).status).toBe(200);
    expect((await tokenWith(id, first)).status).toBe(200);

    expect((await session.call('DELETE', secretUrl)).status).toBe(204);
    expect((await tokenWith(id, first)).status).toBe(401);
    expect((await session.call('GET', secretUrl)).body.previous).toBeUndefined();

    const immediate = await session.call('POST', secretUrl);
    expect(immediate.status).toBe(200);
    expect((await tokenWith(id, second)).status).toBe(401);

    const tooLong = await session.call('POST', secretUrl, {
      previous: { expiresAt: new Date(Date.now() + 31 * 86_400_000).toISOString() },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.details[0]).toMatchObject({ code: 'OUT_OF_RANGE', target: 'previous.expiresAt' });
  });

  it('refuses a worker its own secret, and secrets of applications without one', async () => {
    const own = await session.call('GET', `${applications}/${session.emulator.clientId}/secret`);
    expect(own.status).toBe(403);
    const saml = await session.call('POST', applications, {
      name: 'Expenses',
      enabled: true,
      protocol: 'SAML',
      type: 'WEB_APP',
      spEntityId: 'https://expenses.example.com/saml',
      acsUrls: ['https://expenses.example.com/acs'],
      assertionDuration: 60,
    });
    expect(saml.body).toMatchObject({ protocol: 'SAML', assertionSigned: true, sloBinding: 'HTTP_POST' });
    expect((await session.call('GET', `${applications}/${saml.body.id}/secret`)).status).toBe(404);
    const duplicate = await session.call('POST', applications, { ...saml.body, name: 'Copy' });
    expect(duplicate.body.details[0]).toMatchObject({ code: 'UNIQUENESS_VIOLATION', target: 'spEntityId' });
    const protocolChange = await session.call('PUT', `${applications}/${saml.body.id}`, {
      name: 'Expenses',
      enabled: true,
      protocol: 'EXTERNAL_LINK',
      type: 'PORTAL_LINK_APP',
      homePageUrl: 'https://expenses.example.com',
    });
    expect(protocolChange.status).toBe(400);
  });

  it('checks grants and sign-on policy assignments against what exists', async () => {
    const app = await session.call('POST', applications, {
      name: 'Web',
      enabled: true,
      protocol: 'OPENID_CONNECT',
      type: 'WEB_APP',
      grantTypes: ['AUTHORIZATION_CODE'],
      redirectUris: ['https://web.example.com/cb'],
      tokenEndpointAuthMethod: 'CLIENT_SECRET_POST',
    });
    const base = `${applications}/${app.body.id}`;
    const resources = (await session.call('GET', `${session.environmentUrl}/resources`)).body._embedded
      .resources;
    const openid = resources.find((resource: { type: string }) => resource.type === 'OPENID_CONNECT');
    const scopes = (await session.call('GET', `${session.environmentUrl}/resources/${openid.id}/scopes`)).body
      ._embedded.scopes;
    const grant = await session.call('POST', `${base}/grants`, {
      resource: { id: openid.id },
      scopes: [{ id: scopes[0].id }],
    });
    expect(grant.status).toBe(201);
    expect(grant.body.application).toEqual({ id: app.body.id });
    const badScope = await session.call('POST', `${base}/grants`, {
      resource: { id: openid.id },
      scopes: [{ id: '00000000-0000-4000-8000-0000000000ff' }],
    });
    expect(badScope.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'scopes[0].id' });
    const badResource = await session.call('POST', `${base}/grants`, {
      resource: { id: '00000000-0000-4000-8000-0000000000ff' },
      scopes: [],
    });
    expect(badResource.status).toBe(400);

    const missingPolicy = await session.call('POST', `${base}/signOnPolicyAssignments`, {
      signOnPolicy: { id: '00000000-0000-4000-8000-0000000000ff' },
      priority: 1,
    });
    expect(missingPolicy.status).toBe(400);

    const mappings = (await session.call('GET', `${base}/attributes`)).body._embedded.attributes;
    expect(mappings).toMatchObject([{ name: 'sub', mappingType: 'CORE' }]);
    expect((await session.call('DELETE', `${base}/attributes/${mappings[0].id}`)).status).toBe(400);
    const reserved = await session.call('POST', `${base}/attributes`, {
      name: 'iss',
      value: 'x',
      required: false,
    });
    expect(reserved.status).toBe(400);
  });
});
