import { expect, it } from 'vitest';
import { checkRelease } from './check-release.js';
import { repositoryRoot } from './repository-root.js';

// The check CI relies on: this repository against its own release tags and pending changesets.
it('this repository passes its release check', async () => {
  const { failures, notes } = await checkRelease({ repository: repositoryRoot });
  for (const note of notes) console.log(`release check: ${note}`);
  expect(failures, `release check failed:\n\n${failures.join('\n\n')}\n`).toEqual([]);
});
