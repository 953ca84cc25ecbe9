/**
 * Prints the management README's coverage against the reference; `--write` puts it into the README.
 * Needs the reference folder (`../shared/reference` beside the repository, or PINGONE_REFERENCE_DIR).
 */

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { referenceRoot, repositoryRoot } from './conformance.js';
import {
  loadReferenceCoverage,
  referenceCoverageTable,
  withReferenceCoverage,
} from './reference-coverage.js';

if (!existsSync(referenceRoot)) {
  console.error(`The reference folder ${referenceRoot} is absent; set PINGONE_REFERENCE_DIR to use another.`);
  process.exit(1);
}
const table = referenceCoverageTable(await loadReferenceCoverage());
if (process.argv.includes('--write')) {
  const readmePath = join(repositoryRoot, 'packages', 'management', 'README.md');
  writeFileSync(readmePath, withReferenceCoverage(readFileSync(readmePath, 'utf8'), table));
  console.log(`wrote the coverage against the reference into ${readmePath}`);
} else {
  console.log(table);
}
