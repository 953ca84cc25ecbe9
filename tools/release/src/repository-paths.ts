import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { git, gitBuffer, gitStatus } from './git.js';

/**
 * True when anything under `path` differs between `ref` and the working tree, untracked files
 * included, so that a local run sees uncommitted work exactly as CI will see it once committed.
 */
export function changedSince(repository: string, ref: string, path: string): boolean {
  if (gitStatus(repository, ['diff', '--quiet', ref, '--', path]) !== 0) return true;
  return git(repository, ['ls-files', '--others', '--exclude-standard', '--', path]) !== '';
}

/** True when `path` (a file or folder) exists in the tree of `ref`. */
export function existsAt(repository: string, ref: string, path: string): boolean {
  return gitStatus(repository, ['cat-file', '-e', `${ref}:${path}`]) === 0;
}

/** Writes `folder` as it was at `ref` under `destination` (keeping its path); false when it did not exist. */
export function extractAt(repository: string, ref: string, folder: string, destination: string): boolean {
  if (!existsAt(repository, ref, folder)) return false;
  const archive = gitBuffer(repository, ['archive', '--format=tar', ref, '--', folder]);
  mkdirSync(destination, { recursive: true });
  execFileSync('tar', ['-x', '-C', destination], { input: archive, stdio: ['pipe', 'ignore', 'pipe'] });
  return true;
}

/** One file as it was at `ref`, or undefined when it did not exist. */
export function readAt(repository: string, ref: string, file: string): string | undefined {
  if (!existsAt(repository, ref, file)) return undefined;
  return gitBuffer(repository, ['show', `${ref}:${file}`]).toString('utf8');
}
