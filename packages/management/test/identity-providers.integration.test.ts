import { BadRequestError, NotFoundError, paginate } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createIdentityProvider,
  createIdentityProviderAttribute,
  createPopulation,
  deleteIdentityProvider,
  deleteIdentityProviderAttribute,
  getIdentityProvider,
  getIdentityProviderAttribute,
  listIdentityProviderAttributes,
  listIdentityProviders,
  replaceIdentityProvider,
  replaceIdentityProviderAttribute,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

/** Ids are read-only, so optional in the types; the emulator always answers them. */
const id = (resource: { id?: string }): string => resource.id ?? '';

const openIdConnect = {
  type: 'OPENID_CONNECT' as const,
  name: 'Partner IdP',
  enabled: true,
  clientId: 'pingone',
  clientSecret: 'partner-client-secret',
  issuer: 'https://idp.example.com',
  authorizationEndpoint: 'https://idp.example.com/authorize',
  tokenEndpoint: 'https://idp.example.com/token',
  jwksEndpoint: 'https://idp.example.com/jwks',
  scopes: ['openid', 'email'],
  tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC' as const,
};

describe('identity providers against the emulator', () => {
  let session: EmulatorSession;
  let populationId: string;

  beforeAll(async () => {
    session = await startEmulatorSession();
    const { data } = await createPopulation({ client: session.client, body: { name: 'Partners' } });
    populationId = id(data);
  }, 60_000);
  afterAll(() => session.close());

  it('creates providers of several types and lists them, narrowed by type', async () => {
    const client = session.client;
    const { data: oidc } = await createIdentityProvider({
      client,
      body: { ...openIdConnect, registration: { population: { id: populationId } } },
    });
    expect(oidc).toMatchObject({
      type: 'OPENID_CONNECT',
      registration: { population: { id: populationId } },
    });
    const { data: github } = await createIdentityProvider({
      client,
      body: { type: 'GITHUB', name: 'GitHub', enabled: false, clientId: 'Iv1.01', clientSecret: 'secret' },
    });
    const { data: saml } = await createIdentityProvider({
      client,
      body: {
        type: 'SAML',
        name: 'Corporate SAML',
        enabled: true,
        idpEntityId: 'https://idp.example.com/saml',
        spEntityId: 'https://auth.example.com/sp',
        idpVerification: { certificates: [{ id: '0c6f4d7e-1a2b-4c3d-9e8f-7a6b5c4d3e2f' }] },
        ssoBinding: 'HTTP_POST',
        ssoEndpoint: 'https://idp.example.com/saml/sso',
      },
    });

    const byType = new Map<string, string>();
    for await (const provider of paginate(listIdentityProviders, { client })) {
      // The union narrows on `type`: only OpenID Connect providers have an issuer.
      byType.set(provider.type, provider.type === 'OPENID_CONNECT' ? provider.issuer : provider.name);
    }
    expect(byType).toEqual(
      new Map([
        ['OPENID_CONNECT', 'https://idp.example.com'],
        ['GITHUB', 'GitHub'],
        ['SAML', 'Corporate SAML'],
      ]),
    );

    const { data: read } = await getIdentityProvider({ client, path: { identityProviderId: id(saml) } });
    if (read.type !== 'SAML') throw new Error(`expected SAML, got ${read.type}`);
    expect(read.ssoEndpoint).toBe('https://idp.example.com/saml/sso');
    expect(id(github)).not.toBe(id(oidc));
  });

  it('replaces a provider but keeps its type, and deletes it', async () => {
    const client = session.client;
    const { data: created } = await createIdentityProvider({
      client,
      body: { type: 'GOOGLE', name: 'Google', enabled: true, clientId: 'google', clientSecret: 'secret' },
    });
    const path = { identityProviderId: id(created) };
    const { data: replaced } = await replaceIdentityProvider({
      client,
      path,
      body: {
        type: 'GOOGLE',
        name: 'Google accounts',
        enabled: false,
        clientId: 'google',
        clientSecret: 'new',
      },
    });
    expect(replaced).toMatchObject({ name: 'Google accounts', enabled: false });

    await expect(
      replaceIdentityProvider({
        client,
        path,
        body: {
          type: 'MICROSOFT',
          name: 'Google accounts',
          enabled: false,
          clientId: 'm',
          clientSecret: 's',
        },
      }),
    ).rejects.toMatchObject({ status: 400, details: [{ target: 'type' }] });

    await deleteIdentityProvider({ client, path });
    await expect(getIdentityProvider({ client, path })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('manages attribute mappings next to the core username mapping', async () => {
    const client = session.client;
    const { data: provider } = await createIdentityProvider({
      client,
      body: { ...openIdConnect, name: 'Mapped IdP' },
    });
    const identityProviderId = id(provider);

    const { data: initial } = await listIdentityProviderAttributes({ client, path: { identityProviderId } });
    const core = initial._embedded.attributes.find((mapping) => mapping.mappingType === 'CORE');
    expect(core).toMatchObject({ name: 'username', identityProvider: { id: identityProviderId } });

    const { data: email } = await createIdentityProviderAttribute({
      client,
      path: { identityProviderId },
      body: { name: 'email', value: `\${providerAttributes.email}`, update: 'ALWAYS' },
    });
    expect(email.mappingType).toBe('CUSTOM');
    const emailPath = { identityProviderId, identityProviderAttributeId: id(email) };

    const { data: replaced } = await replaceIdentityProviderAttribute({
      client,
      path: emailPath,
      body: { name: 'email', value: `\${providerAttributes.mail}`, update: 'EMPTY_ONLY' },
    });
    expect(replaced).toMatchObject({ value: `\${providerAttributes.mail}`, update: 'EMPTY_ONLY' });
    const { data: read } = await getIdentityProviderAttribute({ client, path: emailPath });
    expect(read.value).toBe(`\${providerAttributes.mail}`);

    const corePath = { identityProviderId, identityProviderAttributeId: id(core ?? {}) };
    await expect(deleteIdentityProviderAttribute({ client, path: corePath })).rejects.toBeInstanceOf(
      BadRequestError,
    );
    await deleteIdentityProviderAttribute({ client, path: emailPath });
    const { data: left } = await listIdentityProviderAttributes({ client, path: { identityProviderId } });
    expect(left._embedded.attributes.map((mapping) => mapping.name)).toEqual(['username']);
  });
});
