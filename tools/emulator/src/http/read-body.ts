import type { IncomingMessage } from 'node:http';
import { ApiError } from './api-error.js';

/** PingOne's image limit is 2 MB; nothing legitimate is bigger, so refuse well above it. */
const maximumBodyBytes = 8 * 1024 * 1024;

function tooLarge(): ApiError {
  // Closing, not draining: the rest of an oversized body is never read.
  return new ApiError(413, 'INVALID_REQUEST', 'The request body is too large.', undefined, {
    Connection: 'close',
  });
}

/** Reads the whole request body; empty when the request has none. */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const declared = request.headers['content-length'];
  if (declared === undefined && request.headers['transfer-encoding'] === undefined) {
    return Buffer.alloc(0);
  }
  if (declared !== undefined && Number(declared) > maximumBodyBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request) {
    total += (chunk as Buffer).length;
    if (total > maximumBodyBytes) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}

/** `application/JSON; charset=utf-8` → `application/json`. */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const semicolon = contentType.indexOf(';');
  const bare = (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
  return bare.length > 0 ? bare : undefined;
}

export function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}
