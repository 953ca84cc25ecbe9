import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paginate } from '@pingone-sdk/core';
import { type RunningEmulator, startEmulator } from '@pingone-sdk/emulator';
import { createManagementClient, createPopulation, listActivities, listUsers } from '@pingone-sdk/management';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorEnvironment, runCli } from './run-cli.js';

const rowCount = 5000;
const requestsPerSecond = 150;

describe('pingone users import', () => {
  let emulator: RunningEmulator;
  let folder: string;
  let populationId: string;
  let client: ReturnType<typeof createManagementClient>;

  beforeAll(async () => {
    emulator = await startEmulator();
    folder = mkdtempSync(join(tmpdir(), 'pingone-cli-import-'));
    client = createManagementClient({
      baseUrl: emulator.apiUrl,
      environmentId: emulator.environmentId,
      token: (await import('@pingone-sdk/core')).clientCredentials({
        environmentId: emulator.environmentId,
        clientId: emulator.clientId,
        clientSecret: emulator.clientSecret,
        authUrl: emulator.authUrl,
      }),
    });
    const { data } = await createPopulation({ client, body: { name: 'Imported' } });
    populationId = data.id as string;
  });
  afterAll(async () => {
    await emulator.close();
    rmSync(folder, { recursive: true, force: true });
  });

  async function usernamesIn(population: string): Promise<string[]> {
    const names: string[] = [];
    const query = { limit: 1000, filter: `population.id eq "${population}"` };
    for await (const user of paginate(listUsers, { client, query })) names.push(user.username as string);
    return names;
  }

  it('creates every row once under rate limiting and dropped connections, and a re-run creates nothing', async () => {
    const file = join(folder, 'users.csv');
    const lines = ['username,email,name.given,name.family'];
    for (let index = 0; index < rowCount; index++) {
      lines.push(`user${index},user${index}@example.com,Given${index},"Family-${index} Smith"`);
    }
    writeFileSync(file, `${lines.join('\n')}\n`);
    // Connections dropped before the server reads them and after it has created the user.
    emulator.setFaults({
      target: 'api',
      rateLimit: { requestsPerSecond },
      dropRate: 0.01,
      dropAnswerRate: 0.01,
      seed: 15,
    });
    const failures = join(folder, 'failures.ndjson');
    const first = await runCli(
      ['users', 'import', file, '--population', populationId, '--failures', failures],
      emulatorEnvironment(emulator),
    );
    expect(first.stderr).toMatch(/created 5000, skipped 0 \(already there\), failed 0 of 5000 rows/);
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({ rows: rowCount, created: rowCount, skipped: 0, failed: 0 });
    // The faults were met, not dodged: the limit refused requests and answers were lost after creates.
    expect(summary.rateLimited).toBeGreaterThan(0);
    expect(summary.unanswered).toBeGreaterThan(0);
    console.log(
      `import: ${rowCount} rows at ${requestsPerSecond} requests/s with 1% + 1% dropped connections: ` +
        `${summary.seconds} s, ${(rowCount / summary.seconds).toFixed(0)} rows/s ` +
        `(${summary.rateLimited} answers 429, ${summary.unanswered} lost answers)`,
    );

    emulator.setFaults();
    const names = await usernamesIn(populationId);
    expect(names).toHaveLength(rowCount);
    expect(new Set(names).size).toBe(rowCount);

    emulator.setFaults({
      target: 'api',
      rateLimit: { requestsPerSecond },
      dropRate: 0.01,
      dropAnswerRate: 0.01,
      seed: 16,
    });
    const again = await runCli(
      ['users', 'import', file, '--population', populationId],
      emulatorEnvironment(emulator),
    );
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      rows: rowCount,
      created: 0,
      skipped: rowCount,
      failed: 0,
    });
    emulator.setFaults();
    expect(await usernamesIn(populationId)).toHaveLength(rowCount);
  }, 240_000);

  it('writes rows PingOne refuses to the failures file with its code and message', async () => {
    const file = join(folder, 'refused.ndjson');
    writeFileSync(
      file,
      ['{"username":"r1","email":"r1@example.com"}', '', '{"username":"r2","email":"r2@example.com"}'].join(
        '\n',
      ),
    );
    const failures = join(folder, 'refused-failures.ndjson');
    const missingPopulation = '00000000-0000-4000-8000-000000000000';
    const result = await runCli(
      ['users', 'import', file, '--population', missingPopulation, '--failures', failures],
      emulatorEnvironment(emulator),
    );
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ rows: 2, created: 0, skipped: 0, failed: 2 });
    const written = readFileSync(failures, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(written.map((failure) => [failure.line, failure.username])).toEqual([
      [1, 'r1'],
      [3, 'r2'],
    ]);
    expect(written[0]).toMatchObject({ status: 400, code: 'INVALID_DATA' });
    expect(written[0].message).toMatch(/population/i);
  });

  it('imports a row that carries a password hash through the import action', async () => {
    const file = join(folder, 'hashed.ndjson');
    const hash =
      '{SSHA512}UkGWfORubNKFpFBWh+Lgy4FrciclzUXneuryV+B+zBDR4Gqd5wvMqAvKRixgQWoZlZUgq8Wh40uMK3s6bWpzWt1/4W1xA2BA';
    writeFileSync(
      file,
      `${JSON.stringify({ username: 'hashed', email: 'hashed@example.com', password: { value: hash }, lifecycle: { status: 'ACCOUNT_OK' } })}\n`,
    );
    const result = await runCli(
      ['users', 'import', file, '--population', populationId],
      emulatorEnvironment(emulator),
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ rows: 1, created: 1 });
    const { data } = await listActivities({
      client,
      query: { filter: 'recordedat ge "2000-01-01T00:00:00Z" and action.type eq "USER.IMPORT"' },
    });
    expect(data._embedded?.activities?.map((activity) => activity.resources?.[0]?.name)).toEqual(['hashed']);
  });

  it('--dry-run reports each bad row with its line and field and sends nothing', async () => {
    const file = join(folder, 'bad.csv');
    writeFileSync(
      file,
      [
        'username,email,name.given',
        'good1,good1@example.com,Good',
        ',noname@example.com,Nobody',
        'bademail,not-an-email,Bad',
        `longname,long@example.com,${'x'.repeat(300)}`,
        'good2,good2@example.com,Good',
      ].join('\n'),
    );
    const before = await usernamesIn(emulator.defaultPopulationId);
    const result = await runCli(
      ['users', 'import', file, '--population', emulator.defaultPopulationId, '--dry-run'],
      emulatorEnvironment(emulator),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}:3: username is required`);
    expect(result.stderr).toContain(`${file}:4: email must match format "email"`);
    expect(result.stderr).toMatch(new RegExp(`${file}:5: name.given must NOT have more than 256 characters`));
    expect(result.stderr).not.toContain(':2:');
    expect(result.stderr).toContain('3 of 5 rows do not fit the user schema; nothing was sent');
    expect(JSON.parse(result.stdout)).toMatchObject({ rows: 5, invalid: 3, created: 0 });
    expect(await usernamesIn(emulator.defaultPopulationId)).toEqual(before);

    const badPopulation = await runCli(
      ['users', 'import', file, '--population', 'Staff'],
      emulatorEnvironment(emulator),
    );
    expect(badPopulation.code).toBe(2);
    expect(badPopulation.stderr).toContain(
      '--population: expected the id (a UUID) of the population the users go to, got "Staff"',
    );

    // Without --dry-run the same file is refused as a whole, before any request.
    const refused = await runCli(
      ['users', 'import', file, '--population', emulator.defaultPopulationId],
      emulatorEnvironment(emulator),
    );
    expect(refused.code).toBe(1);
    expect(await usernamesIn(emulator.defaultPopulationId)).toEqual(before);
  });
});
