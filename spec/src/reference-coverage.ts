/**
 * Coverage against the reference: how many of the reference's operations each family of ours covers.
 *
 * 1. An operation of ours covers a reference operation with the same method and path shape (parameter
 *    names erased), the rule the conformance check uses.
 * 2. A reference operation listed in several reference files is counted once, in the first file that has
 *    it; operations sharing a URL inside one file (content-type actions) stay separate operations.
 * 3. A reference operation covered by several of our families counts for the first of them, so the rows
 *    add up to the totals.
 * 4. Our operations are counted as the generator sees them, content-type actions apart (one per
 *    function), so the counts agree with the generated coverage table.
 * 5. Families of other curated packages appear only where they cover reference operations, named with
 *    their package; reference operations nobody covers are grouped by the reference's own tag.
 * 6. Each package of the api host has its own table, against its own reference files; the root README
 *    sums every table up in one row per package.
 *
 * The tables live in the READMEs between their own markers, apart from the generator's table, so
 * `pnpm generate` never needs the reference folder; a test fails when a README's copy is stale.
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expandActions, listOperations, type OpenApiDocument } from '@pingone-sdk/openapi';
import { bundleCurated, loadReference, pathShape, repositoryRoot, specRoot } from './conformance.js';

export const referenceCoverageStart =
  '<!-- reference-coverage:start (written by `pnpm --filter @pingone-sdk/spec coverage-table --write`; do not edit) -->';
export const referenceCoverageEnd = '<!-- reference-coverage:end -->';
export const referenceSummaryStart =
  '<!-- reference-summary:start (written by `pnpm --filter @pingone-sdk/spec coverage-table --write`; do not edit) -->';
export const referenceSummaryEnd = '<!-- reference-summary:end -->';

/** A reference document and the name its column carries. */
export interface ReferenceFile {
  label: string;
  /** Relative to the reference folder. */
  path: string;
}

const goSdkModule = (module: string): ReferenceFile => ({
  label: `pingone-${module}.yml`,
  path: `pingone-openapi/pingone-go-sdk-v2/pingone-${module}.yml`,
});
const goClient: ReferenceFile = {
  label: 'go-client openapi.yaml',
  path: 'pingone-openapi/pingone-go-client/openapi.yaml',
};

/** One package README's table: the package's service and the reference files it is held to. */
export interface CoverageReport {
  service: string;
  packageName: string;
  references: ReferenceFile[];
}

/** The api host's packages and their references, in the order the root README lists them. */
export const coverageReports: CoverageReport[] = [
  {
    service: 'management',
    packageName: '@pingone-sdk/management',
    references: [goSdkModule('management'), goClient],
  },
  { service: 'mfa', packageName: '@pingone-sdk/mfa', references: [goSdkModule('mfa')] },
  { service: 'authorize', packageName: '@pingone-sdk/authorize', references: [goSdkModule('authorize')] },
  { service: 'protect', packageName: '@pingone-sdk/protect', references: [goSdkModule('risk')] },
  { service: 'verify', packageName: '@pingone-sdk/verify', references: [goSdkModule('verify')] },
  {
    service: 'credentials',
    packageName: '@pingone-sdk/credentials',
    references: [goSdkModule('credentials')],
  },
  { service: 'davinci', packageName: '@pingone-sdk/davinci', references: [goClient] },
];

/** Packages without a table of their own whose families still show in the tables they cover. */
export const companionPackages = [{ service: 'images', packageName: '@pingone-sdk/images' }];

/** The reports whose service has a curated spec in this checkout. */
export function curatedReports(reports: CoverageReport[] = coverageReports): CoverageReport[] {
  return reports.filter(({ service }) => existsSync(join(specRoot, service, 'openapi.yaml')));
}

/** Where a report's table is written. */
export const readmePathOf = (report: CoverageReport) =>
  join(repositoryRoot, 'packages', report.service, 'README.md');

/** An operation reduced to what coverage compares. */
export interface TaggedOperation {
  method: string;
  shape: string;
  tag: string;
}

