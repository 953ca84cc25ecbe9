// Uploads and Accept-negotiated downloads are written by hand: they check their files before sending
// and answer text or bytes. These named exports take precedence over the generated ones of the same name.
export {
  type CertificateFileEncoding,
  detectCertificateEncoding,
  maximumCertificateFileSize,
} from './certificates/certificate-file.js';
export { type ImportCertificateOptions, importCertificate } from './certificates/import-certificate.js';
export { type ImportKeyOptions, importKey } from './certificates/import-key.js';
export {
  type ImportKeySigningResponseOptions,
  importKeySigningResponse,
} from './certificates/import-key-signing-response.js';
export {
  downloadKeyCertificate,
  downloadKeyCertificateChain,
  exportKeySigningRequest,
  exportKeySigningRequestDer,
  type KeyDownloadOptions,
} from './certificates/key-downloads.js';
export type { FileUploadSettings } from './certificates/send-file-form.js';
export { createManagementClient, type ManagementClientConfig } from './create-management-client.js';
export * from './generated/index.js';
