/**
 * The smoke program for runtimes that run a file: Node, Bun and Deno run this very file.
 *
 * Settings come from the environment:
 *   PINGONE_API_URL, PINGONE_AUTH_URL   the hosts (the emulator's, in the e2e test)
 *   PINGONE_ENVIRONMENT_ID              the environment to work in, where the worker application lives
 *   PINGONE_CLIENT_ID, PINGONE_CLIENT_SECRET   the worker application's credentials
 *   SMOKE_USER_COUNT (default 7), SMOKE_PAGE_SIZE (default 3)   more users than one page holds
 *
 * It exits with status 1 on the first failure; on success its last line starts with `SMOKE OK`,
 * followed by JSON naming the runtime and version that ran it.
 */
import { runSmokeSteps } from './smoke-steps.mjs';

/** Which runtime runs this file, and its version, as it says itself. */
function describeRuntime() {
  if (globalThis.Deno) return { runtime: 'deno', version: globalThis.Deno.version.deno };
  if (globalThis.Bun) return { runtime: 'bun', version: globalThis.Bun.version };
  return { runtime: 'node', version: globalThis.process.versions.node };
}

function readEnvironment() {
  if (globalThis.process?.env) return globalThis.process.env;
  return globalThis.Deno.env.toObject();
}

function exit(code) {
  if (globalThis.Deno) globalThis.Deno.exit(code);
  globalThis.process.exit(code);
}

const environment = readEnvironment();
const runtime = describeRuntime();
try {
  await runSmokeSteps(
    {
      apiUrl: environment.PINGONE_API_URL,
      authUrl: environment.PINGONE_AUTH_URL,
      environmentId: environment.PINGONE_ENVIRONMENT_ID,
      clientId: environment.PINGONE_CLIENT_ID,
      clientSecret: environment.PINGONE_CLIENT_SECRET,
      userCount: Number(environment.SMOKE_USER_COUNT ?? 7),
      pageSize: Number(environment.SMOKE_PAGE_SIZE ?? 3),
    },
    runtime,
    (line) => console.log(`[${runtime.runtime} ${runtime.version}] ${line}`),
  );
  if (runtime.runtime === 'node') {
    const { runCliSteps } = await import('./cli-steps.mjs');
    await runCliSteps(
      {
        apiUrl: environment.PINGONE_API_URL,
        authUrl: environment.PINGONE_AUTH_URL,
        environmentId: environment.PINGONE_ENVIRONMENT_ID,
        clientId: environment.PINGONE_CLIENT_ID,
        clientSecret: environment.PINGONE_CLIENT_SECRET,
        userCount: Number(environment.SMOKE_USER_COUNT ?? 7),
      },
      (line) => console.log(`[${runtime.runtime} ${runtime.version}] ${line}`),
    );
  }
  console.log(`SMOKE OK ${JSON.stringify(runtime)}`);
} catch (error) {
  console.error(`SMOKE FAILED: ${error?.stack ?? error}`);
  if (error?.cause) console.error('cause:', error.cause);
  exit(1);
}
