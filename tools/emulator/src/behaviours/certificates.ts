import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  privateDecrypt,
  publicEncrypt,
  randomInt,
  sign,
  verify,
  X509Certificate,
} from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { certificateBundle, pem, selfSignedCertificate, signingRequest } from './certificate-builder.js';
import { generic, requireItem } from './generic.js';

/**
 * Certificate management with real cryptography: a created key is a fresh key pair with a self-signed
 * certificate, downloadable as PEM or PKCS#7 and with a PKCS#10 signing request; a CA's answer must
 * certify the key's own public key; trusted certificates are parsed from their file; a key rotation
 * policy makes its current and next keys; and the key operations encrypt, decrypt, sign and verify.
 * PKCS#12 files cannot be opened with node:crypto, so an imported key records its usage only.
 */
export const certificateBehaviours: BehaviourFamily = {
  createKey: (context) => createKey(context, bodyOf(context)),
  importKey: (context) => {
    const body = bodyOf(context);
    if (!String(body.file ?? '').length) throw badValue('file', 'The PKCS#12 file is empty.');
    return generic.create(context, {
      name: 'Imported key',
      algorithm: 'UNKNOWN',
      keyLength: 0,
      signatureAlgorithm: 'SHA256withRSA',
      subjectDN: '',
      validityPeriod: 1,
      usageType: body.usageType,
      default: false,
      status: 'VALID',
    });
  },
  getKey: (context) => {
    const key = requireItem(context);
    const accept = String(context.headers.accept ?? '');
    const certificate = secretsOf(context, String(key.id)).certificate;
    if (accept.includes('application/x-x509-ca-cert') && certificate) {
      return file('application/x-x509-ca-cert', pem('CERTIFICATE', Buffer.from(certificate, 'base64')));
    }
    if (accept.includes('application/x-pkcs7-certificates') && certificate) {
      return file(
        'application/x-pkcs7-certificates',
        certificateBundle([Buffer.from(certificate, 'base64')]),
      );
    }
    return { status: 200, body: key };
  },
  // PUT takes only the changeable fields; the rest of the key stays.
  replaceKey: (context) => generic.update(context),
  exportKeySigningRequest: (context) => {
    const key = keyOf(context);
    const secrets = secretsOf(context, String(key.id));
    if (!secrets.privateKey) throw badValue('id', 'An imported key has no signing request in the emulator.');
    const request = signingRequest({
      privateKey: createPrivateKey(secrets.privateKey),
      publicKey: createPublicKey(secrets.privateKey),
      subjectDN: String(key.subjectDN),
      signatureAlgorithm: String(key.signatureAlgorithm),
    });
    return String(context.headers.accept ?? '').includes('application/pkcs10')
      ? file('application/pkcs10', request)
      : file('application/x-pem-file', pem('CERTIFICATE REQUEST', request));
  },
  importKeySigningResponse: (context) => {
    const key = keyOf(context);
    const secrets = secretsOf(context, String(key.id));
    const issued = parseCertificate(bodyOf(context).file);
    if (!secrets.privateKey || !issued.publicKey.equals(createPublicKey(secrets.privateKey))) {
      throw badValue('file', "The certificate does not certify this key's public key.");
    }
    secrets.certificate = issued.raw.toString('base64');
    const updated = { ...key, ...certificateFields(issued), updatedAt: new Date().toISOString() };
    context.store.putItem(keysKey(context), String(key.id), updated);
    return { status: context.operation.successStatus, body: updated };
  },
  deleteKey: (context) => {
    const key = requireItem(context);
    if (key.default === true)
      throw badValue('default', 'A default key cannot be deleted; make another key the default first.');
    return generic.delete(context);
  },
  importCertificate: (context) => {
    const body = bodyOf(context);
    const certificate = parseCertificate(body.file);
    const reply = generic.create(context, {
      ...certificateFields(certificate),
      name: commonName(certificate.subject),
      usageType: body.usageType,
    });
    context.store.privateData(`${context.location.key}/${String((reply.body as Resource).id)}`).publicKey =
      certificate.publicKey.export({ type: 'spki', format: 'pem' });
    return reply;
  },
  createKeyRotationPolicy: (context) => {
    const body = bodyOf(context);
    const keyBody = {
      algorithm: body.algorithm,
      keyLength: body.keyLength,
      signatureAlgorithm: body.signatureAlgorithm,
      subjectDN: body.dn,
      usageType: body.usageType,
      validityPeriod: body.validityPeriod ?? 365,
    };
    const current = createKey(
      context,
      { ...keyBody, name: `${String(body.name)} (current)` },
      keysKey(context),
    );
    const next = createKey(context, { ...keyBody, name: `${String(body.name)} (next)` }, keysKey(context));
    return generic.create(context, {
      rotationPeriod: 90,
      validityPeriod: 365,
      ...body,
      currentKeyId: (current.body as Resource).id,
      nextKeyId: (next.body as Resource).id,
      rotatedAt: new Date().toISOString(),
    });
  },
  encryptWithKey: (context) => {
    const body = bodyOf(context);
    const publicKey = publicKeyOf(context, body);
    const cipherText = publicEncrypt(publicKey, Buffer.from(String(body.plainText), 'base64')).toString(
      'base64',
    );
    return { status: 200, body: { ...body, cipherText } };
  },
  decryptWithKey: (context) => {
    const body = bodyOf(context);
    const privateKey = privateKeyOf(context, body);
    try {
      const plainText = privateDecrypt(privateKey, Buffer.from(String(body.cipherText), 'base64')).toString(
        'base64',
      );
      return { status: 200, body: { ...body, plainText } };
    } catch {
      throw badValue('cipherText', 'The data cannot be decrypted with this key.');
    }
  },
  signWithKey: (context) => {
    const body = bodyOf(context);
    const signature = sign(
      hashOf(body.algorithm),
      Buffer.from(String(body.plainText)),
      privateKeyOf(context, body),
    );
    return { status: 200, body: { ...body, signature: signature.toString('base64') } };
  },
  verifyWithKey: (context) => {
    const body = bodyOf(context);
    const valid = verify(
      hashOf(body.algorithm),
      Buffer.from(String(body.plainText)),
      publicKeyOf(context, body),
      Buffer.from(String(body.signature), 'base64'),
    );
    return { status: 200, body: { ...body, valid } };
  },
};

