// Writes package.json's version into src/version.ts; `pnpm version-packages` runs it after changesets
// bumps the version, so the User-Agent always names the version being published.
import { readFileSync, writeFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const target = new URL('../src/version.ts', import.meta.url);
const source = readFileSync(target, 'utf8').replace(
  /export const version = '[^']*';/,
  `export const version = '${version}';`,
);
writeFileSync(target, source);