export interface CuratedFamilies {
  packageName: string;
  operations: TaggedOperation[];
}

export interface CoverageRow {
  family: string;
  /** Set for a family of a package other than the first, or `undefined`. */
  packageName: string | undefined;
  /** Operations of ours in the family; 0 for a reference tag nobody covers. */
  ours: number;
  covered: boolean;
  /** Reference operations in the row, per reference file (after counting shared ones once). */
  perFile: number[];
}

export interface ReferenceCoverage {
  files: string[];
  rows: CoverageRow[];
  /** Reference operations per file, after counting shared ones once. */
  totalPerFile: number[];
  oursTotal: number;
}

const keyOf = (operation: { method: string; shape: string }) => `${operation.method} ${operation.shape}`;

/** Applies the rules above to already-loaded operations (first package = the README's package). */
export function referenceCoverage(
  curated: CuratedFamilies[],
  references: Array<{ label: string; operations: TaggedOperation[] }>,
): ReferenceCoverage {
  const rows: CoverageRow[] = [];
  const ownerOf = new Map<string, CoverageRow>();
  const primary = curated[0]?.packageName;
  for (const { packageName, operations } of curated) {
    for (const operation of operations) {
      const other = packageName === primary ? undefined : packageName;
      let row = rows.find(
        (candidate) => candidate.family === operation.tag && candidate.packageName === other,
      );
      if (!row) {
        row = { family: operation.tag, packageName: other, ours: 0, covered: true, perFile: [] };
        rows.push(row);
      }
      row.ours += 1;
      if (!ownerOf.has(keyOf(operation))) ownerOf.set(keyOf(operation), row);
    }
  }
  for (const row of rows) row.perFile = references.map(() => 0);
  const counted = new Set<string>();
  const totalPerFile = references.map(() => 0);
  const uncovered: CoverageRow[] = [];
  references.forEach(({ operations }, fileIndex) => {
    const inThisFile = new Set<string>();
    for (const operation of operations) {
      const key = keyOf(operation);
      if (counted.has(key)) continue;
      inThisFile.add(key);
      totalPerFile[fileIndex] = (totalPerFile[fileIndex] ?? 0) + 1;
      let row = ownerOf.get(key);
      if (!row) {
        row = uncovered.find((candidate) => candidate.family === operation.tag);
        if (!row) {
          const perFile = references.map(() => 0);
          row = { family: operation.tag, packageName: undefined, ours: 0, covered: false, perFile };
          uncovered.push(row);
        }
      }
      row.perFile[fileIndex] = (row.perFile[fileIndex] ?? 0) + 1;
    }
    for (const key of inThisFile) counted.add(key);
  });
  const shown = rows.filter((row) => row.packageName === undefined || row.perFile.some((count) => count > 0));
  return {
    files: references.map(({ label }) => label),
    rows: [...shown, ...uncovered],
    totalPerFile,
    oursTotal: shown.filter((row) => row.packageName === undefined).reduce((sum, row) => sum + row.ours, 0),
  };
}

const sum = (counts: number[]) => counts.reduce((total, count) => total + count, 0);

/** Renders the coverage as a Markdown table. */
export function referenceCoverageTable(coverage: ReferenceCoverage): string {
  const fileHeads = coverage.files.map((file) => ` ${file} |`).join('');
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
  const coveredPerFile = coverage.files.map((_, index) =>
    sum(coverage.rows.filter((row) => row.covered).map((row) => row.perFile[index] ?? 0)),
  );
  const body = coverage.rows.map((row) => {
    const family = row.packageName
      ? `${row.family} (\`${row.packageName}\`)`
      : row.covered
        ? row.family
        : `${row.family} (reference tag)`;
    const reference = row.covered ? sum(row.perFile) : `0 of ${sum(row.perFile)}`;
    return line([family, row.ours, reference, ...row.perFile]);
  });
  const bold = (value: string | number) => `**${value}**`;
  return [
    `| Family | Operations | Reference operations covered |${fileHeads}`,
    `| --- | ---: | ---: |${coverage.files.map(() => ' ---: |').join('')}`,
    ...body,
    line([
      bold('Total'),
      bold(coverage.oursTotal),
      bold(`${sum(coveredPerFile)} of ${sum(coverage.totalPerFile)}`),
      ...coveredPerFile.map((covered, index) => bold(`${covered} of ${coverage.totalPerFile[index]}`)),
    ]),
  ].join('\n');
}

