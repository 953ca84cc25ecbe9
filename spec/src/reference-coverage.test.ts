import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceRoot, repositoryRoot } from './conformance.js';
import {
  loadReferenceCoverage,
  managementReferenceFiles,
  referenceCoverage,
  referenceCoverageEnd,
  referenceCoverageStart,
  referenceCoverageTable,
  type TaggedOperation,
  withReferenceCoverage,
} from './reference-coverage.js';

const operation = (method: string, shape: string, tag: string): TaggedOperation => ({ method, shape, tag });

describe('coverage against the reference', () => {
  const coverage = referenceCoverage(
    [
      {
        packageName: '@pingone-sdk/management',
        operations: [
          operation('get', '/users', 'Users'),
          // Two content-type actions on one URL cover one reference operation.
          operation('post', '/users/{}', 'Users'),
          operation('post', '/users/{}', 'User Accounts'),
          // Cited from PingOne's documentation, in no reference file.
          operation('get', '/cited', 'Users'),
          operation('get', '/snapshots', 'Snapshots'),
        ],
      },
      {
        packageName: '@pingone-sdk/images',
        operations: [operation('post', '/images', 'Images'), operation('get', '/elsewhere', 'Other')],
      },
    ],
    [
      {
        label: 'first.yml',
        operations: [
          operation('get', '/users', 'Users'),
          operation('post', '/users/{}', 'Users'),
          operation('post', '/images', 'Images'),
        ],
      },
      {
        label: 'second.yaml',
        operations: [
          operation('get', '/users', 'Users'),
          operation('get', '/snapshots', 'Snapshots'),
          operation('post', '/flows/{}', 'Flows'),
          operation('post', '/flows/{}', 'Flows'),
          operation('get', '/variables', 'Variables'),
        ],
      },
    ],
  );

  it('counts each reference operation once, in the first file and the first family covering it', () => {
    const row = (family: string) => coverage.rows.find((candidate) => candidate.family === family);
    expect(row('Users')).toMatchObject({ ours: 3, covered: true, perFile: [2, 0] });
    expect(row('User Accounts')).toMatchObject({ ours: 1, covered: true, perFile: [0, 0] });
    expect(row('Snapshots')).toMatchObject({ ours: 1, perFile: [0, 1] });
    expect(coverage.totalPerFile).toEqual([3, 4]);
    expect(coverage.oursTotal).toBe(5);
  });

  it("names another package's family only where it covers the reference, and groups what nobody covers by tag", () => {
    expect(coverage.rows.map((row) => [row.family, row.packageName ?? '', row.covered])).toEqual([
      ['Users', '', true],
      ['User Accounts', '', true],
      ['Snapshots', '', true],
      ['Images', '@pingone-sdk/images', true],
      ['Flows', '', false],
      ['Variables', '', false],
    ]);
    expect(coverage.rows.find((row) => row.family === 'Flows')?.perFile).toEqual([0, 2]);
  });

  it('renders covered, uncovered and total rows against each file', () => {
    const lines = referenceCoverageTable(coverage).split('\n');
    expect(lines[0]).toBe('| Family | Operations | Reference operations covered | first.yml | second.yaml |');
    expect(lines).toContain('| Images (`@pingone-sdk/images`) | 1 | 1 | 1 | 0 |');
    expect(lines).toContain('| Flows (reference tag) | 0 | 0 of 2 | 0 | 2 |');
    expect(lines.at(-1)).toBe('| **Total** | **5** | **4 of 7** | **3 of 3** | **1 of 4** |');
  });

  it('replaces only the marked section and refuses a README without the markers', () => {
    const readme = `# Title\n\n${referenceCoverageStart}\nold\n${referenceCoverageEnd}\nafter\n`;
    expect(withReferenceCoverage(readme, '| new |')).toBe(
      `# Title\n\n${referenceCoverageStart}\n\n| new |\n\n${referenceCoverageEnd}\nafter\n`,
    );
    expect(() => withReferenceCoverage('# Title\n', '| new |')).toThrow(/missing the markers/);
  });
});

const referencePresent = managementReferenceFiles.every((file) => existsSync(join(referenceRoot, file.path)));
if (!referencePresent) {
  console.log(
    `reference coverage: skipped, the reference files under ${referenceRoot} are absent (set PINGONE_REFERENCE_DIR to use another).`,
  );
}

describe.skipIf(!referencePresent)('the management README', () => {
  it('carries the current coverage against the reference (refresh: pnpm --filter @pingone-sdk/spec coverage-table --write)', async () => {
    const readmePath = join(repositoryRoot, 'packages', 'management', 'README.md');
    const readme = readFileSync(readmePath, 'utf8');
    const table = referenceCoverageTable(await loadReferenceCoverage());
    expect(readme).toBe(withReferenceCoverage(readme, table));
  }, 120_000);
});
