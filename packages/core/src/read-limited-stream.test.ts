import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from './errors.js';
import { readLimitedStream } from './read-limited-stream.js';

function bytesOfLength(length: number): Uint8Array<ArrayBuffer> {
  return Uint8Array.from({ length }, (_, index) => index % 251);
}

/** A stream that yields `bytes` in chunks of `chunkSize`, recording how much was pulled and whether it was cancelled. */
function chunkedStream(bytes: Uint8Array, chunkSize: number) {
  const progress = { pulledBytes: 0, cancelled: false };
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (offset >= bytes.length) {
          controller.close();
          return;
        }
        const chunk = bytes.slice(offset, offset + chunkSize);
        offset += chunk.length;
        progress.pulledBytes += chunk.length;
        controller.enqueue(chunk);
      },
      cancel() {
        progress.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, progress };
}

/** A stream that never ends. */
function endlessStream(chunkSize: number) {
  const progress = { pulledBytes: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        progress.pulledBytes += chunkSize;
        controller.enqueue(new Uint8Array(chunkSize));
      },
      cancel() {
        progress.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, progress };
}

describe('readLimitedStream', () => {
  it('returns every byte of a stream within the limit, as a copy', async () => {
    const bytes = bytesOfLength(10_000);
    const { stream, progress } = chunkedStream(bytes, 999);
    const read = await readLimitedStream(stream, 10_000, 'a file');
    expect(read).toEqual(bytes);
    expect(read.buffer).not.toBe(bytes.buffer);
    expect(progress.cancelled).toBe(false);
  });

  it('accepts a stream of exactly the limit', async () => {
    const { stream } = chunkedStream(bytesOfLength(4096), 1024);
    await expect(readLimitedStream(stream, 4096, 'a file')).resolves.toHaveLength(4096);
  });

  it('refuses a stream one byte over the limit and cancels it', async () => {
    const { stream, progress } = chunkedStream(bytesOfLength(4097), 1024);
    const error = await readLimitedStream(stream, 4096, 'a file').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).parameter).toBe('body');
    expect(progress.cancelled).toBe(true);
  });

  it('stops pulling an endless stream right after the limit', async () => {
    const { stream, progress } = endlessStream(1000);
    await expect(readLimitedStream(stream, 10_000, 'a file')).rejects.toBeInstanceOf(InvalidArgumentError);
    // The chunk that crossed the limit is the last one pulled.
    expect(progress.pulledBytes).toBe(11_000);
    expect(progress.cancelled).toBe(true);
  });

  it('refuses chunks that are not Uint8Array', async () => {
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue('text' as unknown as Uint8Array);
        controller.close();
      },
    });
    await expect(readLimitedStream(stream, 100, 'a file')).rejects.toMatchObject({ parameter: 'body' });
  });

  it('refuses a locked stream without touching it', async () => {
    const { stream } = chunkedStream(bytesOfLength(10), 10);
    const reader = stream.getReader();
    await expect(readLimitedStream(stream, 100, 'a file')).rejects.toMatchObject({ parameter: 'body' });
    reader.releaseLock();
  });

  it('stops reading and rejects with the reason when aborted', async () => {
    const controller = new AbortController();
    let cancelled = false;
    // A slow source: one chunk, then nothing until it is cancelled.
    const stream = new ReadableStream<Uint8Array>({
      start(streamController) {
        streamController.enqueue(bytesOfLength(100));
      },
      cancel() {
        cancelled = true;
      },
    });
    const reading = readLimitedStream(stream, 1000, 'a file', controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const reason = new Error('stop');
    controller.abort(reason);
    await expect(reading).rejects.toBe(reason);
    expect(cancelled).toBe(true);
  });

  it('passes on the error of a failing stream', async () => {
    const failure = new Error('disk gone');
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(failure);
      },
    });
    await expect(readLimitedStream(stream, 100, 'a file')).rejects.toBe(failure);
  });
});
