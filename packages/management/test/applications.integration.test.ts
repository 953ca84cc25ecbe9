import {
  AuthenticationError,
  BadRequestError,
  clientCredentials,
  NotFoundError,
  PermissionDeniedError,
  paginate,
} from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Application,
  type ApplicationCreate,
  createApplication,
  createApplicationAttributeMapping,
  createApplicationFlowPolicyAssignment,
  createApplicationGrant,
  createApplicationSignOnPolicyAssignment,
  createManagementClient,
  createSignOnPolicy,
  deleteApplication,
  deleteApplicationAttributeMapping,
  deleteApplicationFlowPolicyAssignment,
  deleteApplicationGrant,
  deleteApplicationSignOnPolicyAssignment,
  deletePreviousApplicationSecret,
  getApplication,
  getApplicationAttributeMapping,
  getApplicationFlowPolicyAssignment,
  getApplicationGrant,
  getApplicationSecret,
  getApplicationSignOnPolicyAssignment,
  listApplicationAttributeMappings,
  listApplicationFlowPolicyAssignments,
  listApplicationGrants,
  listApplicationSignOnPolicyAssignments,
  listApplications,
  listResourceScopes,
  listResources,
  replaceApplication,
  replaceApplicationAttributeMapping,
  replaceApplicationFlowPolicyAssignment,
  replaceApplicationGrant,
  replaceApplicationSignOnPolicyAssignment,
  rotateApplicationSecret,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

const oidc = (
  type: 'WEB_APP' | 'NATIVE_APP' | 'SINGLE_PAGE_APP' | 'WORKER' | 'SERVICE',
  extra: object = {},
): ApplicationCreate => ({
  name: `OIDC ${type}`,
  enabled: true,
  protocol: 'OPENID_CONNECT',
  type,
  tokenEndpointAuthMethod:
    type === 'NATIVE_APP' || type === 'SINGLE_PAGE_APP' ? 'NONE' : 'CLIENT_SECRET_BASIC',
  ...extra,
});

/** One application of every protocol and OpenID Connect type. */
const bodies: ApplicationCreate[] = [
  oidc('WEB_APP', {
    grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'],
    responseTypes: ['CODE'],
    redirectUris: ['https://web.example.com/cb'],
  }),
  oidc('NATIVE_APP', {
    grantTypes: ['AUTHORIZATION_CODE'],
    redirectUris: ['com.example.app:/cb'],
    pkceEnforcement: 'S256_REQUIRED',
  }),
  oidc('SINGLE_PAGE_APP', {
    grantTypes: ['AUTHORIZATION_CODE'],
    redirectUris: ['https://spa.example.com/cb'],
    pkceEnforcement: 'S256_REQUIRED',
  }),
  oidc('WORKER', { grantTypes: ['CLIENT_CREDENTIALS'] }),
  oidc('SERVICE', { grantTypes: ['CLIENT_CREDENTIALS'] }),
  {
    name: 'Expenses',
    enabled: true,
    protocol: 'SAML',
    type: 'WEB_APP',
    spEntityId: 'https://expenses.example.com/saml',
    acsUrls: ['https://expenses.example.com/saml/acs'],
    assertionDuration: 60,
    nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  },
  {
    name: 'Microsoft 365',
    enabled: true,
    protocol: 'WS_FED',
    type: 'WEB_APP',
    domainName: 'example.com',
    replyUrl: 'https://login.microsoftonline.com/login.srf',
    idpSigning: { algorithm: 'SHA256withRSA', key: { id: '4f1e2d3c-5b6a-4798-8a7b-6c5d4e3f2a1b' } },
  },
  {
    name: 'Intranet',
    enabled: true,
    protocol: 'EXTERNAL_LINK',
    type: 'PORTAL_LINK_APP',
    homePageUrl: 'https://intranet.example.com',
  },
];

