import { checkRelease } from './check-release.js';
import { repositoryRoot } from './repository-root.js';

// The release check of this repository, readable in a terminal: `pnpm --filter @pingone-sdk/release check`.
// (`pnpm test` runs the same check as src/repository-release.test.ts.)
const started = Date.now();
const { failures, notes } = await checkRelease({ repository: repositoryRoot });
for (const note of notes) console.log(`release check: ${note}`);
if (failures.length > 0) {
  console.error(`\nrelease check failed:\n\n${failures.map((failure) => `- ${failure}`).join('\n\n')}\n`);
  process.exitCode = 1;
} else {
  console.log(`release check passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
