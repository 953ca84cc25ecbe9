import type { ImageFormat } from './generated/types.gen.js';

/** Enough leading bytes to tell every supported format apart. */
export const signatureLength = 8;

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
const jpegSignature = [0xff, 0xd8, 0xff] as const;
const gif87Signature = [0x47, 0x49, 0x46, 0x38, 0x37, 0x61] as const; // GIF87a
const gif89Signature = [0x47, 0x49, 0x46, 0x38, 0x39, 0x61] as const; // GIF89a

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((value, index) => bytes[index] === value);
}

/**
 * Tells PNG, JPEG and GIF files apart by their first bytes (their "magic numbers"), whatever their name
 * or declared type says. Only the leading 8 bytes are looked at.
 *
 * @returns The format, or `undefined` when the bytes are none of the formats PingOne stores.
 * @example
 * detectImageFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])); // 'png'
 */
export function detectImageFormat(bytes: Uint8Array): ImageFormat | undefined {
  if (startsWith(bytes, pngSignature)) return 'png';
  if (startsWith(bytes, jpegSignature)) return 'jpg';
  if (startsWith(bytes, gif87Signature) || startsWith(bytes, gif89Signature)) return 'gif';
  return undefined;
}
