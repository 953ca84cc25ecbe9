import { InvalidArgumentError } from './errors.js';

function concatenate(chunks: readonly Uint8Array[], length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads a whole stream into memory, refusing it as soon as it passes `limit` bytes.
 *
 * Bytes are counted as chunks arrive. The chunk that crosses the limit is dropped and the stream is
 * cancelled at once, so no more than `limit` bytes are ever kept, however long the stream would have run
 * (the source may still have produced that one chunk: a default reader cannot ask for fewer bytes).
 * The result is a fresh copy, so a producer that reuses its chunk buffers cannot change what is sent.
 * An abort `signal` cancels the stream and rejects with the signal's reason. `what` names the expected
 * file in messages (`an image`, `a certificate file`).
 *
 * @throws {InvalidArgumentError} `body` when the stream is locked, yields something other than
 * `Uint8Array` chunks, or is longer than `limit`.
 */
export async function readLimitedStream(
  stream: ReadableStream<Uint8Array>,
  limit: number,
  what: string,
  signal?: AbortSignal,
): Promise<Uint8Array<ArrayBuffer>> {
  if (stream.locked)
    throw new InvalidArgumentError('body', 'a stream that nothing else is reading (it is locked)');
  signal?.throwIfAborted();
  const reader = stream.getReader();
  const cancelOnAbort = (): void => {
    reader.cancel(signal?.reason).catch(() => {});
  };
  signal?.addEventListener('abort', cancelOnAbort, { once: true });
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      signal?.throwIfAborted();
      if (done) break;
      if (!(value instanceof Uint8Array)) {
        throw new InvalidArgumentError('body', 'a ReadableStream of Uint8Array chunks');
      }
      length += value.byteLength;
      if (length > limit) {
        throw new InvalidArgumentError('body', `${what} of at most ${limit} bytes; the stream is longer`);
      }
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel(error).catch(() => {});
    throw error;
  } finally {
    signal?.removeEventListener('abort', cancelOnAbort);
    reader.releaseLock();
  }
  return concatenate(chunks, length);
}
