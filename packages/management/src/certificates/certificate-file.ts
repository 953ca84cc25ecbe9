import { type BinaryInput, InvalidArgumentError } from '@pingone-sdk/core';
import { checkBinaryInput } from '@pingone-sdk/core/internal';

/**
 * The largest key or certificate file these functions send. PingOne publishes no limit; real files are
 * a few kilobytes, so anything past 1 MB is a wrong file, refused before it is uploaded.
 */
export const maximumCertificateFileSize = 1_048_576;

/** How a file of keys or certificates may be encoded. */
export type CertificateFileEncoding = 'PEM' | 'DER';

const pemStart = new TextEncoder().encode('-----BEGIN ');
const asn1Sequence = 0x30;

/** The encoding of a file by its first bytes (after a UTF-8 byte order mark or blank lines), if any. */
export function detectCertificateEncoding(head: Uint8Array): CertificateFileEncoding | undefined {
  let start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (start < head.length && (head[start] === 0x0a || head[start] === 0x0d || head[start] === 0x20))
    start++;
  if (head[start] === asn1Sequence) return 'DER';
  return pemStart.every((byte, index) => head[start + index] === byte) ? 'PEM' : undefined;
}

/**
 * Checks a key or certificate file before it is uploaded: an accepted input kind, not empty, at most
 * 1 MB, and encoded as `accepted` says by its own first bytes. Resolves to a Blob for the form's `file`
 * part (the caller's own Blob when it gave one).
 *
 * @throws {InvalidArgumentError} `body`, naming what was wrong.
 */
export async function checkCertificateFile(
  input: BinaryInput,
  what: string,
  accepted: readonly CertificateFileEncoding[],
  signal?: AbortSignal,
): Promise<Blob> {
  const checked = await checkBinaryInput(
    input,
    { maximumSize: maximumCertificateFileSize, headLength: 64, what },
    signal,
  );
  const encoding = detectCertificateEncoding(checked.head);
  if (encoding === undefined || !accepted.includes(encoding)) {
    throw new InvalidArgumentError(
      'body',
      `${what}, ${accepted.join(' or ')} encoded; its first bytes are ${encoding === undefined ? 'neither' : encoding}`,
    );
  }
  if (checked.body instanceof Blob) return checked.body;
  return new Blob([checked.body as Uint8Array<ArrayBuffer> | ArrayBuffer]);
}
