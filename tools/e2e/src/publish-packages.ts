/**
 * Packs and publishes every publishable workspace package to the local registry with `pnpm publish`,
 * which rewrites `workspace:` ranges into real versions exactly as a release would.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { LocalRegistry } from './local-registry.js';
import { cleanEnvironment, runChecked } from './run-command.js';

export interface WorkspacePackage {
  name: string;
  version: string;
  path: string;
}

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  exports?: Record<string, unknown>;
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** The packages that must reach the registry; finding fewer than these means discovery is broken. */
export const requiredPackages = [
  '@pingone-sdk/core',
  '@pingone-sdk/management',
  '@pingone-sdk/auth',
  '@pingone-sdk/images',
  '@pingone-sdk/mfa',
  '@pingone-sdk/authorize',
  '@pingone-sdk/protect',
  '@pingone-sdk/verify',
  '@pingone-sdk/credentials',
  '@pingone-sdk/davinci',
  '@pingone-sdk/emulator',
  '@pingone-sdk/cli',
];

/** Every workspace package not marked `private`, as pnpm sees the workspace. */
export async function findPublishablePackages(root: string): Promise<WorkspacePackage[]> {
  const { stdout } = await runChecked('pnpm', ['ls', '--recursive', '--depth', '-1', '--json'], {
    cwd: root,
    env: cleanEnvironment(),
  });
  const listed = JSON.parse(stdout) as Array<{
    name?: string;
    version?: string;
    path: string;
    private?: boolean;
  }>;
  const publishable = listed
    .filter((entry) => entry.name && entry.version && !entry.private)
    .map((entry) => ({ name: entry.name as string, version: entry.version as string, path: entry.path }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const missing = requiredPackages.filter((name) => !publishable.some((entry) => entry.name === name));
  if (missing.length > 0)
    throw new Error(`not found as publishable workspace packages: ${missing.join(', ')}`);
  for (const entry of publishable) {
    const manifest = JSON.parse(readFileSync(path.join(entry.path, 'package.json'), 'utf8')) as Manifest;
    const main = manifest.exports?.['.'] as { import?: string; default?: string } | undefined;
    // The entry and every bin must exist: a bin-only package (the CLI) is otherwise published empty.
    const builtFiles = [main?.import ?? main?.default, ...Object.values(manifest.bin ?? {})];
    for (const file of builtFiles) {
      if (file && !existsSync(path.join(entry.path, file))) {
        throw new Error(`${entry.name} is not built (${file} is missing): run \`pnpm build\` first`);
      }
    }
  }
  return publishable;
}

/** Publishes `packages` and checks that the registry serves each with no `workspace:` range left. */
export async function publishPackages(
  root: string,
  packages: readonly WorkspacePackage[],
  registry: LocalRegistry,
): Promise<void> {
  const filters = packages.flatMap((entry) => ['--filter', entry.name]);
  await runChecked(
    'pnpm',
    [
      ...filters,
      'publish',
      '--registry',
      registry.url,
      '--no-git-checks',
      '--npmrc-auth-file',
      registry.userConfig,
    ],
    { cwd: root, env: cleanEnvironment(), timeoutMs: 180_000 },
  );
  for (const entry of packages) {
    const response = await fetch(`${registry.url}${entry.name.replace('/', '%2f')}`);
    if (!response.ok)
      throw new Error(`${entry.name} is not on the local registry after publishing (${response.status})`);
    const document = (await response.json()) as { versions?: Record<string, Manifest> };
    const published = document.versions?.[entry.version];
    if (!published)
      throw new Error(`${entry.name}@${entry.version} is not on the local registry after publishing`);
    const ranges = {
      ...published.dependencies,
      ...published.peerDependencies,
      ...published.optionalDependencies,
    };
    const leftover = Object.entries(ranges).filter(([, range]) => range.startsWith('workspace:'));
    if (leftover.length > 0) {
      throw new Error(
        `${entry.name} was published with workspace ranges: ${JSON.stringify(Object.fromEntries(leftover))}`,
      );
    }
  }
}
