import { type KeyObject, sign } from 'node:crypto';

/**
 * Just enough DER to issue what a PingOne key answers with: a self-signed X.509 v3 certificate, a
 * PKCS#10 signing request and a certificates-only PKCS#7 bundle, signed with node:crypto. Node parses
 * certificates (`X509Certificate`) but cannot write them, hence this.
 */
function encode(tag: number, content: Uint8Array): Buffer {
  const length = content.length;
  let header: number[];
  if (length < 0x80) header = [tag, length];
  else {
    const bytes: number[] = [];
    for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
    header = [tag, 0x80 | bytes.length, ...bytes];
  }
  return Buffer.concat([Buffer.from(header), content]);
}

const sequence = (...parts: Uint8Array[]) => encode(0x30, Buffer.concat(parts));
const set = (...parts: Uint8Array[]) => encode(0x31, Buffer.concat(parts));
const explicit = (index: number, content: Uint8Array) => encode(0xa0 + index, content);
const nullValue = Buffer.from([0x05, 0x00]);

function integer(value: bigint): Buffer {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let bytes = Buffer.from(hex, 'hex');
  if ((bytes[0] ?? 0) & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return encode(0x02, bytes);
}

function objectIdentifier(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const chunk: number[] = [arc & 0x7f];
    for (let value = arc >> 7; value > 0; value >>= 7) chunk.unshift(0x80 | (value & 0x7f));
    bytes.push(...chunk);
  }
  return encode(0x06, Buffer.from(bytes));
}

/** `2026-12-01T00:00:00Z` → UTCTime `261201000000Z` (valid until 2049, as X.509 requires). */
function time(date: Date): Buffer {
  const text = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return date.getUTCFullYear() < 2050
    ? encode(0x17, Buffer.from(`${text.slice(2)}Z`))
    : encode(0x18, Buffer.from(`${text}Z`));
}

const attributeTypes: Record<string, string> = {
  CN: '2.5.4.3',
  C: '2.5.4.6',
  L: '2.5.4.7',
  ST: '2.5.4.8',
  O: '2.5.4.10',
  OU: '2.5.4.11',
};

/** `CN=Signing, O=Example, C=US` as an X.501 Name; unknown attribute types are left out. */
function name(distinguishedName: string): Buffer {
  const relative = distinguishedName
    .split(',')
    .map((part) => part.trim().split('='))
    .filter(
      ([type, value]) => type !== undefined && value !== undefined && attributeTypes[type.toUpperCase()],
    )
    .map(([type = '', value = '']) => {
      const stringTag = type.toUpperCase() === 'C' ? 0x13 : 0x0c;
      return set(
        sequence(
          objectIdentifier(attributeTypes[type.toUpperCase()] ?? ''),
          encode(stringTag, Buffer.from(value)),
        ),
      );
    });
  return sequence(...relative);
}

const signatureAlgorithms: Record<string, { oid: string; hash: string; withNull: boolean }> = {
  SHA256withRSA: { oid: '1.2.840.113549.1.1.11', hash: 'sha256', withNull: true },
  SHA384withRSA: { oid: '1.2.840.113549.1.1.12', hash: 'sha384', withNull: true },
  SHA512withRSA: { oid: '1.2.840.113549.1.1.13', hash: 'sha512', withNull: true },
  SHA256withECDSA: { oid: '1.2.840.10045.4.3.2', hash: 'sha256', withNull: false },
  SHA384withECDSA: { oid: '1.2.840.10045.4.3.3', hash: 'sha384', withNull: false },
  SHA512withECDSA: { oid: '1.2.840.10045.4.3.4', hash: 'sha512', withNull: false },
};

/** The key pair and names a certificate or request is made from. */
export interface CertificateSubject {
  publicKey: KeyObject;
  privateKey: KeyObject;
  subjectDN: string;
  signatureAlgorithm: string;
}

function signed(body: Buffer, subject: CertificateSubject): Buffer {
  const algorithm =
    signatureAlgorithms[subject.signatureAlgorithm] ?? (signatureAlgorithms.SHA256withRSA as never);
  const signature = sign(algorithm.hash, body, subject.privateKey);
  return sequence(
    body,
    algorithmIdentifier(subject.signatureAlgorithm),
    encode(0x03, Buffer.concat([Buffer.from([0]), signature])),
  );
}

function algorithmIdentifier(signatureAlgorithm: string): Buffer {
  const algorithm = signatureAlgorithms[signatureAlgorithm] ?? (signatureAlgorithms.SHA256withRSA as never);
  return algorithm.withNull
    ? sequence(objectIdentifier(algorithm.oid), nullValue)
    : sequence(objectIdentifier(algorithm.oid));
}

/** A self-signed X.509 v3 certificate, DER encoded. */
export function selfSignedCertificate(
  subject: CertificateSubject,
  serialNumber: bigint,
  startsAt: Date,
  expiresAt: Date,
): Buffer {
  const spki = subject.publicKey.export({ type: 'spki', format: 'der' });
  const owner = name(subject.subjectDN);
  const tbs = sequence(
    explicit(0, integer(2n)),
    integer(serialNumber),
    algorithmIdentifier(subject.signatureAlgorithm),
    owner,
    sequence(time(startsAt), time(expiresAt)),
    owner,
    spki,
  );
  return signed(tbs, subject);
}

/** A PKCS#10 certificate signing request, DER encoded. */
export function signingRequest(subject: CertificateSubject): Buffer {
  const spki = subject.publicKey.export({ type: 'spki', format: 'der' });
  const info = sequence(integer(0n), name(subject.subjectDN), spki, encode(0xa0, Buffer.alloc(0)));
  return signed(info, subject);
}

/** A certificates-only PKCS#7 SignedData bundle, DER encoded. */
export function certificateBundle(certificates: readonly Buffer[]): Buffer {
  const signedData = sequence(
    integer(1n),
    set(),
    sequence(objectIdentifier('1.2.840.113549.1.7.1')),
    encode(0xa0, Buffer.concat(certificates)),
    set(),
  );
  return sequence(objectIdentifier('1.2.840.113549.1.7.2'), explicit(0, signedData));
}

/** DER bytes as a PEM block of `label`. */
export function pem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
