import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkReports } from './check-reports.js';

// A scratch repository with one package whose "declarations" are whatever `surface` holds.
let repository: string;
let surface: string;
const packageFolder = () => join(repository, 'packages', 'widget');
const extract = () => surface;
const run = (args: string[]) => execFileSync('git', args, { cwd: repository, stdio: 'pipe' });
const commit = (message: string) => {
  run(['add', '-A']);
  run(['commit', '-qm', message]);
};
const check = (update = false) => checkReports(packageFolder(), { update, extract, environment: {} });
const manifest = (version: string) =>
  JSON.stringify({
    name: '@scope/widget',
    version,
    exports: {
      '.': { types: './dist/index.d.ts' },
      './internal': { types: './dist/internal/index.d.ts' },
      './data.json': './data.json',
    },
  });
const changeset = (name: string, packageName: string) =>
  writeFileSync(join(repository, '.changeset', name), `---\n"${packageName}": minor\n---\n\nA change.\n`);

beforeEach(() => {
  repository = mkdtempSync(join(tmpdir(), 'api-report-test-'));
  run(['init', '-q', '-b', 'main']);
  run(['config', 'user.email', 'test@example.com']);
  run(['config', 'user.name', 'test']);
  mkdirSync(packageFolder(), { recursive: true });
  mkdirSync(join(repository, '.changeset'));
  writeFileSync(join(repository, '.changeset', 'README.md'), 'Changesets.\n');
  writeFileSync(join(packageFolder(), 'package.json'), manifest('1.0.0'));
  surface = 'export function one(): void;\n';
  check(true);
  commit('first');
  run(['checkout', '-qb', 'feature']);
});
afterEach(() => rmSync(repository, { recursive: true, force: true }));

describe('checkReports', () => {
  it('writes one report per typed export, internal subpaths apart', () => {
    expect(check().reports.sort()).toEqual(['api/widget-internal.api.md', 'api/widget.api.md']);
    expect(check().failures).toEqual([]);
  });

  it('fails with the fix command when the declarations changed and the report was not regenerated', () => {
    surface = 'export function two(): void;\n';
    expect(check().failures).toContainEqual(
      'api/widget.api.md differs from the built declarations: run `pnpm --filter @scope/widget api-report --update`',
    );
  });

  it('fails when a regenerated public report changed on the branch without a changeset for the package', () => {
    surface = 'export function two(): void;\n';
    check(true);
    commit('change the surface');
    const { failures } = check();
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(
      /packages\/widget\/api\/widget\.api\.md changed .* no changeset names @scope\/widget/,
    );
  });

  it('passes once a changeset naming the package is added, committed or not', () => {
    surface = 'export function two(): void;\n';
    check(true);
    commit('change the surface');
    changeset('other.md', '@scope/other');
    expect(check().failures).toHaveLength(1);
    changeset('widget.md', '@scope/widget');
    expect(check().failures).toEqual([]);
    commit('add the changeset');
    expect(check().failures).toEqual([]);
  });

  it('does not count a changeset that was already there at the base', () => {
    changeset('old.md', '@scope/widget');
    run(['checkout', '-q', 'main']);
    commit('an older pending changeset');
    run(['checkout', '-qb', 'second']);
    surface = 'export function three(): void;\n';
    check(true);
    commit('change the surface');
    // Both reports changed (they share the fake surface); only the public one needs a changeset.
    expect(check().failures).toEqual([expect.stringMatching(/widget\.api\.md changed .* @scope\/widget/)]);
  });

  it('passes on main when the last commit left the reports alone', () => {
    run(['checkout', '-q', 'main']);
    writeFileSync(join(repository, 'notes.md'), 'Unrelated.\n');
    commit('unrelated change on main');
    expect(check().failures).toEqual([]);
  });

  it('compares main with its first parent, and lets the release commit (a new version) through', () => {
    run(['checkout', '-q', 'main']);
    surface = 'export function two(): void;\n';
    check(true);
    commit('change on main');
    expect(check().failures).toHaveLength(1);
    writeFileSync(join(packageFolder(), 'package.json'), manifest('1.1.0'));
    expect(check().failures).toEqual([]);
  });
});
