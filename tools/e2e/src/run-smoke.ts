/** Runs the smoke program on one runtime and reads its verdict. */

import { type CommandResult, cleanEnvironment, runCommand } from './run-command.js';
import { runInChromium } from './run-in-chromium.js';
import { runInWorkerd } from './run-in-workerd.js';
import type { Runtime } from './runtimes.js';
import type { SmokeTarget } from './smoke-target.js';

export interface SmokeResult {
  runtime: string;
  /** The version the runtime reported from inside the smoke program. */
  version: string;
  passed: boolean;
  /** Not run: the runtime is missing on this machine, outside CI. */
  skipped?: boolean;
  milliseconds: number;
  /** Why it failed, with the program's output. */
  failure?: string;
}

const verdictPattern = /^SMOKE OK (\{.*\})$/m;

function runProgram(runtime: Runtime, consumerFolder: string, emulator: SmokeTarget): Promise<CommandResult> {
  // Only these five: the emulator object passed in also holds functions and secrets of its own.
  const { apiUrl, authUrl, environmentId, clientId, clientSecret } = emulator;
  const target = { apiUrl, authUrl, environmentId, clientId, clientSecret };
  if (runtime.kind === 'workerd') return runInWorkerd(runtime.command, consumerFolder, target);
  if (runtime.kind === 'chromium') return runInChromium(runtime.command, consumerFolder, target);
  const env = cleanEnvironment({
    ...runtime.env,
    PINGONE_API_URL: target.apiUrl,
    PINGONE_AUTH_URL: target.authUrl,
    PINGONE_ENVIRONMENT_ID: target.environmentId,
    PINGONE_CLIENT_ID: target.clientId,
    PINGONE_CLIENT_SECRET: target.clientSecret,
  });
  return runCommand(runtime.command, runtime.args, { cwd: consumerFolder, env, timeoutMs: 90_000 });
}

export async function runSmoke(
  runtime: Runtime,
  consumerFolder: string,
  target: SmokeTarget,
): Promise<SmokeResult> {
  const output = await runProgram(runtime, consumerFolder, target).catch((error: Error) => ({
    code: null,
    stdout: '',
    stderr: String(error.stack ?? error),
    milliseconds: 0,
  }));
  const verdict = verdictPattern.exec(output.stdout);
  const reported = verdict
    ? (JSON.parse(verdict[1] as string) as { runtime: string; version: string })
    : undefined;
  const result: SmokeResult = {
    runtime: runtime.id,
    version: reported?.version || runtime.expectedVersion || runtime.versionLabel || '?',
    passed: false,
    milliseconds: output.milliseconds,
  };
  const transcript = `--- stdout\n${output.stdout}--- stderr\n${output.stderr}`;
  if (output.code !== 0 || !reported) {
    result.failure = `exited ${output.code} without SMOKE OK\n${transcript}`;
  } else if (reported.runtime !== runtime.reportsAs) {
    result.failure = `ran on ${reported.runtime}, expected ${runtime.reportsAs}\n${transcript}`;
  } else if (runtime.expectedVersion && reported.version !== runtime.expectedVersion) {
    result.failure = `ran on ${reported.runtime} ${reported.version}, expected ${runtime.expectedVersion}\n${transcript}`;
  } else {
    result.passed = true;
  }
  return result;
}