/** What the typed union lets code read once it has narrowed on `protocol`, then `type`. */
function describeApplication(application: Application): string {
  switch (application.protocol) {
    case 'OPENID_CONNECT':
      switch (application.type) {
        case 'PING_ONE_PORTAL':
        case 'PING_ONE_SELF_SERVICE':
          return `portal:${application.applyDefaultTheme}`;
        case 'PING_ONE_ADMIN_CONSOLE':
          return 'console';
        default:
          return `oidc:${application.type}:${application.tokenEndpointAuthMethod}`;
      }
    case 'SAML':
      return `saml:${application.spEntityId}:${application.acsUrls[0]}`;
    case 'WS_FED':
      return `wsfed:${application.domainName}`;
    case 'EXTERNAL_LINK':
      return `link:${application.homePageUrl}`;
  }
}

describe('applications against the emulator', () => {
  let session: EmulatorSession;
  const created = new Map<string, Application>();

  beforeAll(async () => {
    session = await startEmulatorSession();
    for (const body of bodies) {
      const { data } = await createApplication({ client: session.client, body });
      created.set(`${body.protocol}/${body.type}`, data);
    }
  }, 60_000);
  afterAll(() => session.close());

  const app = (key: string): Application => {
    const found = created.get(key);
    if (!found) throw new Error(`no application ${key}`);
    return found;
  };

  it('round-trips every protocol and type, narrowing the union', async () => {
    const client = session.client;
    const described: string[] = [];
    for (const application of created.values()) {
      const { data } = await getApplication({ client, path: { applicationId: application.id as string } });
      expect(data).toEqual(application);
      described.push(describeApplication(data));
    }
    expect(described).toEqual([
      'oidc:WEB_APP:CLIENT_SECRET_BASIC',
      'oidc:NATIVE_APP:NONE',
      'oidc:SINGLE_PAGE_APP:NONE',
      'oidc:WORKER:CLIENT_SECRET_BASIC',
      'oidc:SERVICE:CLIENT_SECRET_BASIC',
      'saml:https://expenses.example.com/saml:https://expenses.example.com/saml/acs',
      'wsfed:example.com',
      'link:https://intranet.example.com',
    ]);
    const saml = app('SAML/WEB_APP');
    if (saml.protocol !== 'SAML') throw new Error('expected SAML');
    expect(saml).toMatchObject({
      assertionSigned: true,
      responseSigned: false,
      nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    });
  });

  it('pages through more applications than one page holds', async () => {
    const client = session.client;
    for (let index = 0; index < 95; index += 1) {
      await createApplication({
        client,
        body: {
          name: `Link ${index}`,
          enabled: true,
          protocol: 'EXTERNAL_LINK',
          type: 'PORTAL_LINK_APP',
          homePageUrl: `https://link-${index}.example.com`,
        },
      });
    }
    const pageSizes: number[] = [];
    const ids = new Set<string>();
    for await (const page of paginate(listApplications, { client }).pages()) {
      pageSizes.push(page._embedded.applications.length);
      for (const application of page._embedded.applications) ids.add(application.id as string);
    }
    // 1 seeded worker + 8 + 95 = 104, in pages of the emulator's default 100.
    expect(pageSizes).toEqual([100, 4]);
    expect(ids.size).toBe(104);
  });

  it('replaces and deletes an application, keeping its protocol', async () => {
    const client = session.client;
    const saml = app('SAML/WEB_APP');
    const applicationId = saml.id as string;
    const { data: replaced } = await replaceApplication({
      client,
      path: { applicationId },
      body: {
        name: 'Expenses v2',
        enabled: false,
        protocol: 'SAML',
        type: 'WEB_APP',
        spEntityId: 'https://expenses.example.com/saml',
        acsUrls: ['https://expenses.example.com/v2/acs'],
        assertionDuration: 120,
      },
    });
    expect(replaced.protocol === 'SAML' && replaced.acsUrls).toEqual(['https://expenses.example.com/v2/acs']);
    expect(replaced.enabled).toBe(false);
    await expect(
      replaceApplication({
        client,
        path: { applicationId },
        body: {
          name: 'x',
          enabled: true,
          protocol: 'EXTERNAL_LINK',
          type: 'PORTAL_LINK_APP',
          homePageUrl: 'https://x.example.com',
        },
      }),
    ).rejects.toBeInstanceOf(BadRequestError);

    const link = app('EXTERNAL_LINK/PORTAL_LINK_APP');
    await deleteApplication({ client, path: { applicationId: link.id as string } });
    await expect(
      getApplication({ client, path: { applicationId: link.id as string } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reads and rotates a worker secret that then works at the token endpoint', async () => {
    const client = session.client;
    const worker = app('OPENID_CONNECT/WORKER');
    const applicationId = worker.id as string;
    const { data: first } = await getApplicationSecret({ client, path: { applicationId } });
    expect(first.secret).toHaveLength(64);
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const { data: rotated } = await rotateApplicationSecret({
      client,
      path: { applicationId },
      body: { previous: { expiresAt } },
    });
    expect(rotated.secret).not.toBe(first.secret);
    expect(rotated.previous).toEqual({ secret: first.secret, expiresAt });

    const clientWith = (clientSecret: string) =>
      createManagementClient({
        baseUrl: session.emulator.apiUrl,
        environmentId: session.emulator.environmentId,
        retry: false,
        token: clientCredentials({
          environmentId: session.emulator.environmentId,
          clientId: applicationId,
          clientSecret: clientSecret,
          authUrl: session.emulator.authUrl,
        }),
      });
    await expect(
      getApplication({ client: clientWith(rotated.secret as string), path: { applicationId } }),
    ).resolves.toBeDefined();
    await expect(
      getApplication({ client: clientWith(first.secret as string), path: { applicationId } }),
    ).resolves.toBeDefined();

    await deletePreviousApplicationSecret({ client, path: { applicationId } });
    const { data: after } = await getApplicationSecret({ client, path: { applicationId } });
    expect(after).toMatchObject({ secret: rotated.secret });
    expect(after.previous).toBeUndefined();
    await expect(
      getApplication({ client: clientWith(first.secret as string), path: { applicationId } }),
    ).rejects.toBeInstanceOf(AuthenticationError);

    // PingOne: a worker cannot read its own secret; public clients and SAML applications have none.
    await expect(
      getApplicationSecret({ client, path: { applicationId: session.emulator.clientId } }),
    ).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(
      getApplicationSecret({
        client,
        path: { applicationId: app('OPENID_CONNECT/SINGLE_PAGE_APP').id as string },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('grants an application scopes of a resource, and replaces and revokes the grant', async () => {
    const client = session.client;
    const applicationId = app('OPENID_CONNECT/WEB_APP').id as string;
    const { data: resources } = await listResources({ client });
    const openid = resources._embedded.resources.find((resource) => resource.type === 'OPENID_CONNECT');
    const resourceId = openid?.id as string;
    const { data: scopes } = await listResourceScopes({ client, path: { resourceId } });
    const scopeId = (name: string) =>
      scopes._embedded.scopes.find((scope) => scope.name === name)?.id as string;

    const { data: grant } = await createApplicationGrant({
      client,
      path: { applicationId },
      body: { resource: { id: resourceId }, scopes: [{ id: scopeId('openid') }] },
    });
    expect(grant.application?.id).toBe(applicationId);
    const grantId = grant.id as string;
    const { data: replaced } = await replaceApplicationGrant({
      client,
      path: { applicationId, grantId },
      body: { resource: { id: resourceId }, scopes: [{ id: scopeId('openid') }, { id: scopeId('email') }] },
    });
    expect(replaced.scopes).toHaveLength(2);
    expect(
      (await getApplicationGrant({ client, path: { applicationId, grantId } })).data.scopes,
    ).toHaveLength(2);
    expect(
      (await listApplicationGrants({ client, path: { applicationId } })).data._embedded.grants,
    ).toHaveLength(1);
    await deleteApplicationGrant({ client, path: { applicationId, grantId } });
    await expect(getApplicationGrant({ client, path: { applicationId, grantId } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('assigns sign-on policies and flow policies in priority order', async () => {
    const client = session.client;
    const applicationId = app('OPENID_CONNECT/WEB_APP').id as string;
    const { data: policy } = await createSignOnPolicy({ client, body: { name: 'Step-up' } });
    const { data: assignment } = await createApplicationSignOnPolicyAssignment({
      client,
      path: { applicationId },
      body: { signOnPolicy: { id: policy.id as string }, priority: 1 },
    });
    const signOnPolicyAssignmentId = assignment.id as string;
    expect(assignment.application?.id).toBe(applicationId);
    const { data: moved } = await replaceApplicationSignOnPolicyAssignment({
      client,
      path: { applicationId, signOnPolicyAssignmentId },
      body: { signOnPolicy: { id: policy.id as string }, priority: 2 },
    });
    expect(moved.priority).toBe(2);
    expect(
      (
        await getApplicationSignOnPolicyAssignment({
          client,
          path: { applicationId, signOnPolicyAssignmentId },
        })
      ).data.priority,
    ).toBe(2);
    expect(
      (await listApplicationSignOnPolicyAssignments({ client, path: { applicationId } })).data._embedded
        .signOnPolicyAssignments,
    ).toHaveLength(1);
    await deleteApplicationSignOnPolicyAssignment({
      client,
      path: { applicationId, signOnPolicyAssignmentId },
    });

    const { data: flow } = await createApplicationFlowPolicyAssignment({
      client,
      path: { applicationId },
      body: { flowPolicy: { id: '3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f80' }, priority: 1 },
    });
    const flowPolicyAssignmentId = flow.id as string;
    await replaceApplicationFlowPolicyAssignment({
      client,
      path: { applicationId, flowPolicyAssignmentId },
      body: { flowPolicy: { id: '3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f80' }, priority: 3 },
    });
    expect(
      (await getApplicationFlowPolicyAssignment({ client, path: { applicationId, flowPolicyAssignmentId } }))
        .data.priority,
    ).toBe(3);
    expect(
      (await listApplicationFlowPolicyAssignments({ client, path: { applicationId } })).data._embedded
        .flowPolicyAssignments,
    ).toHaveLength(1);
    await deleteApplicationFlowPolicyAssignment({ client, path: { applicationId, flowPolicyAssignmentId } });
    await expect(
      getApplicationFlowPolicyAssignment({ client, path: { applicationId, flowPolicyAssignmentId } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('maps attributes next to the core sub mapping', async () => {
    const client = session.client;
    const applicationId = app('OPENID_CONNECT/WEB_APP').id as string;
    const { data: initial } = await listApplicationAttributeMappings({ client, path: { applicationId } });
    const core = initial._embedded.attributes.find((mapping) => mapping.name === 'sub');
    expect(core?.mappingType).toBe('CORE');
    await expect(
      deleteApplicationAttributeMapping({
        client,
        path: { applicationId, attributeMappingId: core?.id as string },
      }),
    ).rejects.toBeInstanceOf(BadRequestError);

    const { data: mapping } = await createApplicationAttributeMapping({
      client,
      path: { applicationId },
      body: { name: 'email', value: '${user.email}', required: false },
    });
    expect(mapping).toMatchObject({ mappingType: 'CUSTOM', idToken: true, userInfo: true });
    const attributeMappingId = mapping.id as string;
    const { data: replaced } = await replaceApplicationAttributeMapping({
      client,
      path: { applicationId, attributeMappingId },
      body: { name: 'email', value: '${user.email}', required: true, idToken: false },
    });
    expect(replaced).toMatchObject({ required: true, idToken: false, mappingType: 'CUSTOM' });
    expect(
      (await getApplicationAttributeMapping({ client, path: { applicationId, attributeMappingId } })).data
        .required,
    ).toBe(true);
    await expect(
      createApplicationAttributeMapping({
        client,
        path: { applicationId },
        body: { name: 'email', value: 'x', required: false },
      }),
    ).rejects.toBeInstanceOf(BadRequestError);
    await deleteApplicationAttributeMapping({ client, path: { applicationId, attributeMappingId } });
    expect(
      (await listApplicationAttributeMappings({ client, path: { applicationId } })).data._embedded.attributes,
    ).toHaveLength(1);
  });
});
