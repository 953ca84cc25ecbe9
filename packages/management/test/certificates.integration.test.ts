import { X509Certificate } from 'node:crypto';
import { BadRequestError, InvalidArgumentError, NotFoundError } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createKey,
  createKeyRotationPolicy,
  decryptWithKey,
  deleteCertificate,
  deleteKey,
  deleteKeyRotationPolicy,
  downloadKeyCertificate,
  downloadKeyCertificateChain,
  encryptWithKey,
  exportKeySigningRequest,
  exportKeySigningRequestDer,
  getCertificate,
  getKey,
  getKeyRotationPolicy,
  importCertificate,
  importKey,
  importKeySigningResponse,
  listCertificateApplications,
  listCertificates,
  listKeyApplications,
  listKeyRotationPolicies,
  listKeys,
  replaceKey,
  replaceKeyRotationPolicy,
  signWithKey,
  verifyWithKey,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

/** Ids are read-only, so optional in the types; the emulator always answers them. */
const id = (resource: { id?: string }): string => resource.id ?? '';

const signingKey = {
  name: 'Token signing',
  algorithm: 'RSA',
  keyLength: 2048,
  signatureAlgorithm: 'SHA256withRSA',
  subjectDN: 'CN=Token signing, O=Example, C=US',
  usageType: 'SIGNING',
  validityPeriod: 365,
} as const;

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes.subarray(0, 10));
      controller.enqueue(bytes.subarray(10));
      controller.close();
    },
  });
}

