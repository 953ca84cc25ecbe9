import type { BinaryInput } from '@pingone-sdk/core';

/**
 * What `uploadImage` takes as the file: its bytes in memory (`Uint8Array`, which includes Node's
 * `Buffer`, or `ArrayBuffer`), a `Blob` or `File`, or a `ReadableStream` of byte chunks such as
 * `(await fetch(url)).body` or `Readable.toWeb(createReadStream(path))`.
 */
export type ImageInput = BinaryInput;
