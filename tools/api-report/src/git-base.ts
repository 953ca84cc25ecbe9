import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** git's output as it is (a file's bytes must compare equal to the file), or undefined on failure. */
function gitOutput(root: string, args: string[]): string | undefined {
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return result.status === 0 ? result.stdout : undefined;
}

/** A one-line answer of git (a revision, a path), without its line break. */
function git(root: string, args: string[]): string | undefined {
  return gitOutput(root, args)?.trim();
}

/** The repository root, or undefined outside git (a package unpacked elsewhere checks nothing). */
export function repositoryRoot(folder: string): string | undefined {
  return git(folder, ['rev-parse', '--show-toplevel']);
}

/** The base revision of policy 1 in changeset-rule.ts, or undefined when there is none (a first commit). */
export function baseRevision(root: string, environment = process.env): string | undefined {
  const configured = environment.API_REPORT_BASE;
  if (configured) return git(root, ['rev-parse', '--verify', configured]);
  const head = git(root, ['rev-parse', 'HEAD']);
  const mergeBase = git(root, ['merge-base', 'HEAD', 'main']);
  if (mergeBase && mergeBase !== head) return mergeBase;
  return git(root, ['rev-parse', '--verify', 'HEAD~1']);
}

/** A file as committed at a revision, or undefined when it did not exist there. */
export function fileAt(root: string, revision: string, path: string): string | undefined {
  return gitOutput(root, ['show', `${revision}:${path}`]);
}

/** Changesets added since `revision`: committed, staged, or not yet added to git. */
export function changesetsAddedSince(root: string, revision: string): string[] {
  const tracked = execFileSync(
    'git',
    ['diff', '--name-only', '--diff-filter=A', revision, '--', '.changeset'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '--', '.changeset']) ?? '';
  return [...tracked.split('\n'), ...untracked.split('\n')]
    .filter((path) => /^\.changeset\/[^/]+\.md$/.test(path) && !/readme\.md$/i.test(path))
    .map((path) => readFileSync(join(root, path), 'utf8'));
}