describe('certificates and keys against the emulator', () => {
  let session: EmulatorSession;

  beforeAll(async () => {
    session = await startEmulatorSession();
  }, 60_000);
  afterAll(() => session.close());

  it('creates a key and downloads its certificate as PEM and PKCS#7, and its signing request', async () => {
    const client = session.client;
    const { data: key } = await createKey({ client, body: signingKey });
    expect(key).toMatchObject({
      subjectDN: signingKey.subjectDN,
      issuerDN: signingKey.subjectDN,
      status: 'VALID',
    });
    const keyId = id(key);

    const { data: pem } = await downloadKeyCertificate({ client, path: { keyId } });
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    const certificate = new X509Certificate(pem);
    expect(certificate.subject).toBe('CN=Token signing\nO=Example\nC=US');
    expect(certificate.checkIssued(certificate)).toBe(true);
    expect(certificate.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);

    const { data: chain } = await downloadKeyCertificateChain({ client, path: { keyId } });
    expect(chain).toBeInstanceOf(Uint8Array);
    expect(chain[0]).toBe(0x30);
    // The bundle carries the certificate's own DER bytes.
    expect(Buffer.from(chain).includes(certificate.raw)).toBe(true);

    const { data: request } = await exportKeySigningRequest({ client, path: { keyId } });
    expect(request).toMatch(
      /^-----BEGIN CERTIFICATE REQUEST-----\n[\s\S]+-----END CERTIFICATE REQUEST-----\n$/,
    );
    const { data: requestDer } = await exportKeySigningRequestDer({ client, path: { keyId } });
    expect(requestDer[0]).toBe(0x30);
    expect(requestDer.byteLength).toBeGreaterThan(200);

    // JSON stays the default answer of the same URL.
    expect((await getKey({ client, path: { keyId } })).data.name).toBe('Token signing');
    await expect(
      downloadKeyCertificate({ client, path: { keyId: '00000000-0000-4000-8000-000000000000' } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists, replaces and deletes keys; a default key stays', async () => {
    const client = session.client;
    const { data: key } = await createKey({
      client,
      body: {
        ...signingKey,
        name: 'Encryption',
        usageType: 'ENCRYPTION',
        algorithm: 'EC',
        keyLength: 256,
        signatureAlgorithm: 'SHA256withECDSA',
      },
    });
    const keyId = id(key);
    const { data: keys } = await listKeys({ client });
    expect(keys._embedded.keys.map((item) => item.name)).toContain('Encryption');
    const { data: applications } = await listKeyApplications({ client, path: { keyId } });
    expect(applications._embedded.applications).toEqual([]);

    const { data: replaced } = await replaceKey({
      client,
      path: { keyId },
      body: { default: true, usageType: 'ENCRYPTION' },
    });
    expect(replaced.default).toBe(true);
    await expect(deleteKey({ client, path: { keyId } })).rejects.toBeInstanceOf(BadRequestError);
    await replaceKey({ client, path: { keyId }, body: { default: false, usageType: 'ENCRYPTION' } });
    await deleteKey({ client, path: { keyId } });
    await expect(getKey({ client, path: { keyId } })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('imports a trusted certificate from PEM bytes or a stream, and a CA answer for the key it certifies', async () => {
    const client = session.client;
    const { data: key } = await createKey({
      client,
      body: { ...signingKey, name: 'Partner signing', subjectDN: 'CN=idp.partner.example, O=Partner' },
    });
    const { data: pem } = await downloadKeyCertificate({ client, path: { keyId: id(key) } });
    const bytes = new TextEncoder().encode(pem);

    const { data: trusted, response } = await importCertificate({
      client,
      body: bytes,
      usageType: 'SIGNING',
    });
    expect(response.status).toBe(202);
    expect(trusted).toMatchObject({
      name: 'idp.partner.example',
      subjectDN: 'CN=idp.partner.example, O=Partner',
      algorithm: 'RSA',
      keyLength: 2048,
    });
    const certificateId = id(trusted);
    const { data: fromStream } = await importCertificate({
      client,
      body: streamOf(bytes),
      usageType: 'SIGNING',
    });
    expect(fromStream.subjectDN).toBe(trusted.subjectDN);
    expect((await getCertificate({ client, path: { certificateId } })).data.serialNumber).toBe(
      trusted.serialNumber,
    );
    const { data: certificates } = await listCertificates({ client });
    expect(certificates._embedded.certificates).toHaveLength(2);
    expect(
      (await listCertificateApplications({ client, path: { certificateId } })).data._embedded.applications,
    ).toEqual([]);

    // A CA answer must certify the key's own public key.
    const { data: updated } = await importKeySigningResponse({
      client,
      path: { keyId: id(key) },
      body: new Blob([pem]),
    });
    expect(updated.issuerDN).toBe('CN=idp.partner.example, O=Partner');
    const { data: other } = await createKey({ client, body: { ...signingKey, name: 'Other' } });
    await expect(
      importKeySigningResponse({ client, path: { keyId: id(other) }, body: bytes }),
    ).rejects.toBeInstanceOf(BadRequestError);

    await deleteCertificate({ client, path: { certificateId } });
    await expect(getCertificate({ client, path: { certificateId } })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('checks key and certificate files before sending anything', async () => {
    const client = session.client;
    const before = (await listKeys({ client })).data._embedded.keys.length;
    const refusal = (promise: Promise<unknown>) =>
      promise.catch((error: unknown) => error as InvalidArgumentError);

    const empty = await refusal(importKey({ client, body: new Uint8Array(0), usageType: 'SIGNING' }));
    expect(empty).toBeInstanceOf(InvalidArgumentError);
    expect(empty).toMatchObject({ parameter: 'body' });
    const pemAsPkcs12 = await refusal(
      importKey({
        client,
        body: new TextEncoder().encode('-----BEGIN CERTIFICATE-----\n'),
        usageType: 'SIGNING',
      }),
    );
    expect(pemAsPkcs12).toMatchObject({ parameter: 'body' });
    expect((pemAsPkcs12 as Error).message).toMatch(/DER encoded; its first bytes are PEM/);
    const tooLarge = await refusal(
      importCertificate({ client, body: new Uint8Array(1_048_577).fill(0x30), usageType: 'SIGNING' }),
    );
    expect((tooLarge as Error).message).toMatch(/at most 1048576 bytes/);
    const notAFile = await refusal(
      importCertificate({ client, body: 'pem text' as never, usageType: 'SIGNING' }),
    );
    expect(notAFile).toMatchObject({ parameter: 'body' });
    const badUsage = await refusal(
      importCertificate({ client, body: new Uint8Array([0x30]), usageType: 'EVERYTHING' as never }),
    );
    expect(badUsage).toMatchObject({ parameter: 'usageType' });
    expect((await listKeys({ client })).data._embedded.keys).toHaveLength(before);

    // A DER file is sent as a multipart form with its usage type.
    const { data: imported } = await importKey({
      client,
      body: new Uint8Array([0x30, 0x82, 0x01, 0x00, 0x02, 0x01, 0x03]),
      usageType: 'SSL/TLS',
      password: 'example-password',
    });
    expect(imported.usageType).toBe('SSL/TLS');
  });

  it('rotates signing keys by policy', async () => {
    const client = session.client;
    const { data: policy } = await createKeyRotationPolicy({
      client,
      body: {
        name: 'Token rotation',
        algorithm: 'RSA',
        keyLength: 2048,
        signatureAlgorithm: 'SHA256withRSA',
        usageType: 'SIGNING',
        dn: 'CN=Token rotation, O=Example',
      },
    });
    expect(policy.rotationPeriod).toBe(90);
    expect(policy.currentKeyId).not.toBe(policy.nextKeyId);
    const keyRotationPolicyId = id(policy);
    const { data: current } = await getKey({ client, path: { keyId: policy.currentKeyId ?? '' } });
    const { data: next } = await getKey({ client, path: { keyId: policy.nextKeyId ?? '' } });
    expect([current.subjectDN, next.subjectDN]).toEqual([
      'CN=Token rotation, O=Example',
      'CN=Token rotation, O=Example',
    ]);

    const { data: replaced } = await replaceKeyRotationPolicy({
      client,
      path: { keyRotationPolicyId },
      body: { ...policy, rotationPeriod: 60 },
    });
    expect(replaced.rotationPeriod).toBe(60);
    expect((await getKeyRotationPolicy({ client, path: { keyRotationPolicyId } })).data.rotationPeriod).toBe(
      60,
    );
    expect((await listKeyRotationPolicies({ client })).data._embedded.keyRotationPolicies).toHaveLength(1);
    await deleteKeyRotationPolicy({ client, path: { keyRotationPolicyId } });
    await expect(getKeyRotationPolicy({ client, path: { keyRotationPolicyId } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('encrypts, decrypts, signs and verifies with stored keys', async () => {
    const client = session.client;
    const { data: key } = await createKey({ client, body: { ...signingKey, name: 'Operations' } });
    const reference = { id: id(key) };
    const plainText = Buffer.from('Hello, world!').toString('base64');

    const { data: encrypted } = await encryptWithKey({ client, body: { key: reference, plainText } });
    expect(encrypted.cipherText).not.toBe(plainText);
    const { data: decrypted } = await decryptWithKey({
      client,
      body: { key: reference, cipherText: encrypted.cipherText ?? '' },
    });
    expect(decrypted.plainText).toBe(plainText);

    const { data: signed } = await signWithKey({
      client,
      body: { key: reference, algorithm: 'SHA256withRSA', plainText: 'order 1234 approved' },
    });
    const signature = signed.signature ?? '';
    const check = (text: string) =>
      verifyWithKey({
        client,
        body: { key: reference, algorithm: 'SHA256withRSA', plainText: text, signature },
      });
    expect((await check('order 1234 approved')).data.valid).toBe(true);
    expect((await check('order 1234 rejected')).data.valid).toBe(false);

    await expect(
      signWithKey({
        client,
        body: {
          key: { id: '00000000-0000-4000-8000-000000000000' },
          algorithm: 'SHA256withRSA',
          plainText: 'x',
        },
      }),
    ).rejects.toBeInstanceOf(BadRequestError);
  });
});
