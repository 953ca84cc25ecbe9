import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';

const card = (fields: string[]) => ({
  title: 'Library card',
  cardDesignTemplate: '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
  management: { mode: 'MANAGED' },
  onDelete: { revokeIssuedCredentials: true },
  metadata: {
    fields: fields.map((title) => ({ id: title, title, type: 'Alphanumeric Text', isVisible: true })),
  },
});

describe('credential type versions', () => {
  let session: EmulatorSession;
  let types: string;

  beforeAll(async () => {
    session = await startSession({
      seed: { users: [{ id: '10e01013-5c58-4eb1-8073-d814c274c6dd', username: 'ada' }] },
    });
    types = `${session.environmentUrl}/credentialTypes`;
  });
  afterAll(() => session.emulator.close());

  it('keeps each replacement as a new version with the whole type as it was', async () => {
    const profile = (
      await session.call('POST', `${session.environmentUrl}/credentialIssuerProfile`, { name: 'Library' })
    ).body;
    const created = (await session.call('POST', types, card(['Name']))).body;
    expect(created.version).toMatchObject({ number: 1 });
    expect(created.issuer).toEqual({ id: profile.id });
    const replaced = (await session.call('PUT', `${types}/${created.id}`, card(['Name', 'Branch']))).body;
    expect(replaced.version.number).toBe(2);
    expect(replaced.createdAt).toBe(created.createdAt);

    const versions = (await session.call('GET', `${types}/${created.id}/versions`)).body._embedded.versions;
    expect(versions.map((version: { version: number }) => version.version)).toEqual([1, 2]);
    expect(created.version.uri).toBe(`${types}/${created.id}/versions/${created.version.id}`);
    const first = await session.call('GET', created.version.uri);
    expect(first.body.snapshot.metadata.fields).toHaveLength(1);
    expect(first.body.credentialType).toEqual({ id: created.id });
    const later = await session.call(
      'GET',
      `${types}/${created.id}/versions?filter=${encodeURIComponent('version gt 1')}`,
    );
    expect(later.body._embedded.versions).toEqual([expect.objectContaining({ id: replaced.version.id })]);
  });

  it('revokes issued credentials with the type when the type asks for it', async () => {
    const type = (await session.call('POST', types, card(['Name']))).body;
    const credentials = `${session.environmentUrl}/users/10e01013-5c58-4eb1-8073-d814c274c6dd/credentials`;
    const issued = (
      await session.call('POST', credentials, { credentialType: { id: type.id }, data: { Name: 'Ada' } })
    ).body;
    expect((await session.call('DELETE', `${types}/${type.id}`)).status).toBe(204);
    expect((await session.call('GET', `${credentials}/${issued.id}`)).body.status).toBe('REVOKED');
    expect((await session.call('GET', `${types}/${type.id}/versions`)).status).toBe(404);
  });
});