const curves: Record<number, string> = { 256: 'prime256v1', 384: 'secp384r1', 521: 'secp521r1' };

function createKey(context: BehaviourContext, body: Record<string, unknown>, collectionKey?: string): Reply {
  const keyLength = Number(body.keyLength);
  const pair =
    body.algorithm === 'EC'
      ? generateKeyPairSync('ec', { namedCurve: curves[keyLength] ?? 'prime256v1' })
      : generateKeyPairSync('rsa', { modulusLength: keyLength >= 1024 ? keyLength : 2048 });
  const startsAt = new Date();
  const expiresAt = new Date(startsAt.getTime() + Number(body.validityPeriod ?? 365) * 86_400_000);
  const serialNumber = randomInt(1, 2 ** 47);
  const certificate = selfSignedCertificate(
    { ...pair, subjectDN: String(body.subjectDN), signatureAlgorithm: String(body.signatureAlgorithm) },
    BigInt(serialNumber),
    startsAt,
    expiresAt,
  );
  const target = collectionKey
    ? { ...context, location: { ...context.location, key: collectionKey, collectionKey } }
    : context;
  const reply = generic.create(target, {
    default: false,
    ...body,
    issuerDN: body.subjectDN,
    serialNumber,
    status: 'VALID',
    startsAt: startsAt.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  const secrets = secretsOf(context, String((reply.body as Resource).id));
  secrets.privateKey = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  secrets.certificate = certificate.toString('base64');
  return reply;
}

/** The key of a `/keys/{keyId}/…` URL; its existence is already checked with the URL's ancestors. */
function keyOf(context: BehaviourContext): Resource {
  return context.store.getItem(keysKey(context), context.pathParameters.keyId ?? '') ?? {};
}

function bodyOf(context: BehaviourContext): Record<string, unknown> {
  return isObject(context.body) ? context.body : {};
}

function keysKey(context: BehaviourContext): string {
  return `/environments/${context.environmentId ?? ''}/keys`;
}

function secretsOf(context: BehaviourContext, keyId: string): Record<string, string | undefined> {
  return context.store.privateData(`${keysKey(context)}/${keyId}`) as Record<string, string | undefined>;
}

function badValue(target: string, message: string) {
  return invalidData([{ code: 'INVALID_VALUE', target, message }]);
}

function file(contentType: string, body: string | Buffer): Reply {
  return {
    status: 200,
    body: typeof body === 'string' ? body : new Uint8Array(body),
    headers: { 'Content-Type': contentType },
  };
}

/** A multipart `file` part (latin1 bytes) as a certificate, PEM or DER. */
function parseCertificate(part: unknown): X509Certificate {
  try {
    return new X509Certificate(Buffer.from(String(part ?? ''), 'latin1'));
  } catch {
    throw badValue('file', 'The file is not a PEM or DER encoded X.509 certificate.');
  }
}

function distinguishedName(text: string): string {
  return text.split('\n').filter(Boolean).join(', ');
}

function commonName(subject: string): string {
  return /(?:^|\n)CN=([^\n]*)/.exec(subject)?.[1] ?? distinguishedName(subject);
}

function certificateFields(certificate: X509Certificate): Record<string, unknown> {
  const key = certificate.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  const startsAt = new Date(certificate.validFrom);
  const expiresAt = new Date(certificate.validTo);
  const now = Date.now();
  return {
    algorithm: key.asymmetricKeyType === 'rsa' ? 'RSA' : key.asymmetricKeyType === 'ec' ? 'EC' : 'UNKNOWN',
    keyLength: details.modulusLength ?? Number(/\d+/.exec(details.namedCurve ?? '')?.[0] ?? 0),
    subjectDN: distinguishedName(certificate.subject),
    issuerDN: distinguishedName(certificate.issuer),
    serialNumber: Number(BigInt(`0x${certificate.serialNumber}`) % BigInt(Number.MAX_SAFE_INTEGER)),
    startsAt: startsAt.toISOString(),
    expiresAt: expiresAt.toISOString(),
    status: now < startsAt.getTime() ? 'NOT_YET_VALID' : now > expiresAt.getTime() ? 'EXPIRED' : 'VALID',
  };
}

function hashOf(algorithm: unknown): string {
  return `sha${/SHA(256|384|512)/.exec(String(algorithm))?.[1] ?? '256'}`;
}

function referenceId(body: Record<string, unknown>, attribute: string): string | undefined {
  const reference = body[attribute];
  return isObject(reference) && typeof reference.id === 'string' ? reference.id : undefined;
}

function privateKeyOf(context: BehaviourContext, body: Record<string, unknown>): KeyObject {
  const keyId = referenceId(body, 'key') ?? '';
  if (!context.store.getItem(keysKey(context), keyId))
    throw badValue('key.id', `No key with ID ${keyId} exists.`);
  const privateKey = secretsOf(context, keyId).privateKey;
  if (!privateKey) throw badValue('key.id', 'The key has no private key the emulator can use.');
  return createPrivateKey(privateKey);
}

function publicKeyOf(context: BehaviourContext, body: Record<string, unknown>): KeyObject {
  const certificateId = referenceId(body, 'certificate');
  if (certificateId !== undefined) {
    const key = `/environments/${context.environmentId ?? ''}/certificates/${certificateId}`;
    const publicKey = context.store.privateData(key).publicKey;
    if (typeof publicKey !== 'string')
      throw badValue('certificate.id', `No certificate with ID ${certificateId} exists.`);
    return createPublicKey(publicKey);
  }
  return createPublicKey(privateKeyOf(context, body));
}
