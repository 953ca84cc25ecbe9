import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';

/**
 * Where machine output goes: stdout, or a file with `--output`. Writes wait for the stream to drain,
 * so a slow consumer (a pipe to a SIEM forwarder) slows the reader instead of filling memory.
 */
export class OutputStream {
  readonly #stream: Writable;
  readonly #owned: boolean;

  constructor(path?: string, flags: 'w' | 'a' = 'w') {
    this.#owned = path !== undefined && path !== '-';
    this.#stream = this.#owned ? createWriteStream(path as string, { flags }) : process.stdout;
  }

  async write(text: string): Promise<void> {
    if (!this.#stream.write(text)) await once(this.#stream, 'drain');
  }

  /** Resolves once everything written so far has reached the file or the pipe. */
  async flush(): Promise<void> {
    await new Promise<void>((resolve, reject) =>
      this.#stream.write('', (error) => (error ? reject(error) : resolve())),
    );
  }

  async close(): Promise<void> {
    await this.flush();
    if (this.#owned) {
      this.#stream.end();
      await once(this.#stream, 'close');
    }
  }
}
