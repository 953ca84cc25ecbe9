import { isObject } from '@pingone-sdk/openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpecs } from '../spec/load-specs.js';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';
import { defaultMfaSettings } from './mfa-settings.js';

describe('MFA settings behaviours', () => {
  let session: EmulatorSession;
  let settings: string;

  beforeAll(async () => {
    session = await startSession();
    settings = `${session.environmentUrl}/mfaSettings`;
  });
  afterAll(() => session.emulator.close());

  it('answers the defaults the spec writes down', () => {
    const schema = loadSpecs().get('mfa')?.components?.schemas?.MfaSettings;
    const properties = isObject(schema) && isObject(schema.properties) ? schema.properties : {};
    const specDefaults = Object.fromEntries(
      Object.entries(properties)
        .filter(([, property]) => isObject(property) && property.default !== undefined)
        .map(([name, property]) => [name, (property as { default: unknown }).default]),
    );
    expect(specDefaults).toEqual(defaultMfaSettings);
  });

  it('reads the defaults, replaces them part by part, and resets to them', async () => {
    const fresh = await session.call('GET', settings);
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({
      ...defaultMfaSettings,
      environment: { id: session.emulator.environmentId },
    });

    const replaced = await session.call('PUT', settings, {
      pairing: { maxAllowedDevices: 10, pairingKeyFormat: 'NUMERIC' },
    });
    expect(replaced.body).toMatchObject({
      pairing: { maxAllowedDevices: 10, pairingKeyFormat: 'NUMERIC' },
      lockout: defaultMfaSettings.lockout,
    });
    expect((await session.call('GET', settings)).body.pairing.maxAllowedDevices).toBe(10);
    const tooMany = await session.call('PUT', settings, {
      pairing: { maxAllowedDevices: 16, pairingKeyFormat: 'NUMERIC' },
    });
    expect(tooMany.body.details[0].target).toMatch(/maxAllowedDevices/);

    expect((await session.call('DELETE', settings)).status).toBe(204);
    expect((await session.call('GET', settings)).body).toMatchObject(defaultMfaSettings);
  });
});