/** Replaces the marked section of `readme` with `table`; fails loudly without the markers. */
export function withReferenceCoverage(
  readme: string,
  table: string,
  [startMarker, endMarker] = [referenceCoverageStart, referenceCoverageEnd],
): string {
  const start = readme.indexOf(startMarker);
  const end = readme.indexOf(endMarker);
  if (start === -1 || end < start) {
    throw new Error(`README is missing the markers:\n${startMarker}\n${endMarker}`);
  }
  return `${readme.slice(0, start + startMarker.length)}\n\n${table}\n\n${readme.slice(end)}`;
}

function taggedOperations(document: OpenApiDocument): TaggedOperation[] {
  return listOperations(document).map(({ method, pathKey, operation }) => ({
    method,
    shape: pathShape(pathKey),
    tag: operation.tags?.[0] ?? 'Other',
  }));
}

/** Operations of the curated services and reference files, each read once for every report. */
export class CoverageSources {
  readonly #curated = new Map<string, Promise<TaggedOperation[]>>();
  readonly #references = new Map<string, TaggedOperation[]>();

  /** Content-type actions expanded, as the generator does: one operation per function. */
  curated(service: string): Promise<TaggedOperation[]> {
    let operations = this.#curated.get(service);
    if (!operations) {
      operations = bundleCurated(service).then((document) => taggedOperations(expandActions(document)));
      this.#curated.set(service, operations);
    }
    return operations;
  }

  reference(path: string): TaggedOperation[] {
    let operations = this.#references.get(path);
    if (!operations) {
      operations = taggedOperations(loadReference(path));
      this.#references.set(path, operations);
    }
    return operations;
  }
}

/**
 * Reads one report's coverage: its package first, then every other package of `reports` (the ones
 * whose specs exist), so that another package's families covering this reference show as its rows.
 */
export async function loadReferenceCoverage(
  report: CoverageReport = coverageReports[0] as CoverageReport,
  reports: CoverageReport[] = curatedReports(),
  sources = new CoverageSources(),
): Promise<ReferenceCoverage> {
  const packages = [
    report,
    ...reports.filter((other) => other.service !== report.service),
    ...companionPackages.filter(({ service }) => existsSync(join(specRoot, service, 'openapi.yaml'))),
  ];
  const curated = await Promise.all(
    packages.map(async ({ service, packageName }) => ({
      packageName,
      operations: await sources.curated(service),
    })),
  );
  const references = report.references.map(({ label, path }) => ({
    label,
    operations: sources.reference(path),
  }));
  return referenceCoverage(curated, references);
}

/**
 * The root README's summary: one row per package, its functions, the reference operations it covers
 * itself, and those every package together covers.
 */
export function coverageSummaryTable(
  summaries: Array<{ report: CoverageReport; coverage: ReferenceCoverage }>,
): string {
  const coveredBy = (coverage: ReferenceCoverage, rows: CoverageRow[]) =>
    `${sum(rows.map((row) => sum(row.perFile)))} of ${sum(coverage.totalPerFile)}`;
  const rows = summaries.map(({ report, coverage }) => {
    const covered = coverage.rows.filter((row) => row.covered);
    const own = covered.filter((row) => row.packageName === undefined);
    const anchor = `packages/${report.service}/README.md#coverage-against-the-reference`;
    const references = report.references.map((file) => file.label).join(', ');
    return `| [\`${report.packageName}\`](${anchor}) | ${references} | ${coverage.oursTotal} | ${coveredBy(coverage, own)} | ${coveredBy(coverage, covered)} |`;
  });
  return [
    '| Package | Reference | Functions | Reference operations it covers | … with the other packages |',
    '| --- | --- | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}
