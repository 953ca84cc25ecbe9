import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { matrixTable, tableEnd, tableStart } from './matrix-table.js';

it("the root README's fault matrix is the one the tests run", () => {
  const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf(tableStart);
  const end = readme.indexOf(tableEnd);
  expect(start, 'README.md lacks the fault-matrix markers').toBeGreaterThan(-1);
  expect(
    readme.slice(start, end + tableEnd.length),
    'README.md is stale: run `pnpm --filter @pingone-sdk/reliability matrix-table` and paste its output',
  ).toBe(matrixTable());
});
