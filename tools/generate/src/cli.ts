import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateService, readmeWithCoverage, shippedSpec, shippedSpecPath } from './generate.js';
import { findServices, repositoryRoot } from './services.js';

const started = performance.now();
for (const service of findServices()) {
  const serviceStarted = performance.now();
  const document = await generateService(service);
  const readme = readmeWithCoverage(service, document);
  if (readme !== undefined)
    writeFileSync(join(repositoryRoot, 'packages', service.name, 'README.md'), readme);
  writeFileSync(shippedSpecPath(service), shippedSpec(service));
  const seconds = ((performance.now() - serviceStarted) / 1000).toFixed(1);
  console.log(`generated ${relative(repositoryRoot, service.outputPath)} in ${seconds} s`);
}
console.log(`all services generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
