import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Store } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';

/**
 * Images: PingOne's upload of raw picture bytes (not a form), and the file host its answers point to.
 *
 * An upload is refused as PingOne refuses it: without a `Content-Disposition` naming the file, with an
 * empty body, over 2 MB, or when the bytes are not a PNG, JPEG or GIF file (or not the one the
 * `Content-Type` names; types the spec does not list are already a 415). The stored Image carries the
 * dimensions read from the file's header, and `targets.original.href` is a URL on the emulator's own
 * origin ({@link imageFilePrefix}) that serves the bytes exactly as uploaded, without a token, as
 * PingOne's upload host does (plus the uploaded file name in `Content-Disposition`, for tests). Reading and deleting an image are the generic item behaviours; deleting
 * one also drops its bytes (they are the image's private data).
 */

/** Path prefix of uploaded files on the emulator's origin. */
export const imageFilePrefix = '/uploads/';

/** PingOne's limit on an uploaded image. */
const maximumImageBytes = 2 * 1024 * 1024;

type ImageFormat = 'png' | 'jpg' | 'gif';

const contentTypeOf: Record<ImageFormat, string> = { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif' };
const formatOfMediaType: Record<string, ImageFormat> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/gif': 'gif',
};

/** What an image keeps besides its answer: the file itself. */
interface StoredFile {
  bytes: Buffer;
  contentType: string;
  filename: string;
}

export const imageBehaviours: BehaviourFamily = {
  createImage: createImage,
};

function createImage(context: BehaviourContext): Reply {
  const filename = filenameOf(context.headers['content-disposition']);
  const bytes = Buffer.isBuffer(context.body) ? context.body : Buffer.alloc(0);
  if (bytes.length === 0) {
    throw invalidData([
      { code: 'REQUIRED_VALUE', target: 'file', message: 'The request body must be the image file.' },
    ]);
  }
  if (bytes.length > maximumImageBytes) {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'file',
        message: `The image is ${bytes.length} bytes; the largest accepted is ${maximumImageBytes} bytes (2 MB).`,
        innerError: { maximumSize: maximumImageBytes },
      },
    ]);
  }
  const format = formatOf(bytes);
  if (format === undefined) {
    throw invalidData([
      { code: 'INVALID_VALUE', target: 'file', message: 'The image must be a png, jpg or gif file.' },
    ]);
  }
  const declared = formatOfMediaType[context.mediaType ?? ''];
  if (declared !== format) {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'Content-Type',
        message: `The Content-Type ${context.mediaType ?? '(none)'} does not match the file, which is ${format}.`,
      },
    ]);
  }
  const size = dimensionsOf(bytes, format);
  if (size === undefined) {
    throw invalidData([
      { code: 'INVALID_VALUE', target: 'file', message: `The ${format} file's header is damaged.` },
    ]);
  }

  const environmentId = context.environmentId ?? '';
  const collectionKey = context.location.collectionKey ?? context.location.key;
  const id = randomUUID();
  const origin = new URL(context.services.apiUrl).origin;
  const image = {
    _links: {
      self: { href: `${context.services.apiUrl}${collectionKey}/${id}` },
      environment: { href: `${context.services.apiUrl}/environments/${environmentId}` },
    },
    id,
    environment: { id: environmentId },
    createdAt: new Date().toISOString(),
    targets: {
      original: {
        id: randomUUID(),
        href: `${origin}${imageFilePrefix}environments/${environmentId}/images/${id}/original.${format}`,
        type: format,
        width: size.width,
        height: size.height,
      },
    },
  };
  context.store.putItem(collectionKey, id, image);
  const file: StoredFile = { bytes: Buffer.from(bytes), contentType: contentTypeOf[format], filename };
  context.store.privateData(`${collectionKey}/${id}`).file = file;
  return { status: context.operation.successStatus, body: image };
}

