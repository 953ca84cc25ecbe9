import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { OpenApiDocument } from '@pingone-sdk/openapi';
import { commandTablePath, writeCommandTable } from './emit-command-table.js';
import { generateService, readmeWithCoverage, shippedSpec, shippedSpecPath } from './generate.js';
import { operationIdsPath, writeOperationIds } from './operation-ids.js';
import { findServices, repositoryRoot } from './services.js';

const started = performance.now();
const documents = new Map<string, OpenApiDocument>();
for (const service of findServices()) {
  const serviceStarted = performance.now();
  const document = await generateService(service);
  documents.set(service.name, document);
  const readme = readmeWithCoverage(service, document);
  if (readme !== undefined)
    writeFileSync(join(repositoryRoot, 'packages', service.name, 'README.md'), readme);
  writeFileSync(shippedSpecPath(service), await shippedSpec(service));
  const seconds = ((performance.now() - serviceStarted) / 1000).toFixed(1);
  console.log(`generated ${relative(repositoryRoot, service.outputPath)} in ${seconds} s`);
}
writeOperationIds(documents);
console.log(`wrote ${relative(repositoryRoot, operationIdsPath)}`);
await writeCommandTable();
console.log(`generated ${relative(repositoryRoot, commandTablePath)}`);
console.log(`all services generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
