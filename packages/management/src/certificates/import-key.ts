import { type BinaryInput, InvalidArgumentError, type RequestResult } from '@pingone-sdk/core';
import type { Key, KeyUsageType } from '../generated/types.gen.js';
import { checkCertificateFile } from './certificate-file.js';
import { type FileUploadSettings, sendFileForm } from './send-file-form.js';

const usageTypes: readonly KeyUsageType[] = ['ENCRYPTION', 'SIGNING', 'SSL/TLS', 'ISSUANCE', 'OUTBOUND_MTLS'];

/** Checks a `usageType` option, shared by the key and certificate uploads. */
export function checkUsageType(usageType: unknown): KeyUsageType {
  if (!usageTypes.includes(usageType as KeyUsageType)) {
    throw new InvalidArgumentError('usageType', `one of ${usageTypes.join(', ')}, got ${String(usageType)}`);
  }
  return usageType as KeyUsageType;
}

/** Options of {@link importKey}. */
export interface ImportKeyOptions extends FileUploadSettings {
  /**
   * The PKCS#12 file (`.p12` or `.pfx`) holding the key pair and its certificate chain, DER encoded,
   * at most 1 MB. Its bytes are sent unchanged.
   * @example await readFile('signing.p12')
   */
  body: BinaryInput;
  /**
   * What the key is for.
   * @example 'SIGNING'
   */
  usageType: KeyUsageType;
  /**
   * The password the file is protected with.
   * @default undefined (a file without a password)
   * @example process.env.P12_PASSWORD
   */
  password?: string;
  /**
   * Path parameters. `environmentId` falls back to the client's.
   * @default { environmentId: client.config.environmentId }
   * @example { environmentId: '5caa81af-ec05-41ff-a709-c7378007a99c' }
   */
  path?: { environmentId?: string };
}

/**
 * Imports a key pair with its certificate chain from a PKCS#12 file (`multipart/form-data` on the URL
 * of `createKey`), and resolves to the stored {@link Key}.
 *
 * @throws {InvalidArgumentError} before sending: `body` when it is not an accepted kind of input,
 * empty, over 1 MB or not DER encoded; `usageType` when it is not a usage PingOne knows; `password`
 * when it is not a string.
 * @throws {PingOneError} when PingOne refuses the file (for example `BadRequestError` for a wrong password).
 * @example
 * import { readFile } from 'node:fs/promises';
 * import { importKey } from '@pingone-sdk/management';
 *
 * const { data: key } = await importKey({ client, body: await readFile('signing.p12'), usageType: 'SIGNING', password });
 * console.log(key.subjectDN, key.expiresAt);
 */
export async function importKey(options: ImportKeyOptions): Promise<RequestResult<Key>> {
  const { body, usageType, password, path, ...settings } = options;
  const checkedUsage = checkUsageType(usageType);
  if (password !== undefined && typeof password !== 'string') {
    throw new InvalidArgumentError('password', `a string, got ${typeof password}`);
  }
  const file = await checkCertificateFile(body, 'a PKCS#12 file', ['DER'], settings.signal);
  return sendFileForm<Key>(
    settings,
    '/environments/{environmentId}/keys',
    path ?? {},
    { file, usageType: checkedUsage, password },
    'key.p12',
  );
}
