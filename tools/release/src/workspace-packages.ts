import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isObject } from './openapi-document.js';

/** A workspace package that gets published to npm. */
export interface PublishedPackage {
  name: string;
  version: string;
  /** Absolute folder, e.g. /repo/packages/management. */
  directory: string;
  /** The folder relative to the repository, with forward slashes: `packages/management`. */
  relativeDirectory: string;
  /** Folder name, which is also the name of its surface test: `management` → surface/management.surface.ts. */
  shortName: string;
  /** Absolute path of the built entry's declarations (the `types` of `exports["."]`). */
  typesEntry: string;
  /** The spec folder name when the package is generated from spec/<service>. */
  service?: string;
}

interface PackageJson {
  name?: string;
  version?: string;
  private?: boolean;
  types?: string;
  exports?: unknown;
}

function typesOf(manifest: PackageJson): string | undefined {
  const root = isObject(manifest.exports) ? manifest.exports['.'] : undefined;
  if (isObject(root) && typeof root.types === 'string') return root.types;
  return manifest.types;
}

/** The non-private packages under packages/ and tools/ (the folders pnpm-workspace.yaml lists). */
export function listPublishedPackages(repository: string): PublishedPackage[] {
  const packages: PublishedPackage[] = [];
  for (const group of ['packages', 'tools']) {
    const groupFolder = join(repository, group);
    if (!existsSync(groupFolder)) continue;
    for (const entry of readdirSync(groupFolder, { withFileTypes: true })) {
      const directory = join(groupFolder, entry.name);
      const manifestPath = join(directory, 'package.json');
      if (!entry.isDirectory() || !existsSync(manifestPath)) continue;
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as PackageJson;
      const types = typesOf(manifest);
      if (manifest.private === true || manifest.name === undefined || types === undefined) continue;
      const isService =
        group === 'packages' && existsSync(join(repository, 'spec', entry.name, 'openapi.yaml'));
      packages.push({
        name: manifest.name,
        version: manifest.version ?? '0.0.0',
        directory,
        relativeDirectory: relative(repository, directory).split('\\').join('/'),
        shortName: entry.name,
        typesEntry: join(directory, types),
        ...(isService ? { service: entry.name } : {}),
      });
    }
  }
  return packages.sort((left, right) => left.name.localeCompare(right.name));
}

/** Every package name of the workspace, private ones included (changesets may name those too). */
export function listWorkspacePackageNames(repository: string): Set<string> {
  const folders = [join(repository, 'spec'), join(repository, 'examples')];
  for (const group of ['packages', 'tools']) {
    const groupFolder = join(repository, group);
    if (!existsSync(groupFolder)) continue;
    for (const entry of readdirSync(groupFolder, { withFileTypes: true })) {
      if (entry.isDirectory()) folders.push(join(groupFolder, entry.name));
    }
  }
  const names = new Set<string>();
  for (const folder of folders) {
    const manifestPath = join(folder, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const name = (JSON.parse(readFileSync(manifestPath, 'utf8')) as PackageJson).name;
    if (name !== undefined) names.add(name);
  }
  return names;
}
