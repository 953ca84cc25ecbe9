import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkRelease } from './check-release.js';
import { loadSpecDocument } from './load-spec-document.js';
import type { JsonObject } from './openapi-document.js';
import { FixtureRepository, widgetsSpec } from './test-support/fixture-repository.js';

// The fixture's spec is one JSON file: reading it directly keeps these tests fast (redocly takes
// seconds per run); one test below goes through the generator's real bundling.
const readJson = (folder: string) =>
  JSON.parse(readFileSync(join(folder, 'openapi.yaml'), 'utf8')) as JsonObject;

let fixture: FixtureRepository;
beforeEach(() => {
  fixture = new FixtureRepository();
});
afterEach(() => fixture.dispose());

function check(checkSurfaces = false) {
  return checkRelease({ repository: fixture.root, loadSpec: readJson, checkSurfaces });
}

function removeDeleteWidget(): void {
  const spec = widgetsSpec() as { paths: Record<string, Record<string, unknown>> };
  delete spec.paths['/widgets/{widgetId}']?.delete;
  fixture.writeSpec(spec);
  fixture.write('packages/widgets/src/generated/index.ts', 'export const generation = 2;\n');
}

const removedFailure =
  'spec/widgets changed since @pingone-sdk/widgets@1.2.0: operation deleteWidget removed (was DELETE /widgets/{widgetId}) (major); ' +
  'packages/widgets/src/generated changed since @pingone-sdk/widgets@1.2.0; ' +
  'add a changeset: `pnpm changeset` and choose major for @pingone-sdk/widgets';

describe('checkRelease', () => {
  it('passes and says so when nothing was released yet', async () => {
    removeDeleteWidget();
    const result = await check();
    expect(result.failures).toEqual([]);
    expect(result.notes).toContain(
      '@pingone-sdk/widgets: no previous release (no tag @pingone-sdk/widgets@*), nothing to compare against',
    );
  });

  it('passes when nothing changed since the release', async () => {
    fixture.release('1.2.0');
    expect((await check()).failures).toEqual([]);
  });

  it('fails when an operation was removed since the release and no changeset says major', async () => {
    fixture.release('1.2.0');
    removeDeleteWidget();
    expect((await check()).failures).toEqual([removedFailure]);
  });

  it('fails when the pending changesets declare a lower level', async () => {
    fixture.release('1.2.0');
    removeDeleteWidget();
    fixture.write(
      '.changeset/quiet-owls.md',
      "---\n'@pingone-sdk/widgets': minor\n---\n\nRemove deleteWidget.\n",
    );
    expect((await check()).failures).toEqual([
      `${removedFailure} (.changeset/quiet-owls.md only declares minor)`,
    ]);
  });

  it('passes when a changeset declares the level', async () => {
    fixture.release('1.2.0');
    removeDeleteWidget();
    fixture.write('.changeset/quiet-owls.md', "---\n'@pingone-sdk/widgets': minor\n---\n\nA.\n");
    fixture.write('.changeset/loud-owls.md', '---\n"@pingone-sdk/widgets": major\n---\n\nB.\n');
    expect(await check()).toMatchObject({ failures: [] });
    expect((await check()).notes).toContain(
      '@pingone-sdk/widgets: major changes since @pingone-sdk/widgets@1.2.0, covered by a major bump',
    );
  });

  it('passes when the version was already raised (the "Version Packages" pull request)', async () => {
    fixture.release('1.2.0');
    removeDeleteWidget();
    const manifest = JSON.parse(readFileSync(join(fixture.root, 'packages/widgets/package.json'), 'utf8'));
    fixture.write('packages/widgets/package.json', JSON.stringify({ ...manifest, version: '2.0.0' }));
    expect((await check()).failures).toEqual([]);
  });

  it('asks for at least a patch when only generated code changed', async () => {
    fixture.release('1.2.0');
    fixture.write('packages/widgets/src/generated/index.ts', 'export const generation = 2;\n');
    expect((await check()).failures).toEqual([
      'packages/widgets/src/generated changed since @pingone-sdk/widgets@1.2.0; add a changeset: `pnpm changeset` and choose patch for @pingone-sdk/widgets',
    ]);
    fixture.write('.changeset/tidy-owls.md', "---\n'@pingone-sdk/widgets': patch\n---\n\nRegenerated.\n");
    expect((await check()).failures).toEqual([]);
  });

  it('sees uncommitted and committed changes alike', async () => {
    fixture.release('1.2.0');
    removeDeleteWidget();
    fixture.commit('remove deleteWidget');
    expect((await check()).failures).toEqual([removedFailure]);
  });

  it('compares with the highest released version, not the last tag in name order', async () => {
    fixture.release('1.9.0');
    removeDeleteWidget();
    fixture.commit('remove deleteWidget');
    fixture.release('1.10.0');
    expect((await check()).failures).toEqual([]);
  });

  it('ignores release tags of other branches', async () => {
    fixture.run('checkout', '--quiet', '-b', 'elsewhere');
    removeDeleteWidget();
    fixture.commit('elsewhere');
    fixture.release('9.0.0');
    fixture.run('checkout', '--quiet', 'main');
    fixture.release('1.2.0');
    removeDeleteWidget();
    expect((await check()).failures).toEqual([removedFailure]);
  });

  it('rejects a changeset for a package the workspace does not have', async () => {
    fixture.write('.changeset/typo.md', "---\n'@pingone-sdk/widget': patch\n---\n\nTypo.\n");
    expect((await check()).failures).toEqual([
      '.changeset/typo.md names @pingone-sdk/widget, which is not a workspace package',
    ]);
  });

  it('reads the released spec with the generator’s own bundling', async () => {
    fixture.release('1.2.0');
    removeDeleteWidget();
    const result = await checkRelease({
      repository: fixture.root,
      loadSpec: loadSpecDocument,
      checkSurfaces: false,
    });
    expect(result.failures).toEqual([removedFailure]);
  });

  describe('public surface', () => {
    it('requires major when the released surface test no longer type-checks', async () => {
      fixture.release('1.2.0');
      // deleteWidget leaves the build; today's surface test was updated, the released one was not.
      fixture.write(
        'packages/widgets/dist/index.d.ts',
        'export declare function listWidgets(): Promise<string[]>;\n',
      );
      fixture.write(
        'tools/release/surface/widgets.surface.ts',
        "import { listWidgets } from '@pingone-sdk/widgets';\n\nexport const use = (): Promise<string[]> => listWidgets();\n",
      );
      const [failure, ...others] = (await check(true)).failures;
      expect(others).toEqual([]);
      expect(failure).toMatch(
        /^tools\/release\/surface\/widgets\.surface\.ts of @pingone-sdk\/widgets@1\.2\.0 no longer type-checks: line 1:10: .*deleteWidget.*; add a changeset: `pnpm changeset` and choose major for @pingone-sdk\/widgets$/,
      );
    });

    it('fails when the current surface test does not type-check, even before a release', async () => {
      fixture.write(
        'packages/widgets/dist/index.d.ts',
        'export declare function listWidgets(): Promise<string[]>;\n',
      );
      const [failure, ...others] = (await check(true)).failures;
      expect(others).toEqual([]);
      expect(failure).toMatch(
        /^tools\/release\/surface\/widgets\.surface\.ts does not type-check against the current build: line 1:10: .*deleteWidget/,
      );
    });

    it('passes when released and current surface tests type-check', async () => {
      fixture.release('1.2.0');
      expect((await check(true)).failures).toEqual([]);
    });
  });
});
