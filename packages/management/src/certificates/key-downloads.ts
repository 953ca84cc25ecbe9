import type { Client, RequestResult, RequestSettings } from '@pingone-sdk/core';

/** Options of the key downloads ({@link downloadKeyCertificate} and the others). */
export interface KeyDownloadOptions extends RequestSettings {
  /**
   * The client to send with: the one made by `createManagementClient`.
   * @example createManagementClient({ environmentId, token })
   */
  client: Client;
  /**
   * Path parameters: the key, and the environment (which falls back to the client's).
   * @example { keyId: '0f1e2d3c-4b5a-4697-8877-66554433a2b1' }
   */
  path: { keyId: string; environmentId?: string };
  /**
   * Extra request headers. `Accept` is always the one the function asks for.
   * @default {}
   * @example { 'X-Ping-External-Transaction-ID': 'deploy-42' }
   */
  headers?: Record<string, string | undefined>;
  /**
   * Cancels the download.
   * @default undefined
   * @example AbortSignal.timeout(10_000)
   */
  signal?: AbortSignal;
}

const keyUrl = '/environments/{environmentId}/keys/{keyId}';
const signingRequestUrl = '/environments/{environmentId}/keys/{keyId}/csr';

/** GETs `url` asking for `accept`; the core decodes JSON, text or (anything else) a Blob. */
async function download(
  options: KeyDownloadOptions,
  url: string,
  accept: string,
): Promise<RequestResult<unknown>> {
  const { client, path, headers, ...settings } = options;
  const others = Object.fromEntries(
    Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'accept'),
  );
  return client.get({ ...settings, url, path, headers: { ...others, Accept: accept } });
}

async function asText(result: RequestResult<unknown>): Promise<RequestResult<string>> {
  const { data, response } = result;
  return { data: data instanceof Blob ? await data.text() : String(data ?? ''), response };
}

async function asBytes(result: RequestResult<unknown>): Promise<RequestResult<Uint8Array<ArrayBuffer>>> {
  const { data, response } = result;
  if (data instanceof Blob) return { data: new Uint8Array(await data.arrayBuffer()), response };
  return { data: new TextEncoder().encode(String(data ?? '')), response };
}

/**
 * Downloads a key's certificate, PEM encoded (`Accept: application/x-x509-ca-cert` on the URL of
 * `getKey`), to hand to the parties that check what the key signs.
 *
 * @throws {PingOneError} when PingOne refuses (for example `NotFoundError` for an unknown key).
 * @example
 * import { downloadKeyCertificate } from '@pingone-sdk/management';
 *
 * const { data: pem } = await downloadKeyCertificate({ client, path: { keyId } });
 * // '-----BEGIN CERTIFICATE-----\n…'
 */
export async function downloadKeyCertificate(options: KeyDownloadOptions): Promise<RequestResult<string>> {
  return asText(await download(options, keyUrl, 'application/x-x509-ca-cert'));
}

/**
 * Downloads a key's certificate chain as PKCS#7 bytes (`Accept: application/x-pkcs7-certificates` on
 * the URL of `getKey`).
 *
 * @throws {PingOneError} when PingOne refuses (for example `NotFoundError` for an unknown key).
 * @example
 * import { writeFile } from 'node:fs/promises';
 * import { downloadKeyCertificateChain } from '@pingone-sdk/management';
 *
 * const { data: chain } = await downloadKeyCertificateChain({ client, path: { keyId } });
 * await writeFile('signing.p7b', chain);
 */
export async function downloadKeyCertificateChain(
  options: KeyDownloadOptions,
): Promise<RequestResult<Uint8Array<ArrayBuffer>>> {
  return asBytes(await download(options, keyUrl, 'application/x-pkcs7-certificates'));
}

/**
 * Exports a PKCS#10 certificate signing request for a key, PEM encoded (`Accept:
 * application/x-pem-file`), to send to a certificate authority; import its answer with
 * `importKeySigningResponse`.
 *
 * @throws {PingOneError} when PingOne refuses (for example `NotFoundError` for an unknown key).
 * @example
 * import { exportKeySigningRequest } from '@pingone-sdk/management';
 *
 * const { data: csr } = await exportKeySigningRequest({ client, path: { keyId } });
 * // '-----BEGIN CERTIFICATE REQUEST-----\n…'
 */
export async function exportKeySigningRequest(options: KeyDownloadOptions): Promise<RequestResult<string>> {
  return asText(await download(options, signingRequestUrl, 'application/x-pem-file'));
}

/**
 * Exports a key's PKCS#10 certificate signing request as DER bytes (`Accept: application/pkcs10`).
 *
 * @throws {PingOneError} when PingOne refuses (for example `NotFoundError` for an unknown key).
 * @example
 * import { writeFile } from 'node:fs/promises';
 * import { exportKeySigningRequestDer } from '@pingone-sdk/management';
 *
 * const { data: csr } = await exportKeySigningRequestDer({ client, path: { keyId } });
 * await writeFile('signing.csr', csr);
 */
export async function exportKeySigningRequestDer(
  options: KeyDownloadOptions,
): Promise<RequestResult<Uint8Array<ArrayBuffer>>> {
  return asBytes(await download(options, signingRequestUrl, 'application/pkcs10'));
}
