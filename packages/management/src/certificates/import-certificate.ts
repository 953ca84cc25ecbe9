import type { BinaryInput, RequestResult } from '@pingone-sdk/core';
import type { Certificate, KeyUsageType } from '../generated/types.gen.js';
import { checkCertificateFile } from './certificate-file.js';
import { checkUsageType } from './import-key.js';
import { type FileUploadSettings, sendFileForm } from './send-file-form.js';

/** Options of {@link importCertificate}. */
export interface ImportCertificateOptions extends FileUploadSettings {
  /**
   * The public certificate (or PKCS#7 chain), PEM or DER encoded, at most 1 MB. Its bytes are sent
   * unchanged.
   * @example await readFile('partner-idp.pem')
   */
  body: BinaryInput;
  /**
   * What PingOne trusts the certificate for.
   * @example 'SIGNING'
   */
  usageType: KeyUsageType;
  /**
   * Path parameters. `environmentId` falls back to the client's.
   * @default { environmentId: client.config.environmentId }
   * @example { environmentId: '5caa81af-ec05-41ff-a709-c7378007a99c' }
   */
  path?: { environmentId?: string };
}

/**
 * Imports a public certificate that the environment then trusts (`multipart/form-data`), and resolves
 * to the stored {@link Certificate} (PingOne answers 202).
 *
 * @throws {InvalidArgumentError} before sending: `body` when it is not an accepted kind of input,
 * empty, over 1 MB or neither PEM nor DER encoded; `usageType` when it is not a usage PingOne knows.
 * @throws {PingOneError} when PingOne refuses the file (for example `BadRequestError`).
 * @example
 * import { readFile } from 'node:fs/promises';
 * import { importCertificate } from '@pingone-sdk/management';
 *
 * const { data: certificate } = await importCertificate({ client, body: await readFile('idp.pem'), usageType: 'SIGNING' });
 * console.log(certificate.subjectDN);
 */
export async function importCertificate(
  options: ImportCertificateOptions,
): Promise<RequestResult<Certificate>> {
  const { body, usageType, path, ...settings } = options;
  const checkedUsage = checkUsageType(usageType);
  const file = await checkCertificateFile(body, 'a certificate file', ['PEM', 'DER'], settings.signal);
  return sendFileForm<Certificate>(
    settings,
    '/environments/{environmentId}/certificates',
    path ?? {},
    { file, usageType: checkedUsage },
    'certificate.pem',
  );
}
