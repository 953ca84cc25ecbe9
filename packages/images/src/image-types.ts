/**
 * The picture formats PingOne stores, and the limits it puts on them.
 *
 * PingOne keeps PNG, JPEG and GIF files of at most 2 MB (facts §7). Everything else about an upload is
 * checked against these values before a request is sent.
 */
import type { ImageFormat } from './generated/types.gen.js';

/** The largest file PingOne accepts: 2 MB (2 × 1024 × 1024 bytes). */
export const maximumImageSize = 2 * 1024 * 1024;

/** The canonical media type sent for each format. */
export const contentTypeOfFormat: Readonly<Record<ImageFormat, string>> = Object.freeze({
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
});

/**
 * Media types accepted in `contentType` (and on a Blob), with the format each names. `image/jpg` is not a
 * registered type, but PingOne's own examples use it, so it is accepted as a synonym of `image/jpeg`.
 */
const formatByContentType: ReadonlyMap<string, ImageFormat> = new Map([
  ['image/png', 'png'],
  ['image/jpeg', 'jpg'],
  ['image/jpg', 'jpg'],
  ['image/gif', 'gif'],
]);

/** The media types PingOne accepts for an upload. */
export const imageContentTypes: readonly string[] = Object.freeze([...formatByContentType.keys()]);

/** The media type without parameters, in lower case: `Image/PNG; q=1` → `image/png`. */
export function mediaTypeEssence(contentType: string): string {
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}

/** The format a media type names, or `undefined` when PingOne does not store that type. */
export function formatOfContentType(contentType: string): ImageFormat | undefined {
  return formatByContentType.get(mediaTypeEssence(contentType));
}
