import type { BinaryInput, RequestResult } from '@pingone-sdk/core';
import type { Key } from '../generated/types.gen.js';
import { checkCertificateFile } from './certificate-file.js';
import { type FileUploadSettings, sendFileForm } from './send-file-form.js';

/** Options of {@link importKeySigningResponse}. */
export interface ImportKeySigningResponseOptions extends FileUploadSettings {
  /**
   * The certificate (or PKCS#7 chain) a certificate authority issued for the key's signing request,
   * PEM or DER encoded, at most 1 MB.
   * @example await readFile('signing-issued.pem')
   */
  body: BinaryInput;
  /**
   * Path parameters: the key, and the environment (which falls back to the client's).
   * @example { keyId: '0f1e2d3c-4b5a-4697-8877-66554433a2b1' }
   */
  path: { keyId: string; environmentId?: string };
}

/**
 * Replaces a key's self-signed certificate with the one a certificate authority issued for its
 * signing request (`multipart/form-data`), and resolves to the updated {@link Key}.
 *
 * @throws {InvalidArgumentError} before sending: `body` when it is not an accepted kind of input,
 * empty, over 1 MB or neither PEM nor DER encoded; `path.keyId` when it is missing.
 * @throws {PingOneError} when PingOne refuses the certificate (for example one for another key).
 * @example
 * import { readFile } from 'node:fs/promises';
 * import { importKeySigningResponse } from '@pingone-sdk/management';
 *
 * const { data: key } = await importKeySigningResponse({ client, path: { keyId }, body: await readFile('issued.pem') });
 * console.log(key.issuerDN);
 */
export async function importKeySigningResponse(
  options: ImportKeySigningResponseOptions,
): Promise<RequestResult<Key>> {
  const { body, path, ...settings } = options;
  const file = await checkCertificateFile(body, 'a certificate file', ['PEM', 'DER'], settings.signal);
  return sendFileForm<Key>(
    settings,
    '/environments/{environmentId}/keys/{keyId}/csr',
    path,
    { file },
    'certificate.pem',
  );
}
