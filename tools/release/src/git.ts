import { execFileSync, spawnSync } from 'node:child_process';

/** Runs git in a repository and returns its trimmed standard output; throws with git's message. */
export function git(repository: string, args: string[]): string {
  return execFileSync('git', args, {
    cwd: repository,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/** Runs git for its raw output (file contents, archives). */
export function gitBuffer(repository: string, args: string[]): Buffer {
  return execFileSync('git', args, {
    cwd: repository,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** The exit status of a git command whose answer is its status (`diff --quiet`, `cat-file -e`). */
export function gitStatus(repository: string, args: string[]): number {
  const result = spawnSync('git', args, { cwd: repository, stdio: 'ignore' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}
