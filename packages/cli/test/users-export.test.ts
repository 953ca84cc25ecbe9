import { once } from 'node:events';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type RunningEmulator, type SeedUser, startEmulator } from '@pingone-sdk/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorEnvironment, runCli, startCli } from './run-cli.js';

const userCount = 100_000;
/** The V8 heap the export may use: 100,000 users held at once would need several times more. */
const heapCapMegabytes = 48;

/** Peak resident memory of a running process (Linux `VmHWM`), in megabytes; undefined elsewhere. */
function peakResidentMegabytes(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

describe('pingone users export', () => {
  let emulator: RunningEmulator;
  let folder: string;
  const populationId = '7d1c9f6e-2b1a-4c3d-9e8f-0a1b2c3d4e5f';

  beforeAll(async () => {
    const users: SeedUser[] = Array.from({ length: userCount }, (_, index) => ({
      username: `person${index}`,
      email: `person${index}@example.com`,
      name: { given: `Given${index}`, family: 'Exported' },
      ...(index % 10 === 0 ? { population: { id: populationId } } : {}),
    }));
    emulator = await startEmulator({ seed: { populations: [{ id: populationId, name: 'Tenth' }], users } });
    folder = mkdtempSync(join(tmpdir(), 'pingone-cli-export-'));
  });
  afterAll(async () => {
    await emulator.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** Runs an export with the heap capped, sampling the child's peak resident memory meanwhile. */
  async function measuredExport(args: string[]) {
    const { child, done } = startCli(
      ['users', 'export', ...args],
      emulatorEnvironment(emulator),
      // A heap too small to hold the users: an export that buffered them would die of it.
      [`--max-old-space-size=${heapCapMegabytes}`],
    );
    child.stdin?.end();
    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, peakResidentMegabytes(child.pid as number) ?? 0);
    }, 50);
    const result = await done;
    clearInterval(sampler);
    return { result, peak };
  }

  async function usernamesOf(file: string): Promise<Set<string>> {
    const usernames = new Set<string>();
    for await (const line of createInterface({ input: createReadStream(file) })) {
      usernames.add(JSON.parse(line).username);
    }
    return usernames;
  }

  it(`streams ${userCount.toLocaleString('en')} users with a heap too small to hold them`, async () => {
    const all = join(folder, 'all.ndjson');
    const { result, peak } = await measuredExport(['--output', all]);
    expect(result.stderr).toContain(`exported ${userCount} users`);
    expect(result.code).toBe(0);
    expect((await usernamesOf(all)).size).toBe(userCount);
    console.log(
      `export: ${userCount} users, peak resident memory ${peak.toFixed(0)} MB (V8 heap capped at ${heapCapMegabytes} MB)`,
    );
    // Where /proc is readable (Linux); the users alone, as JSON text, would be about 60 MB.
    if (peak > 0) expect(peak).toBeLessThan(160);
  });

  it('writes CSV with field-path columns, for one population', async () => {
    const result = await runCli(
      ['users', 'export', '--population', populationId, '--format', 'csv'],
      emulatorEnvironment(emulator),
    );
    expect(result.code).toBe(0);
    const rows = result.stdout.trim().split('\n');
    expect(rows[0]).toBe(
      'id,username,email,name.given,name.family,name.middle,name.formatted,nickname,title,primaryPhone,mobilePhone,locale,preferredLanguage,timezone,accountId,externalId,type,population.id,enabled,lifecycle.status,createdAt,updatedAt',
    );
    expect(rows).toHaveLength(userCount / 10 + 1);
    expect(rows[1]).toMatch(
      new RegExp(`^[\\w-]+,person0,person0@example.com,Given0,Exported,.*,${populationId},true,`),
    );
  });

  it("stops with exit code 1 and PingOne's error on a bad filter", async () => {
    const { child, done } = startCli(
      ['users', 'export', '--filter', 'nonsense ~~'],
      emulatorEnvironment(emulator),
    );
    child.stdin?.end();
    await once(child, 'spawn');
    const result = await done;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/pingone: 400 INVALID_DATA/);
    expect(result.stderr).toMatch(/correlation id: [\w-]+/);
  });
});
