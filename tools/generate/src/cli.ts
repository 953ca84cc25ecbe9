import { relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateService } from './generate.js';
import { findServices, repositoryRoot } from './services.js';

const started = performance.now();
for (const service of findServices()) {
  const serviceStarted = performance.now();
  await generateService(service);
  const seconds = ((performance.now() - serviceStarted) / 1000).toFixed(1);
  console.log(`generated ${relative(repositoryRoot, service.outputPath)} in ${seconds} s`);
}
console.log(`all services generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
