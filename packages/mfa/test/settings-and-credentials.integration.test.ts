import { BadRequestError, NotFoundError } from '@pingone-sdk/core';
import { createApplication } from '@pingone-sdk/management';
import { type EmulatorSession, startEmulatorSession } from '@pingone-sdk/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFidoDeviceMetadata,
  createMfaPushCredential,
  deleteFidoDeviceMetadata,
  deleteMfaPushCredential,
  getFidoDeviceMetadata,
  getMfaPushCredential,
  getMfaSettings,
  listFidoDeviceMetadata,
  listMfaPushCredentials,
  replaceMfaPushCredential,
  replaceMfaSettings,
  resetMfaSettings,
} from '../src/index.js';

describe('MFA settings, push credentials and FIDO device metadata against the emulator', () => {
  let session: EmulatorSession;
  beforeAll(async () => {
    session = await startEmulatorSession();
  }, 60_000);
  afterAll(() => session.close());

  it('reads the default MFA settings, replaces them and resets them', async () => {
    const client = session.client;
    const defaults = {
      pairing: { maxAllowedDevices: 5, pairingKeyFormat: 'ALPHANUMERIC' },
      lockout: { failureCount: 5, durationSeconds: 600 },
    };
    expect((await getMfaSettings({ client })).data).toMatchObject(defaults);
    const { data: replaced } = await replaceMfaSettings({
      client,
      body: { pairing: { maxAllowedDevices: 3, pairingKeyFormat: 'NUMERIC' } },
    });
    expect(replaced).toMatchObject({ pairing: { maxAllowedDevices: 3 }, lockout: defaults.lockout });
    const tooMany = await replaceMfaSettings({
      client,
      body: { pairing: { maxAllowedDevices: 16, pairingKeyFormat: 'NUMERIC' } },
    }).catch((e) => e);
    expect(tooMany).toBeInstanceOf(BadRequestError);
    await resetMfaSettings({ client });
    expect((await getMfaSettings({ client })).data).toMatchObject(defaults);
  });

  it('stores push credentials of a native application without ever answering their secrets', async () => {
    const client = session.client;
    const { data: application } = await createApplication({
      client,
      body: {
        name: 'Authenticator',
        enabled: true,
        type: 'NATIVE_APP',
        protocol: 'OPENID_CONNECT',
        grantTypes: ['AUTHORIZATION_CODE'],
        responseTypes: ['CODE'],
        redirectUris: ['com.example.app://callback'],
        tokenEndpointAuthMethod: 'NONE',
      },
    });
    const applicationId = application.id ?? '';
    const { data: apns } = await createMfaPushCredential({
      client,
      path: { applicationId },
      body: { type: 'APNS', key: 'ABC123DEFG', teamId: 'DEF123GHIJ', token: 'private-key' },
    });
    expect(apns).toMatchObject({ type: 'APNS' });
    expect(JSON.stringify(apns)).not.toContain('private-key');
    const path = { applicationId, pushCredentialId: apns.id };
    expect((await getMfaPushCredential({ client, path })).data.type).toBe('APNS');
    const { data: rotated } = await replaceMfaPushCredential({
      client,
      path,
      body: { type: 'APNS', key: 'NEWKEY1234', teamId: 'DEF123GHIJ', token: 'rotated-key' },
    });
    expect(rotated.id).toBe(apns.id);
    const { data: listed } = await listMfaPushCredentials({ client, path: { applicationId } });
    expect(listed._embedded.pushCredentials.map((each) => each.type)).toEqual(['APNS']);
    await deleteMfaPushCredential({ client, path });
    await expect(getMfaPushCredential({ client, path })).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      listMfaPushCredentials({ client, path: { applicationId: '00000000-0000-4000-8000-0000000000ee' } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('adds, reads, lists and deletes custom FIDO device metadata with a unique AAGUID', async () => {
    const client = session.client;
    const body = {
      aaguid: '2fc0579f-8113-47ea-b116-bb5a8db9202a',
      description: 'Example Key NFC',
      protocolFamily: 'fido2',
    };
    const { data: created } = await createFidoDeviceMetadata({ client, body });
    expect(created).toMatchObject(body);
    const path = { fidoDeviceId: created.id };
    expect((await getFidoDeviceMetadata({ client, path })).data.description).toBe('Example Key NFC');
    expect((await listFidoDeviceMetadata({ client })).data._embedded.fidoDevicesMetadata).toHaveLength(1);
    const twice = await createFidoDeviceMetadata({ client, body }).catch((e) => e);
    expect(twice).toBeInstanceOf(BadRequestError);
    expect(twice.details[0]).toMatchObject({ code: 'UNIQUENESS_VIOLATION', target: 'aaguid' });
    await deleteFidoDeviceMetadata({ client, path });
    await expect(getFidoDeviceMetadata({ client, path })).rejects.toBeInstanceOf(NotFoundError);
  });
});
