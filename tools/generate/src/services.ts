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
    .map((entry) => join(entry.parentPath, entry.name));
}

/** File parts of the `$ref`s a spec file writes (`../management/responses.yaml#/Error` → the file). */
const fileReference = /\$ref:\s*["']?([^"'#\s}]+\.ya?ml)/g;

/**
 * The files a service's spec is made of: its own folder, and the files of other spec folders that
 * it (transitively) refers to, such as the management folder's shared error body.
 */
export function specFiles(folder: string): string[] {
  const files = new Set(listFiles(folder));
  const pending = [...files];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (!/\.ya?ml$/.test(file)) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(fileReference)) {
      const target = resolve(dirname(file), match[1] ?? '');
      if (!files.has(target) && existsSync(target)) {
        files.add(target);
        pending.push(target);
      }
    }
  }
  return [...files].sort();
}

/**
 * Hashes paths (relative to the service's folder) and contents together: renaming a file changes the
 * hash as much as editing it, and so does editing a shared file of another folder that the spec uses.
 */
export function hashSpecFolder(folder: string): string {
  const hash = createHash('sha256');
  for (const file of specFiles(folder)) {
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
