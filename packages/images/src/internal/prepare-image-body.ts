import { InvalidArgumentError } from '@pingone-sdk/core';
import { checkBinaryInput } from '@pingone-sdk/core/internal';
import { detectImageFormat, signatureLength } from '../detect-image-format.js';
import type { ImageFormat } from '../generated/types.gen.js';
import type { ImageInput } from '../image-input.js';
import {
  contentTypeOfFormat,
  formatOfContentType,
  maximumImageSize,
  mediaTypeEssence,
} from '../image-types.js';

/** An upload body that passed every check, ready to send. */
export interface PreparedImageBody {
  /** What goes on the wire: the caller's own bytes or Blob, or the bytes read from their stream. */
  body: Uint8Array | ArrayBuffer | Blob;
  /** The `Content-Type` to send. */
  contentType: string;
  /** The format the bytes are in. */
  format: ImageFormat;
  /** The name a `File` carries, when it carries one. */
  fileName: string | undefined;
}

const formatNames: Readonly<Record<ImageFormat, string>> = { png: 'PNG', jpg: 'JPEG', gif: 'GIF' };
const notAnImage = 'a PNG, JPEG or GIF image; its first bytes are none of these';
/** Blob types that say nothing about the content; the bytes decide instead. */
const uninformativeBlobTypes = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/** The declared type must name an accepted format, and the same one the bytes are in. */
function checkDeclaredType(
  declared: string,
  detected: ImageFormat,
  parameter: 'contentType' | 'body',
): string {
  const declaredFormat = formatOfContentType(declared);
  const source = parameter === 'body' ? `the Blob's type ${declared}` : declared;
  if (declaredFormat === undefined) {
    throw new InvalidArgumentError(parameter, `an image/png, image/jpeg or image/gif type, got ${source}`);
  }
  if (declaredFormat !== detected) {
    throw new InvalidArgumentError(
      parameter,
      `a type that matches the file: ${source} names ${formatNames[declaredFormat]}, but the bytes are ${formatNames[detected]}`,
    );
  }
  return mediaTypeEssence(declared);
}

/**
 * Checks an upload before anything is sent: the input is one of the accepted kinds, no larger than
 * 2 MB, and a PNG, JPEG or GIF file by its own first bytes; then settles the `Content-Type`
 * (the `contentType` option, else the Blob's own type, else the detected format).
 *
 * In-memory bytes and Blobs are sent as they are: only their first bytes are looked at (a Blob through
 * `slice`, so a large File is never read whole here). A stream is read into memory, at most 2 MB of it,
 * because its length is only known once it ends and an oversized one must be refused before the request
 * starts; the bytes read are what is sent.
 *
 * @throws {InvalidArgumentError} `body` or `contentType`, naming what was wrong.
 */
export async function prepareImageBody(
  input: ImageInput,
  contentType: string | undefined,
  signal: AbortSignal | undefined,
): Promise<PreparedImageBody> {
  if (
    contentType !== undefined &&
    (typeof contentType !== 'string' || formatOfContentType(contentType) === undefined)
  ) {
    throw new InvalidArgumentError(
      'contentType',
      `an image/png, image/jpeg or image/gif type, got ${String(contentType)}`,
    );
  }

  const {
    body,
    head,
    blobType: ownType,
    fileName,
  } = await checkBinaryInput(
    input,
    { maximumSize: maximumImageSize, headLength: signatureLength, what: 'an image' },
    signal,
  );
  const blobType =
    ownType === undefined || uninformativeBlobTypes.has(mediaTypeEssence(ownType)) ? undefined : ownType;

  const format = detectImageFormat(head);
  if (format === undefined) throw new InvalidArgumentError('body', notAnImage);
  const sentType =
    contentType !== undefined
      ? checkDeclaredType(contentType, format, 'contentType')
      : blobType !== undefined
        ? checkDeclaredType(blobType, format, 'body')
        : contentTypeOfFormat[format];
  return { body, contentType: sentType, format, fileName };
}
