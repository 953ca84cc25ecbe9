import { BadRequestError, NotFoundError } from '@pingone-sdk/core';
import { type EmulatorSession, startEmulatorSession } from '@pingone-sdk/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDeviceAuthenticationPolicy,
  createFido2Policy,
  createFidoPolicy,
  type DeviceAuthenticationPolicyWritable,
  deleteDeviceAuthenticationPolicy,
  deleteFido2Policy,
  deleteFidoPolicy,
  type Fido2PolicyWritable,
  getDeviceAuthenticationPolicy,
  getFido2Policy,
  getFidoPolicy,
  listDeviceAuthenticationPolicies,
  listFido2Policies,
  listFidoPolicies,
  migrateDeviceAuthenticationPoliciesToFido2,
  replaceDeviceAuthenticationPolicy,
  replaceFido2Policy,
  replaceFidoPolicy,
} from '../src/index.js';

const otp = {
  lifeTime: { duration: 5, timeUnit: 'MINUTES' as const },
  failure: { count: 3, coolDown: { duration: 2, timeUnit: 'MINUTES' as const } },
};
const policy = (name: string): DeviceAuthenticationPolicyWritable => ({
  name,
  default: false,
  sms: { enabled: true, otp },
  voice: { enabled: false, otp },
  email: { enabled: true, otp },
  mobile: { enabled: false, otp: { failure: otp.failure } },
  totp: { enabled: true, otp: { failure: otp.failure } },
});
const passkeys: Fido2PolicyWritable = {
  name: 'Customer passkeys',
  attestationRequirements: 'NONE',
  authenticatorAttachment: 'BOTH',
  backupEligibility: { allow: true, enforceDuringAuthentication: false },
  deviceDisplayName: 'Passkey',
  discoverableCredentials: 'REQUIRED',
  mdsAuthenticatorsRequirements: { option: 'NONE', enforceDuringAuthentication: false },
  relyingPartyId: 'login.example.com',
  userDisplayNameAttributes: { attributes: [{ name: 'email' }, { name: 'username' }] },
  userVerification: { option: 'REQUIRED', enforceDuringAuthentication: true },
};

describe('MFA, FIDO2 and FIDO policies against the emulator', () => {
  let session: EmulatorSession;
  beforeAll(async () => {
    session = await startEmulatorSession();
  }, 60_000);
  afterAll(() => session.close());

  it('creates, reads, lists, replaces and deletes a device authentication policy', async () => {
    const client = session.client;
    const { data: created } = await createDeviceAuthenticationPolicy({ client, body: policy('Staff MFA') });
    expect(created).toMatchObject({ name: 'Staff MFA', default: false, sms: { enabled: true } });
    const path = { deviceAuthenticationPolicyId: created.id };
    expect((await getDeviceAuthenticationPolicy({ client, path })).data).toEqual(created);
    const { data: page } = await listDeviceAuthenticationPolicies({ client });
    expect(page._embedded.deviceAuthenticationPolicies.map((each) => each.name)).toContain('Staff MFA');
    const { data: replaced } = await replaceDeviceAuthenticationPolicy({
      client,
      path,
      body: { ...policy('Staff MFA'), authentication: { deviceSelection: 'PROMPT_TO_SELECT' } },
    });
    expect(replaced.authentication?.deviceSelection).toBe('PROMPT_TO_SELECT');
    const duplicate = await createDeviceAuthenticationPolicy({ client, body: policy('staff mfa') }).catch(
      (e) => e,
    );
    expect(duplicate).toBeInstanceOf(BadRequestError);
    expect(duplicate.details[0]).toMatchObject({ code: 'UNIQUENESS_VIOLATION', target: 'name' });
    await deleteDeviceAuthenticationPolicy({ client, path });
    await expect(getDeviceAuthenticationPolicy({ client, path })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps one default FIDO2 policy, embeds its users on expand, and migrates policies to it', async () => {
    const client = session.client;
    const { data: fido2 } = await createFido2Policy({ client, body: { ...passkeys, default: true } });
    const { data: second } = await createFido2Policy({ client, body: { ...passkeys, name: 'Keys only' } });
    const { data: mfa } = await createDeviceAuthenticationPolicy({ client, body: policy('Customers') });

    const { data: migrated } = await migrateDeviceAuthenticationPoliciesToFido2({
      client,
      body: { migrationData: [{ deviceAuthenticationPolicyId: mfa.id }] },
    });
    expect(migrated._embedded.deviceAuthenticationPolicies[0]?.fido2).toEqual({
      enabled: true,
      fido2PolicyId: fido2.id,
    });
    const { data: expanded } = await getFido2Policy({
      client,
      path: { fido2PolicyId: fido2.id },
      query: { expand: 'deviceAuthenticationPolicies' },
    });
    expect(expanded.deviceAuthenticationPolicies).toEqual([mfa.id]);
    expect(expanded._embedded?.deviceAuthenticationPolicies?.[0]?.name).toBe('Customers');

    const { data: replaced } = await replaceFido2Policy({
      client,
      path: { fido2PolicyId: second.id },
      body: { ...passkeys, name: 'Keys only', default: true, authenticatorAttachment: 'CROSS_PLATFORM' },
    });
    expect(replaced).toMatchObject({ default: true, authenticatorAttachment: 'CROSS_PLATFORM' });
    const { data: all } = await listFido2Policies({ client });
    expect(all._embedded.fido2Policies.filter((each) => each.default).map((each) => each.id)).toEqual([
      second.id,
    ]);
    const refused = await deleteFido2Policy({ client, path: { fido2PolicyId: second.id } }).catch((e) => e);
    expect(refused).toBeInstanceOf(BadRequestError);
    expect(refused.details[0]).toMatchObject({ code: 'CONSTRAINT_VIOLATION', target: 'default' });
    await deleteFido2Policy({ client, path: { fido2PolicyId: fido2.id } });
  });

  it('creates, reads, lists, replaces and deletes a legacy FIDO policy', async () => {
    const client = session.client;
    const body = {
      name: 'Security keys',
      attestationRequirements: 'AUDIT_ONLY',
      residentKeyRequirement: 'DISCOURAGED',
    } as const;
    const { data: created } = await createFidoPolicy({ client, body });
    expect(created).toMatchObject({ ...body, enforceDuringAuthentication: false });
    const path = { fidoPolicyId: created.id };
    expect((await getFidoPolicy({ client, path })).data.name).toBe('Security keys');
    expect((await listFidoPolicies({ client })).data._embedded.fidoPolicies).toHaveLength(1);
    const { data: replaced } = await replaceFidoPolicy({
      client,
      path,
      body: { ...body, attestationRequirements: 'CERTIFIED' },
    });
    expect(replaced.attestationRequirements).toBe('CERTIFIED');
    const invalid = await replaceFidoPolicy({
      client,
      path,
      // @ts-expect-error: an attestation requirement PingOne does not know
      body: { ...body, attestationRequirements: 'SOMETIMES' },
    }).catch((e) => e);
    expect(invalid).toBeInstanceOf(BadRequestError);
    expect(invalid.details[0].target).toBe('attestationRequirements');
    await deleteFidoPolicy({ client, path });
    await expect(getFidoPolicy({ client, path })).rejects.toBeInstanceOf(NotFoundError);
  });
});
