import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { clientCredentials } from '@pingone-sdk/core';
import { type RunningEmulator, startEmulator } from '@pingone-sdk/emulator';
import { createManagementClient, createUser } from '@pingone-sdk/management';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorEnvironment, runCli, startCli } from './run-cli.js';

const userCount = 1200;

describe('pingone activities', () => {
  let emulator: RunningEmulator;
  let folder: string;
  let client: ReturnType<typeof createManagementClient>;
  let since: string;
  let uninterrupted: string[];

  async function createUsers(from: number, count: number): Promise<void> {
    let next = from;
    const worker = async () => {
      while (next < from + count) {
        const index = next++;
        await createUser({
          client,
          body: { username: `audited${index}`, email: `audited${index}@example.com` },
        });
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
  }

  async function until(condition: () => boolean, what: string): Promise<void> {
    for (let waited = 0; !condition(); waited += 20) {
      if (waited > 30_000) throw new Error(`timed out waiting for ${what}`);
      await delay(20);
    }
  }

  beforeAll(async () => {
    emulator = await startEmulator();
    folder = mkdtempSync(join(tmpdir(), 'pingone-cli-activities-'));
    client = createManagementClient({
      baseUrl: emulator.apiUrl,
      environmentId: emulator.environmentId,
      token: clientCredentials({
        environmentId: emulator.environmentId,
        clientId: emulator.clientId,
        clientSecret: emulator.clientSecret,
        authUrl: emulator.authUrl,
      }),
    });
    since = new Date(Date.now() - 1000).toISOString();
    await createUsers(0, userCount);
    const result = await runCli(
      ['activities', 'stream', '--since', since, '--page-size', '50'],
      emulatorEnvironment(emulator),
    );
    expect(result.code).toBe(0);
    uninterrupted = result.stdout.trim().split('\n');
  });
  afterAll(async () => {
    await emulator.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes every activity once, oldest first, and ends once caught up', () => {
    const events = uninterrupted.map((line) => JSON.parse(line));
    expect(events).toHaveLength(userCount);
    expect(new Set(events.map((event) => event.id)).size).toBe(userCount);
    const times = events.map((event) => Date.parse(event.recordedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(events.every((event) => event.action.type === 'USER.CREATED')).toBe(true);
    // Many events share a millisecond: the checkpoint cannot rely on the time alone.
    expect(new Set(times).size).toBeLessThan(userCount);
  });

  it('continues after Ctrl-C from its checkpoint with no gap and no duplicate', async () => {
    const checkpoint = join(folder, 'interrupted.json');
    // Slow pages, so that the interruption lands midway.
    emulator.setFaults({ latencyMs: 25, target: 'api' });
    const first = startCli(
      ['activities', 'stream', '--since', since, '--page-size', '50', '--checkpoint', checkpoint],
      emulatorEnvironment(emulator),
    );
    first.child.stdin?.end();
    let lines = 0;
    first.child.stdout?.on('data', (chunk: string) => {
      lines += chunk.split('\n').length - 1;
    });
    await until(() => lines >= 300, 'the first events');
    first.child.kill('SIGINT');
    const stopped = await first.done;
    expect(stopped.code).toBe(0);
    const before = stopped.stdout.trim().split('\n');
    expect(before.length).toBeLessThan(userCount);

    const resumed = await runCli(
      ['activities', 'stream', '--page-size', '50', '--checkpoint', checkpoint],
      emulatorEnvironment(emulator),
    );
    emulator.setFaults();
    expect(resumed.code).toBe(0);
    expect([...before, ...resumed.stdout.trim().split('\n')]).toEqual(uninterrupted);
  });

  it('continues exactly after a crash (SIGKILL) when writing to --output', async () => {
    const checkpoint = join(folder, 'killed.json');
    const output = join(folder, 'killed.ndjson');
    emulator.setFaults({ latencyMs: 25, target: 'api' });
    const args = [
      'activities',
      'stream',
      '--page-size',
      '50',
      '--checkpoint',
      checkpoint,
      '--output',
      output,
    ];
    const first = startCli([...args, '--since', since], emulatorEnvironment(emulator));
    first.child.stdin?.end();
    const written = () => {
      try {
        return readFileSync(output, 'utf8').split('\n').length - 1;
      } catch {
        return 0;
      }
    };
    await until(() => written() >= 400, 'the first events in the file');
    first.child.kill('SIGKILL');
    expect((await first.done).signal).toBe('SIGKILL');
    expect(written()).toBeLessThan(userCount);

    const resumed = await runCli(args, emulatorEnvironment(emulator));
    emulator.setFaults();
    expect(resumed.code).toBe(0);
    expect(readFileSync(output, 'utf8').trim().split('\n')).toEqual(uninterrupted);
  });

  it('--follow picks up new activities until stopped', async () => {
    const last = JSON.parse(uninterrupted.at(-1) as string);
    const follow = startCli(
      ['activities', 'stream', '--since', last.recordedAt, '--follow', '--interval', '0.2'],
      emulatorEnvironment(emulator),
    );
    follow.child.stdin?.end();
    let text = '';
    follow.child.stdout?.on('data', (chunk: string) => {
      text += chunk;
    });
    await until(() => text.includes(last.id), 'the catch-up');
    await createUsers(userCount, 5);
    await until(() => text.trim().split('\n').length >= 6, 'the new events');
    follow.child.kill('SIGINT');
    const result = await follow.done;
    expect(result.code).toBe(0);
    const usernames = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).resources[0].name);
    expect(usernames.slice(-5).sort()).toEqual(
      Array.from({ length: 5 }, (_, index) => `audited${userCount + index}`).sort(),
    );
  });

  it('reports counts by action as a table or JSON', async () => {
    const json = await runCli(
      ['activities', 'report', '--since', since, '--by', 'action', '--format', 'json'],
      emulatorEnvironment(emulator),
    );
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([{ action: 'USER.CREATED', count: userCount + 5 }]);
    const table = await runCli(
      ['activities', 'report', '--since', since, '--by', 'result'],
      emulatorEnvironment(emulator),
    );
    expect(table.stdout).toMatch(/^RESULT\s+COUNT\nSUCCESS\s+1205\nTOTAL\s+1205\n$/);
  });

  it('refuses a malformed --since before sending anything (exit 2)', async () => {
    const result = await runCli(
      ['activities', 'stream', '--since', 'yesterday'],
      emulatorEnvironment(emulator),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--since: expected an ISO 8601 time');
  });
});
