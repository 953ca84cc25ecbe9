import type { Client, RequestResult, RequestSettings } from '@pingone-sdk/core';
import { attachmentDisposition } from './attachment-disposition.js';
import { createImage } from './generated/sdk.gen.js';
import type { Image, ImageFile } from './generated/types.gen.js';
import type { ImageInput } from './image-input.js';
import { prepareImageBody } from './internal/prepare-image-body.js';

const settledHeaders = new Set(['content-type', 'content-disposition']);

/** The caller's headers without the two this function settles, whatever their spelling. */
function otherHeaders(
  headers: Record<string, string | undefined> | undefined,
): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  if (headers) {
    for (const [name, value] of Object.entries(headers))
      if (!settledHeaders.has(name.toLowerCase())) result[name] = value;
  }
  return result;
}

/** Options of {@link uploadImage}. */
export interface UploadImageOptions extends RequestSettings {
  /**
   * The client to send with: the one made by `createManagementClient` (images live on the management host).
   * @example createManagementClient({ environmentId, token })
   */
  client: Client;
  /**
   * The image file: PNG, JPEG or GIF, at most 2 MB. Its bytes are sent unchanged. A stream is read into
   * memory first (at most 2 MB of it) so that an oversized one is refused before anything is sent.
   * @example await readFile('logo.png')
   * @example fileInput.files[0]
   * @example (await fetch('https://example.com/logo.png')).body
   */
  body: ImageInput;
  /**
   * The file name PingOne records, sent in `Content-Disposition`. Only the last path segment is used;
   * names outside ASCII are sent as RFC 6266 `filename*`.
   * @default the File's own `name`, else `image.png`, `image.jpg` or `image.gif` after the detected format
   * @example 'logo.png'
   */
  filename?: string;
  /**
   * The media type to send: `image/png`, `image/jpeg` (or `image/jpg`) or `image/gif`. It must match the
   * file's bytes.
   * @default the Blob's own type when it has one, else the type detected from the file's first bytes
   * @example 'image/png'
   */
  contentType?: string;
  /**
   * Path parameters. `environmentId` falls back to the client's.
   * @default { environmentId: client.config.environmentId }
   * @example { environmentId: '5caa81af-ec05-41ff-a709-c7378007a99c' }
   */
  path?: { environmentId?: string };
  /**
   * Extra request headers, such as `X-Ping-External-Transaction-ID`. `Content-Type` and
   * `Content-Disposition` are always the ones this function settles.
   * @default {}
   * @example { 'X-Ping-External-Transaction-ID': 'deploy-42' }
   */
  headers?: Record<string, string | undefined>;
  /**
   * Cancels the upload, including reading a stream `body`.
   * @default undefined
   * @example AbortSignal.timeout(10_000)
   */
  signal?: AbortSignal;
}

/**
 * Uploads a picture (a logo, a background, an icon) to an environment and resolves to the stored
 * {@link Image}; point themes, applications or users at its `targets.original.href`.
 *
 * PingOne takes the file's bytes as the whole request body, not a form. Before anything is sent this
 * checks that the file is a PNG, JPEG or GIF by its own first bytes and no larger than 2 MB, and settles
 * the `Content-Type` (the `contentType` option, else the Blob's type, else the detected format) and the
 * `Content-Disposition: attachment; filename="…"` header.
 *
 * @throws {InvalidArgumentError} before sending: `body` when it is not an accepted kind of input, empty,
 * over 2 MB or not a PNG, JPEG or GIF file; `contentType` when it is not one of those types or does not
 * match the bytes; `filename` when it is empty or holds control characters; `path.environmentId` when
 * neither the call nor the client names an environment.
 * @throws {PingOneError} when PingOne refuses the upload (for example `BadRequestError`).
 * @example
 * import { readFile } from 'node:fs/promises';
 * import { createManagementClient } from '@pingone-sdk/management';
 * import { uploadImage } from '@pingone-sdk/images';
 *
 * const client = createManagementClient({ environmentId, token });
 * const { data: image } = await uploadImage({ client, body: await readFile('logo.png'), filename: 'logo.png' });
 * console.log(image.targets?.original?.href);
 */
export async function uploadImage(options: UploadImageOptions): Promise<RequestResult<Image>> {
  const { client, body, filename, contentType, path, headers, signal, ...settings } = options;
  // Cheap checks first, so that a bad name is refused before a stream is read.
  const namedDisposition = filename === undefined ? undefined : attachmentDisposition(filename);
  const prepared = await prepareImageBody(body, contentType, signal);
  const disposition =
    namedDisposition ?? attachmentDisposition(prepared.fileName ?? `image.${prepared.format}`);
  return createImage({
    ...settings,
    client,
    // The generated type says Blob; the core client sends every BodyInit (bytes included) untouched.
    body: prepared.body as ImageFile,
    path: path ?? {},
    headers: {
      ...otherHeaders(headers),
      'Content-Type': prepared.contentType,
      'Content-Disposition': disposition,
    },
    signal,
  });
}
