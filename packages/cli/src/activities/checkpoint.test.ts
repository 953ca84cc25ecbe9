import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCheckpoint, writeCheckpoint } from './checkpoint.js';

const folder = mkdtempSync(join(tmpdir(), 'pingone-cli-checkpoint-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('checkpoint', () => {
  it('is absent until written, then reads back what was written, leaving no temporary file', async () => {
    const path = join(folder, 'stream.json');
    expect(await readCheckpoint(path)).toBeUndefined();
    await writeCheckpoint(path, { recordedAt: '2026-06-01T00:00:00.000Z', ids: ['a', 'b'], outputBytes: 10 });
    await writeCheckpoint(path, { recordedAt: '2026-06-01T00:00:01.000Z', ids: ['c'] });
    expect(await readCheckpoint(path)).toEqual({ recordedAt: '2026-06-01T00:00:01.000Z', ids: ['c'] });
    expect(readdirSync(folder)).toEqual(['stream.json']);
  });

  it('refuses a file that is not a checkpoint', async () => {
    const path = join(folder, 'other.json');
    writeFileSync(path, '{"hello":1}');
    await expect(readCheckpoint(path)).rejects.toThrow(`--checkpoint: ${path} is not a checkpoint`);
  });
});
