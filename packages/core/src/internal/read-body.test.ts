import { describe, expect, it } from 'vitest';
import { readBody, textOf } from './read-body.js';

const bytes = (text: string) => new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;

function streamOf(chunks: Uint8Array<ArrayBuffer>[]): ReadableStream<Uint8Array<ArrayBuffer>> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

describe('textOf', () => {
  it('decodes a character split across chunks, and drops a leading byte order mark', () => {
    const whole = bytes('\uFEFF{"name":"Zoë 🚀"}');
    const cut = whole.length - 3; // inside the four bytes of the rocket
    expect(textOf([whole.slice(0, 7), whole.slice(7, cut), whole.slice(cut)])).toBe('{"name":"Zoë 🚀"}');
    expect(textOf([])).toBe('');
  });
});

describe('readBody', () => {
  it('reads every chunk of a body that ends in time', async () => {
    const chunks = await readBody(streamOf([bytes('a'), bytes('b')]), 1_000, () => new Error('late'));
    expect(textOf(chunks)).toBe('ab');
  });

  it('cancels a body that stops arriving and rejects with the deadline error', async () => {
    let cancelled = false;
    const stalled = new ReadableStream<Uint8Array<ArrayBuffer>>({
      start(controller) {
        controller.enqueue(bytes('{"partial":'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const deadline = new Error('deadline passed');
    await expect(readBody(stalled, 50, () => deadline)).rejects.toBe(deadline);
    expect(cancelled).toBe(true);
  });

  it('lets a broken body fail with its own error', async () => {
    const failure = new TypeError('terminated');
    const broken = new ReadableStream<Uint8Array<ArrayBuffer>>({
      pull(controller) {
        controller.error(failure);
      },
    });
    await expect(readBody(broken, 1_000, () => new Error('late'))).rejects.toBe(failure);
  });
});
