/**
 * Runs a command without blocking the event loop (the local registry and the emulator live in this
 * process or answer its children, so a synchronous spawn would deadlock them), with a time limit.
 */
import { spawn } from 'node:child_process';

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
  milliseconds: number;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Kills the command after this long. @default 120_000 */
  timeoutMs?: number;
}

/** Runs `command` and resolves with its output, whatever its exit code. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<CommandResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      stderr += `\n[e2e] killed after ${options.timeoutMs ?? 120_000} ms`;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, milliseconds: performance.now() - started });
    });
  });
}

/** Runs `command` and throws, with its output, unless it exits 0. */
export async function runChecked(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<CommandResult> {
  const result = await runCommand(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `\`${command} ${args.join(' ')}\` (in ${options.cwd}) exited ${result.code}\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result;
}

/**
 * The environment for children: this process's, without what `pnpm run` adds for its scripts
 * (`npm_package_*`, `npm_lifecycle_*`, `npm_config_user_agent`, `pnpm_config_*`, `NODE_OPTIONS`), which
 * would make npm in the consumer project behave as if it ran inside the workspace. The user's own
 * `npm_config_*` settings (a cache folder, a registry mirror) are kept.
 */
export function cleanEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    const lower = name.toLowerCase();
    if (
      lower.startsWith('npm_package_') ||
      lower.startsWith('npm_lifecycle_') ||
      lower.startsWith('pnpm_config_') ||
      lower === 'npm_config_user_agent' ||
      name === 'NODE_OPTIONS' ||
      name === 'INIT_CWD'
    )
      continue;
    env[name] = value;
  }
  return { ...env, ...extra };
}
