import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from './repository-root.js';
import { listPublishedPackages } from './workspace-packages.js';

const read = (path: string) => readFileSync(join(repositoryRoot, path), 'utf8');
const changesetConfig = JSON.parse(read('.changeset/config.json')) as {
  changelog: unknown;
  access: string;
  baseBranch: string;
  ignore: string[];
};

describe('release configuration', () => {
  it('writes a CHANGELOG.md per package and publishes publicly from main', () => {
    expect(changesetConfig.changelog).not.toBe(false);
    expect(changesetConfig.access).toBe('public');
    expect(changesetConfig.baseBranch).toBe('main');
  });

  it.each(listPublishedPackages(repositoryRoot))('ships the changelog and provenance of $name', (item) => {
    const manifest = JSON.parse(readFileSync(join(item.directory, 'package.json'), 'utf8')) as {
      files?: string[];
      publishConfig?: { provenance?: boolean };
    };
    expect(manifest.files).toContain('CHANGELOG.md');
    expect(manifest.publishConfig?.provenance).toBe(true);
    expect(changesetConfig.ignore).not.toContain(item.name);
  });

  it('has thin root scripts to version and to publish', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['version-packages']).toBe('changeset version && turbo run sync-version');
    expect(scripts.release).toBe('turbo run build && changeset publish');
  });

  it('releases from a workflow with the changesets action and npm provenance', () => {
    const workflow = read('.github/workflows/release.yml');
    expect(workflow).toMatch(/uses: changesets\/action@[0-9a-f]{40} # v\d+\.\d+\.\d+/);
    expect(workflow).toContain('publish: pnpm release');
    expect(workflow).toContain('version: pnpm version-packages');
    expect(workflow).toContain('NPM_CONFIG_PROVENANCE: true');
    expect(workflow).toContain('id-token: write');
  });
});
