/**
 * Prints each package's coverage against its reference; `--write` puts every table into its package's
 * README and the summary into the root README. Needs the reference folder (`../shared/reference`
 * beside the repository, or PINGONE_REFERENCE_DIR).
 */

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { referenceRoot, repositoryRoot } from './conformance.js';
import {
  CoverageSources,
  coverageSummaryTable,
  curatedReports,
  loadReferenceCoverage,
  readmePathOf,
  referenceCoverageTable,
  referenceSummaryEnd,
  referenceSummaryStart,
  withReferenceCoverage,
} from './reference-coverage.js';

if (!existsSync(referenceRoot)) {
  console.error(`The reference folder ${referenceRoot} is absent; set PINGONE_REFERENCE_DIR to use another.`);
  process.exit(1);
}
const write = process.argv.includes('--write');
const sources = new CoverageSources();
const summaries = [];
for (const report of curatedReports()) {
  const coverage = await loadReferenceCoverage(report, curatedReports(), sources);
  summaries.push({ report, coverage });
  const table = referenceCoverageTable(coverage);
  if (write) {
    const readmePath = readmePathOf(report);
    writeFileSync(readmePath, withReferenceCoverage(readFileSync(readmePath, 'utf8'), table));
    console.log(`wrote the coverage against the reference into ${readmePath}`);
  } else {
    console.log(`${report.packageName}\n\n${table}\n`);
  }
}
const summary = coverageSummaryTable(summaries);
if (write) {
  const rootReadme = join(repositoryRoot, 'README.md');
  const markers = [referenceSummaryStart, referenceSummaryEnd] as const;
  writeFileSync(rootReadme, withReferenceCoverage(readFileSync(rootReadme, 'utf8'), summary, [...markers]));
  console.log(`wrote the summary into ${rootReadme}`);
} else {
  console.log(summary);
}
