import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file's place in tools/generate/src. */
export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** One curated spec and the package its generated code belongs to. */
export interface Service {
  /** Folder name under spec/ and packages/, e.g. `management`. */
  name: string;
  /** Absolute path of the root document, spec/<name>/openapi.yaml. */
  specPath: string;
  /** Absolute path of packages/<name>/src/generated. */
  outputPath: string;
  /** sha256 over every file of spec/<name>, so that a change to any $ref'd file shows. */
  specSha256: string;
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Hashes paths and contents together: renaming a file changes the hash as much as editing it. */
export function hashSpecFolder(folder: string): string {
  const hash = createHash('sha256');
  for (const file of listFiles(folder)) {
    hash.update(relative(folder, file).split('\\').join('/'));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Every service that has both a curated spec and a package to receive its code. */
export function findServices(root = repositoryRoot): Service[] {
  const specRoot = join(root, 'spec');
  return readdirSync(specRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(specRoot, entry.name, 'openapi.yaml')))
    .map((entry) => entry.name)
    .filter((name) => existsSync(join(root, 'packages', name, 'package.json')))
    .sort()
    .map((name) => ({
      name,
      specPath: join(specRoot, name, 'openapi.yaml'),
      outputPath: join(root, 'packages', name, 'src', 'generated'),
      specSha256: hashSpecFolder(join(specRoot, name)),
    }));
}