/**
 * Answers `GET`/`HEAD {origin}/uploads/environments/<env>/images/<id>/original.<ext>` with the stored
 * bytes; anything else under the prefix is a 404. Needs no token, like PingOne's upload host.
 */
export function serveImageFile(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  store: Store,
): void {
  const match = /^\/uploads\/environments\/([^/]+)\/images\/([^/]+)\/original\.(png|jpg|gif)$/.exec(path);
  const environmentId = decodeSegment(match?.[1]);
  const imageId = decodeSegment(match?.[2]);
  const collectionKey = `/environments/${environmentId}/images`;
  const image = environmentId && imageId ? store.getItem(collectionKey, imageId) : undefined;
  const file = image
    ? (store.privateData(`${collectionKey}/${imageId}`).file as StoredFile | undefined)
    : undefined;
  request.resume();
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  if (!file || !match || formatOfMediaType[file.contentType] !== match[3]) {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    return;
  }
  response.writeHead(200, {
    'Content-Type': file.contentType,
    'Content-Length': file.bytes.length,
    'Cache-Control': 'public, max-age=31536000, immutable',
    // The emulator's addition, so that tests can see the name that arrived with the upload.
    'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.filename).replace(/['()*]/g, escapeCharacter)}`,
  });
  response.end(request.method === 'HEAD' ? undefined : file.bytes);
}

function escapeCharacter(character: string): string {
  return `%${character.charCodeAt(0).toString(16).toUpperCase()}`;
}

function decodeSegment(segment: string | undefined): string | undefined {
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The file name of `attachment; filename="…"` (or RFC 6266 `filename*=UTF-8''…`); 400 when missing. */
function filenameOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') {
    throw invalidData([
      {
        code: 'REQUIRED_VALUE',
        target: 'Content-Disposition',
        message: 'A Content-Disposition header naming the file (attachment; filename=…) is required.',
      },
    ]);
  }
  const extended = /(?:^|;)\s*filename\*\s*=\s*UTF-8''([^;\s]+)/i.exec(value)?.[1];
  if (extended !== undefined) {
    try {
      return decodeURIComponent(extended);
    } catch {
      // fall back to the plain parameter
    }
  }
  const plain = /(?:^|;)\s*filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(value);
  const name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2];
  if (name === undefined || name === '') {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'Content-Disposition',
        message: 'The Content-Disposition header must name the file: attachment; filename=…',
      },
    ]);
  }
  return name;
}

function formatOf(bytes: Buffer): ImageFormat | undefined {
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.readUInt32BE(4) === 0x0d0a1a0a)
    return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  const signature = bytes.subarray(0, 6).toString('latin1');
  if (signature === 'GIF87a' || signature === 'GIF89a') return 'gif';
  return undefined;
}

/** Width and height from the file's header, or undefined when the header is cut short or damaged. */
function dimensionsOf(bytes: Buffer, format: ImageFormat): { width: number; height: number } | undefined {
  let size: { width: number; height: number } | undefined;
  if (format === 'png') {
    // The first chunk is IHDR: length (4), type (4), width (4), height (4).
    if (bytes.length >= 24 && bytes.subarray(12, 16).toString('latin1') === 'IHDR') {
      size = { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
    }
  } else if (format === 'gif') {
    // The logical screen descriptor follows the signature, little-endian.
    if (bytes.length >= 10) size = { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  } else {
    size = jpegDimensions(bytes);
  }
  return size && size.width > 0 && size.height > 0 ? size : undefined;
}

/** Walks JPEG segments to the first start-of-frame marker, which holds the height and width. */
function jpegDimensions(bytes: Buffer): { width: number; height: number } | undefined {
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // end of image or scan data before any frame
    const length = bytes.readUInt16BE(offset + 2);
    const isStartOfFrame =
      marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isStartOfFrame) {
      if (offset + 9 > bytes.length) return undefined;
      return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    }
    offset += 2 + length;
  }
  return undefined;
}
