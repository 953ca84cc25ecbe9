import { InvalidArgumentError } from './errors.js';
import { readLimitedStream } from './read-limited-stream.js';

/**
 * What an upload takes as a file: its bytes in memory (`Uint8Array`, which includes Node's `Buffer`,
 * or `ArrayBuffer`), a `Blob` or `File`, or a `ReadableStream` of byte chunks such as
 * `(await fetch(url)).body` or `Readable.toWeb(createReadStream(path))`.
 */
export type BinaryInput = Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array>;

/** An upload input that passed the kind and size checks. */
export interface CheckedBinaryInput {
  /** What goes on the wire: the caller's own bytes or Blob, or the bytes read from their stream. */
  body: Uint8Array | ArrayBuffer | Blob;
  /** The first bytes (up to `headLength`), to recognize the file's format by. */
  head: Uint8Array;
  /** The Blob's own media type, when it is a Blob and names one. */
  blobType: string | undefined;
  /** The name a `File` carries, when it carries one. */
  fileName: string | undefined;
}

/** How {@link checkBinaryInput} checks an input. */
export interface BinaryInputLimits {
  /** The largest accepted size in bytes. */
  maximumSize: number;
  /** How many leading bytes to return in `head`. */
  headLength: number;
  /** What the file is, for messages: `an image`, `a certificate file`. */
  what: string;
}

function isBlob(value: unknown): value is Blob {
  return typeof Blob !== 'undefined' && value instanceof Blob;
}

/**
 * Checks an upload before anything is sent: the input is one of the {@link BinaryInput} kinds, not
 * empty and no larger than `maximumSize`. In-memory bytes and Blobs are kept as they are (a Blob's head
 * is read through `slice`, so a large File is never read whole); a stream is read into memory, at most
 * `maximumSize` of it, because its length is only known once it ends.
 *
 * @throws {InvalidArgumentError} `body`, naming what was wrong.
 */
export async function checkBinaryInput(
  input: BinaryInput,
  limits: BinaryInputLimits,
  signal?: AbortSignal,
): Promise<CheckedBinaryInput> {
  const { maximumSize, headLength, what } = limits;
  const checkSize = (size: number): void => {
    if (size === 0) throw new InvalidArgumentError('body', `${what} that is not empty, got 0 bytes`);
    if (size > maximumSize) {
      throw new InvalidArgumentError('body', `${what} of at most ${maximumSize} bytes, got ${size} bytes`);
    }
  };
  if (input instanceof Uint8Array) {
    checkSize(input.byteLength);
    return { body: input, head: input.subarray(0, headLength), blobType: undefined, fileName: undefined };
  }
  if (input instanceof ArrayBuffer) {
    checkSize(input.byteLength);
    const head = new Uint8Array(input, 0, Math.min(headLength, input.byteLength));
    return { body: input, head, blobType: undefined, fileName: undefined };
  }
  if (isBlob(input)) {
    checkSize(input.size);
    const head = new Uint8Array(await input.slice(0, headLength).arrayBuffer());
    const name = (input as { name?: unknown }).name;
    return {
      body: input,
      head,
      blobType: input.type === '' ? undefined : input.type,
      fileName: typeof name === 'string' && name !== '' ? name : undefined,
    };
  }
  if (typeof ReadableStream !== 'undefined' && input instanceof ReadableStream) {
    const bytes = await readLimitedStream(input, maximumSize, what, signal);
    checkSize(bytes.byteLength);
    return { body: bytes, head: bytes.subarray(0, headLength), blobType: undefined, fileName: undefined };
  }
  throw new InvalidArgumentError(
    'body',
    'a Uint8Array, ArrayBuffer, Blob, File or ReadableStream<Uint8Array>',
  );
}
