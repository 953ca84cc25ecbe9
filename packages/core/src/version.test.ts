import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { version } from './version.js';

it('equals the version in package.json', () => {
  const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  expect(version).toBe(packageJson.version);
  expect(version).toMatch(/^\d+\.\d+\.\d+(?:-[\w.]+)?$/);
});
