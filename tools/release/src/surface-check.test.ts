import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from './repository-root.js';
import { surfacePath, typeCheckSurfaces } from './surface-check.js';
import { listPublishedPackages } from './workspace-packages.js';

const packages = listPublishedPackages(repositoryRoot);
const core = packages.find((item) => item.name === '@pingone-sdk/core');
const coreSurface = { packageName: '@pingone-sdk/core', path: join(repositoryRoot, surfacePath('core')) };
const scratch = mkdtempSync(join(tmpdir(), 'pingone-sdk-surface-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * A copy of core's built entry point without one exported name: the rest of its declarations still
 * come from the real build (relative specifiers made absolute).
 */
function coreEntryWithout(name?: string): string {
  if (core === undefined) throw new Error('@pingone-sdk/core not found');
  const built = join(core.directory, 'dist');
  const original = readFileSync(core.typesEntry, 'utf8').replaceAll(/from '\.\//g, `from '${built}/`);
  if (name === undefined) return writeEntry('core-copy.d.ts', original);
  const edited = original.replace(new RegExp(`(?<=[{,]\\s*)${name}\\s*,`), '');
  expect(edited, `${name} is not exported by name from ${core.typesEntry}`).not.toBe(original);
  return writeEntry(`core-without-${name}.d.ts`, edited);
}

function writeEntry(fileName: string, text: string): string {
  const entry = join(scratch, fileName);
  writeFileSync(entry, text);
  return entry;
}

describe('typeCheckSurfaces', () => {
  it('accepts the core surface test against a faithful copy of the build', () => {
    expect(typeCheckSurfaces([coreSurface], new Map([['@pingone-sdk/core', coreEntryWithout()]]))).toEqual(
      [],
    );
  });

  it('fails the core surface test when the build stops exporting a name it uses', () => {
    const problems = typeCheckSurfaces(
      [coreSurface],
      new Map([['@pingone-sdk/core', coreEntryWithout('paginate')]]),
    );
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ packageName: '@pingone-sdk/core', file: coreSurface.path });
    expect(problems.map((problem) => problem.message).join('\n')).toMatch(
      /has no exported member named 'paginate'/,
    );
  });

  it('has a surface test for every published package', () => {
    expect(packages.map((item) => surfacePath(item.shortName)).sort()).toEqual([
      'tools/release/surface/auth.surface.ts',
      'tools/release/surface/authorize.surface.ts',
      'tools/release/surface/core.surface.ts',
      'tools/release/surface/credentials.surface.ts',
      'tools/release/surface/davinci.surface.ts',
      'tools/release/surface/emulator.surface.ts',
      'tools/release/surface/images.surface.ts',
      'tools/release/surface/management.surface.ts',
      'tools/release/surface/mfa.surface.ts',
      'tools/release/surface/openapi.surface.ts',
      'tools/release/surface/protect.surface.ts',
      'tools/release/surface/verify.surface.ts',
    ]);
  });
});
