import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceRoot, repositoryRoot } from './conformance.js';
import {
  CoverageSources,
  coverageSummaryTable,
  curatedReports,
  loadReferenceCoverage,
  readmePathOf,
  referenceCoverage,
  referenceCoverageEnd,
  referenceCoverageStart,
  referenceCoverageTable,
  referenceSummaryEnd,
  referenceSummaryStart,
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

  it("sums a table up in one root README row, counting only the package's own covered operations", () => {
    const report = {
      service: 'management',
      packageName: '@pingone-sdk/management',
      references: [
        { label: 'first.yml', path: 'first.yml' },
        { label: 'second.yaml', path: 'second.yaml' },
      ],
    };
    expect(coverageSummaryTable([{ report, coverage }]).split('\n').at(-1)).toBe(
      '| [`@pingone-sdk/management`](packages/management/README.md#coverage-against-the-reference) | first.yml, second.yaml | 5 | 3 of 7 | 4 of 7 |',
    );
  });

  it('replaces only the marked section and refuses a README without the markers', () => {
    const readme = `# Title\n\n${referenceCoverageStart}\nold\n${referenceCoverageEnd}\nafter\n`;
    expect(withReferenceCoverage(readme, '| new |')).toBe(
      `# Title\n\n${referenceCoverageStart}\n\n| new |\n\n${referenceCoverageEnd}\nafter\n`,
    );
    expect(() => withReferenceCoverage('# Title\n', '| new |')).toThrow(/missing the markers/);
  });
});

const referencePresent = existsSync(referenceRoot);
if (!referencePresent) {
  console.log(
    `reference coverage: skipped, the reference folder ${referenceRoot} is absent (set PINGONE_REFERENCE_DIR to use another).`,
  );
}

describe.skipIf(!referencePresent)(
  'the READMEs (refresh: pnpm --filter @pingone-sdk/spec coverage-table --write)',
  () => {
    // Each curated spec and reference file is read once for all the tables.
    const sources = new CoverageSources();

    it.each(curatedReports())(
      '$packageName carries its current coverage against $references.0.label',
      async (report) => {
        const readme = readFileSync(readmePathOf(report), 'utf8');
        const coverage = await loadReferenceCoverage(report, curatedReports(), sources);
        expect(readme).toBe(withReferenceCoverage(readme, referenceCoverageTable(coverage)));
      },
      120_000,
    );

    it('the root README carries the summary of every table', async () => {
      const summaries = await Promise.all(
        curatedReports().map(async (report) => ({
          report,
          coverage: await loadReferenceCoverage(report, curatedReports(), sources),
        })),
      );
      const readme = readFileSync(join(repositoryRoot, 'README.md'), 'utf8');
      const table = coverageSummaryTable(summaries);
      expect(readme).toBe(withReferenceCoverage(readme, table, [referenceSummaryStart, referenceSummaryEnd]));
    }, 120_000);
  },
);
