import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningEmulator } from '@pingone-sdk/emulator';

/** The built bin, as `npm install` links it. */
export const binPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bin.js');

/** The variables a user sets for the emulator (it prints these names). */
export function emulatorEnvironment(emulator: RunningEmulator): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PINGONE_API_URL: emulator.apiUrl,
    PINGONE_AUTH_URL: emulator.authUrl,
    PINGONE_ENVIRONMENT_ID: emulator.environmentId,
    PINGONE_CLIENT_ID: emulator.clientId,
    PINGONE_CLIENT_SECRET: emulator.clientSecret,
  };
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `pingone …` with the given environment; `nodeOptions` go before the script (e.g. a heap cap). */
export function startCli(
  args: string[],
  environment: NodeJS.ProcessEnv,
  nodeOptions: string[] = [],
): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [...nodeOptions, binPath, ...args], {
    env: environment,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const done = new Promise<CliResult>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Runs `pingone …` to the end; `input` is written to its stdin. */
export async function runCli(
  args: string[],
  environment: NodeJS.ProcessEnv,
  input?: string,
): Promise<CliResult> {
  const { child, done } = startCli(args, environment);
  child.stdin?.end(input ?? '');
  return done;
}
