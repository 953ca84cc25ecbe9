import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';

const otp = {
  lifeTime: { duration: 5, timeUnit: 'MINUTES' },
  failure: { count: 3, coolDown: { duration: 2, timeUnit: 'MINUTES' } },
};
const passcodes = { failure: otp.failure };
const policy = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  default: false,
  sms: { enabled: true, otp },
  voice: { enabled: false, otp },
  email: { enabled: true, otp },
  mobile: { enabled: false, otp: passcodes },
  totp: { enabled: true, otp: passcodes },
  ...extra,
});
const fido2Policy = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  attestationRequirements: 'NONE',
  authenticatorAttachment: 'BOTH',
  backupEligibility: { allow: true, enforceDuringAuthentication: false },
  deviceDisplayName: 'Passkey',
  discoverableCredentials: 'PREFERRED',
  mdsAuthenticatorsRequirements: { option: 'NONE', enforceDuringAuthentication: false },
  relyingPartyId: 'login.example.com',
  userDisplayNameAttributes: { attributes: [{ name: 'username' }] },
  userVerification: { option: 'PREFERRED', enforceDuringAuthentication: false },
  ...extra,
});

describe('MFA policy behaviours', () => {
  let session: EmulatorSession;
  let policies: string;
  let fido2Policies: string;

  beforeAll(async () => {
    session = await startSession();
    policies = `${session.environmentUrl}/deviceAuthenticationPolicies`;
    fido2Policies = `${session.environmentUrl}/fido2Policies`;
  });
  afterAll(() => session.emulator.close());

  it("gives the environment PingOne's defaults: the Passkeys FIDO2 policy and a default MFA policy using it", async () => {
    const fido2 = (await session.call('GET', fido2Policies)).body._embedded.fido2Policies;
    expect(fido2.map((each: { name: string; default: boolean }) => [each.name, each.default])).toEqual([
      ['Passkeys', true],
    ]);
    const mfa = (await session.call('GET', policies)).body._embedded.deviceAuthenticationPolicies;
    expect(mfa).toHaveLength(1);
    expect(mfa[0]).toMatchObject({
      name: 'Default MFA Policy',
      default: true,
      fido2: { enabled: true, fido2PolicyId: fido2[0].id },
    });
  });

  it('keeps one default device authentication policy, which cannot be deleted or drop the flag', async () => {
    const first = (await session.call('POST', policies, policy('First', { default: true }))).body;
    const second = (await session.call('POST', policies, policy('Second', { default: true }))).body;
    expect((await session.call('GET', `${policies}/${first.id}`)).body.default).toBe(false);
    const refused = await session.call('DELETE', `${policies}/${second.id}`);
    expect(refused.body.details[0]).toMatchObject({ code: 'CONSTRAINT_VIOLATION', target: 'default' });
    const dropped = await session.call(
      'PUT',
      `${policies}/${second.id}`,
      policy('Second', { default: false }),
    );
    expect(dropped.body.details[0].code).toBe('CONSTRAINT_VIOLATION');
    expect((await session.call('POST', policies, policy('first'))).body.details[0].code).toBe(
      'UNIQUENESS_VIOLATION',
    );
    expect((await session.call('DELETE', `${policies}/${first.id}`)).status).toBe(204);
  });

  it('migrates policies to FIDO2 with the default FIDO2 policy, and a FIDO2 policy embeds its users', async () => {
    const passkeys = (
      await session.call('POST', fido2Policies, fido2Policy('Synced passkeys', { default: true }))
    ).body;
    const migrating = (await session.call('POST', policies, policy('Migrating'))).body;
    const migrate = {
      'content-type': 'application/vnd.pingidentity.deviceAuthenticationPolicy.fido2.migrate+json',
    };
    const answer = await session.call(
      'POST',
      policies,
      { migrationData: [{ deviceAuthenticationPolicyId: migrating.id }] },
      migrate,
    );
    expect(answer.status).toBe(200);
    expect(answer.body._embedded.deviceAuthenticationPolicies[0]).toMatchObject({
      id: migrating.id,
      fido2: { enabled: true, fido2PolicyId: passkeys.id },
    });
    const unknown = await session.call(
      'POST',
      policies,
      { migrationData: [{ deviceAuthenticationPolicyId: '00000000-0000-4000-8000-0000000000cc' }] },
      migrate,
    );
    expect(unknown.body.details[0].target).toBe('migrationData[0].deviceAuthenticationPolicyId');

    const plain = await session.call('GET', `${fido2Policies}/${passkeys.id}`);
    expect(plain.body.deviceAuthenticationPolicies).toEqual([migrating.id]);
    expect(plain.body._embedded).toBeUndefined();
    const expanded = await session.call(
      'GET',
      `${fido2Policies}/${passkeys.id}?expand=deviceAuthenticationPolicies`,
    );
    expect(
      expanded.body._embedded.deviceAuthenticationPolicies.map((each: { id: string }) => each.id),
    ).toEqual([migrating.id]);
    const dangling = await session.call(
      'POST',
      policies,
      policy('Dangling', { fido2: { enabled: true, fido2PolicyId: '00000000-0000-4000-8000-0000000000dd' } }),
    );
    expect(dangling.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'fido2.fido2PolicyId' });
  });

  it('never answers push credential secrets and keeps a credential’s type', async () => {
    const application = (
      await session.call('POST', `${session.environmentUrl}/applications`, {
        name: 'Authenticator',
        enabled: true,
        type: 'NATIVE_APP',
        protocol: 'OPENID_CONNECT',
        grantTypes: ['AUTHORIZATION_CODE'],
        responseTypes: ['CODE'],
        redirectUris: ['com.example.app://callback'],
        tokenEndpointAuthMethod: 'NONE',
      })
    ).body;
    expect(application.id).toEqual(expect.any(String));
    const credentials = `${session.environmentUrl}/applications/${application.id}/pushCredentials`;
    const created = await session.call('POST', credentials, {
      type: 'FCM_HTTP_V1',
      googleServiceAccountCredentials: '{"secret":1}',
    });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body).sort()).toEqual([
      '_links',
      'createdAt',
      'environment',
      'id',
      'type',
      'updatedAt',
    ]);
    const listed = await session.call('GET', credentials);
    expect(JSON.stringify(listed.body)).not.toContain('secret');
    const twice = await session.call('POST', credentials, {
      type: 'FCM_HTTP_V1',
      googleServiceAccountCredentials: '{}',
    });
    expect(twice.body.details[0]).toMatchObject({ code: 'UNIQUENESS_VIOLATION', target: 'type' });
    const retyped = await session.call('PUT', `${credentials}/${created.body.id}`, {
      type: 'HMS',
      clientId: 'a',
      clientSecret: 'b',
    });
    expect(retyped.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'type' });
  });
});
