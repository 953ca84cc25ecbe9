import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commandEntries, commandTablePath, writeCommandTable } from './emit-command-table.js';
import { loadServiceDocument } from './spec-document.js';

const scratch = mkdtempSync(join(tmpdir(), 'pingone-sdk-command-table-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('command table of pingone api', () => {
  it('matches what the specs generate today (run `pnpm generate` and commit the result if this fails)', async () => {
    const fresh = join(scratch, 'commands.gen.ts');
    await writeCommandTable(fresh);
    expect(
      readFileSync(commandTablePath, 'utf8') === readFileSync(fresh, 'utf8'),
      'packages/cli/src/generated/commands.gen.ts is stale',
    ).toBe(true);
  }, 60_000);

  it('has one entry per operation of the spec, with its parameters and request view of the body', async () => {
    const document = await loadServiceDocument('management');
    const entries = commandEntries('management', document);
    const operationIds = Object.values(
      document.paths as Record<string, Record<string, { operationId?: string }>>,
    )
      .flatMap((item) => ['get', 'put', 'post', 'patch', 'delete'].map((method) => item[method]?.operationId))
      .filter((name) => name !== undefined);
    expect(entries.map((entry) => entry.name).sort()).toEqual(operationIds.sort());

    const getUser = entries.find((entry) => entry.name === 'getUser');
    expect(getUser).toMatchObject({
      method: 'GET',
      path: '/environments/{environmentId}/users/{userId}',
      list: false,
    });
    expect(getUser?.pathParameters.map((parameter) => parameter.name)).toEqual(['environmentId', 'userId']);
    expect(entries.find((entry) => entry.name === 'listUsers')?.list).toBe(true);
    // Actions chosen by media type keep their shared URL and name their own media type.
    expect(entries.find((entry) => entry.name === 'importUser')?.body?.contentType).toBe(
      'application/vnd.pingidentity.user.import+json',
    );
    expect(entries.find((entry) => entry.name === 'importUser')?.path).toBe(
      '/environments/{environmentId}/users',
    );
  });
});
