import { readFile, rename, writeFile } from 'node:fs/promises';
import { UsageError } from '../usage-error.js';

/**
 * Where an activity stream stands: the `recordedAt` of the last event written and the ids of every
 * event written with that same time (several events can share a millisecond, so the time alone
 * cannot tell which of them were sent), and, when writing to a file, that file's length at the time.
 */
export interface Checkpoint {
  recordedAt: string;
  ids: string[];
  /** Bytes of `--output` covered by this checkpoint; anything after them is from an unfinished batch. */
  outputBytes?: number;
}

export async function readCheckpoint(path: string): Promise<Checkpoint | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Checkpoint;
    if (typeof parsed.recordedAt !== 'string' || !Array.isArray(parsed.ids))
      throw new Error('unexpected shape');
    return parsed;
  } catch (error) {
    throw new UsageError(
      `--checkpoint: ${path} is not a checkpoint of this command (${(error as Error).message})`,
    );
  }
}

/**
 * Replaces the checkpoint atomically: the new content goes to a temporary file that is then renamed
 * over the old one, so a crash leaves either the previous checkpoint or the new one, never half of one.
 */
export async function writeCheckpoint(path: string, checkpoint: Checkpoint): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(checkpoint));
  await rename(temporary, path);
}
