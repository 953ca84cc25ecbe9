import { BadRequestError, NotFoundError } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCustomDomain,
  deleteCustomDomain,
  getCustomDomain,
  importCustomDomainCertificate,
  listCustomDomains,
  verifyCustomDomain,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

/** Ids are read-only, so optional in the types; the emulator always answers them. */
const id = (resource: { id?: string }): string => resource.id ?? '';

/** A self-signed test certificate for auth.example.com (valid until 2036) and its throwaway key. */
const certificate = `-----BEGIN CERTIFICATE-----
MIIBizCCATGgAwIBAgIUZXftdQEU4ezDU6bNyb3Ckbfs4UQwCgYIKoZIzj0EAwIw
GzEZMBcGA1UEAwwQYXV0aC5leGFtcGxlLmNvbTAeFw0yNjEyMDExOTM2NDVaFw0z
NjExMjgxOTM2NDVaMBsxGTAXBgNVBAMMEGF1dGguZXhhbXBsZS5jb20wWTATBgcq
hkjOPQIBBggqhkjOPQMBBwNCAASkK9VkgRiBVlYmpnTb9ose3DRZNwJH0y35ckxo
nugeQYWQjI+C2THv28dEnr7+g/dGdhAsDPxwbmtiUQGjBCG0o1MwUTAdBgNVHQ4E
FgQUW7xb7GHHzh1CxTzH7Vewbq0lOKIwHwYDVR0jBBgwFoAUW7xb7GHHzh1CxTzH
7Vewbq0lOKIwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiBHKPc1
7JPfZg3oWiMvWkF70VTe92fGEBRVxl2UqvzEGQIhALE+ExaccBq2VK1/gWL7IDgz
eSH4qbw0PKGqrig6/IdM
-----END CERTIFICATE-----`;
const privateKey = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgff7kSXaUAen2wmp7
dVscTUgoAPmq8xfJahsX/w1kccKhRANCAASkK9VkgRiBVlYmpnTb9ose3DRZNwJH
0y35ckxonugeQYWQjI+C2THv28dEnr7+g/dGdhAsDPxwbmtiUQGjBCG0
-----END PRIVATE KEY-----`;

describe('custom domains against the emulator', () => {
  let session: EmulatorSession;

  beforeAll(async () => {
    session = await startEmulatorSession();
  }, 60_000);
  afterAll(() => session.close());

  it('takes a domain from creation through verification and certificate to active', async () => {
    const client = session.client;
    const { data: created } = await createCustomDomain({ client, body: { domainName: 'auth.example.com' } });
    expect(created).toMatchObject({ domainName: 'auth.example.com', status: 'VERIFICATION_REQUIRED' });
    expect(created.canonicalName).toEqual(expect.any(String));
    const path = { customDomainId: id(created) };

    await expect(
      importCustomDomainCertificate({ client, path, body: { certificate, privateKey } }),
    ).rejects.toMatchObject({ status: 400, details: [{ target: 'status' }] });

    const { data: verified } = await verifyCustomDomain({ client, path });
    expect(verified.status).toBe('SSL_CERTIFICATE_REQUIRED');

    const { data: active } = await importCustomDomainCertificate({
      client,
      path,
      body: { certificate, privateKey },
    });
    expect(active.status).toBe('ACTIVE');
    expect(new Date(active.certificate?.expiresAt ?? '').getUTCFullYear()).toBeGreaterThanOrEqual(2036);
    expect(active).not.toHaveProperty('privateKey');

    const { data: page } = await listCustomDomains({ client });
    expect(page._embedded.customDomains.map(id)).toContain(id(created));
    await deleteCustomDomain({ client, path });
    await expect(getCustomDomain({ client, path })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps a domain whose DNS does not verify, and refuses a certificate for another name', async () => {
    const client = session.client;
    const { data: unresolvable } = await createCustomDomain({
      client,
      body: { domainName: 'login.example.invalid' },
    });
    const unresolvablePath = { customDomainId: id(unresolvable) };
    await expect(verifyCustomDomain({ client, path: unresolvablePath })).rejects.toBeInstanceOf(
      BadRequestError,
    );
    const { data: still } = await getCustomDomain({ client, path: unresolvablePath });
    expect(still.status).toBe('VERIFICATION_REQUIRED');

    const { data: other } = await createCustomDomain({ client, body: { domainName: 'sso.example.org' } });
    const otherPath = { customDomainId: id(other) };
    await verifyCustomDomain({ client, path: otherPath });
    await expect(
      importCustomDomainCertificate({ client, path: otherPath, body: { certificate, privateKey } }),
    ).rejects.toMatchObject({ status: 400, details: [{ target: 'certificate' }] });
  });
});
