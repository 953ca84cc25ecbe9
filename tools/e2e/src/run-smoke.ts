/** Runs the smoke program on one runtime and reads its verdict. */

import { cleanEnvironment, runCommand } from './run-command.js';
import type { Runtime } from './runtimes.js';

export interface SmokeTarget {
  apiUrl: string;
  authUrl: string;
  environmentId: string;
  clientId: string;
  clientSecret: string;
}

export interface SmokeResult {
  runtime: string;
  /** The version the runtime reported from inside the smoke program. */
  version: string;
  passed: boolean;
  milliseconds: number;
  /** Why it failed, with the program's output. */
  failure?: string;
}

const verdictPattern = /^SMOKE OK (\{.*\})$/m;

export async function runSmoke(
  runtime: Runtime,
  consumerFolder: string,
  target: SmokeTarget,
): Promise<SmokeResult> {
  const env = cleanEnvironment({
    ...runtime.env,
    PINGONE_API_URL: target.apiUrl,
    PINGONE_AUTH_URL: target.authUrl,
    PINGONE_ENVIRONMENT_ID: target.environmentId,
    PINGONE_CLIENT_ID: target.clientId,
    PINGONE_CLIENT_SECRET: target.clientSecret,
  });
  const output = await runCommand(runtime.command, runtime.args, {
    cwd: consumerFolder,
    env,
    timeoutMs: 90_000,
  }).catch((error: Error) => ({
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
    version: reported?.version ?? runtime.expectedVersion ?? '?',
    passed: false,
    milliseconds: output.milliseconds,
  };
  const transcript = `--- stdout\n${output.stdout}--- stderr\n${output.stderr}`;
  if (output.code !== 0 || !reported) {
    result.failure = `exited ${output.code} without SMOKE OK\n${transcript}`;
  } else if (runtime.expectedVersion && reported.version !== runtime.expectedVersion) {
    result.failure = `ran on ${reported.runtime} ${reported.version}, expected ${runtime.expectedVersion}\n${transcript}`;
  } else {
    result.passed = true;
  }
  return result;
}
