/**
 * The `pingone` bin, installed from the registry like any package, run the way a user runs it: with the
 * PINGONE_* variables of the emulator. Node only (the CLI is a Node tool).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('./node_modules/.bin/pingone', import.meta.url));

/** Runs `pingone …` with the current Node; resolves to its stdout, rejects on a non-zero exit. */
async function pingone(args, environment) {
  const { stdout } = await run(process.execPath, [bin, ...args], {
    env: environment,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

export async function runCliSteps(settings, log) {
  const environment = {
    PATH: process.env.PATH,
    PINGONE_API_URL: settings.apiUrl,
    PINGONE_AUTH_URL: settings.authUrl,
    PINGONE_ENVIRONMENT_ID: settings.environmentId,
    PINGONE_CLIENT_ID: settings.clientId,
    PINGONE_CLIENT_SECRET: settings.clientSecret,
  };
  const page = JSON.parse(await pingone(['api', 'listUsers', '--query', 'limit=2'], environment));
  if (!Array.isArray(page._embedded?.users))
    throw new Error(`pingone api listUsers answered ${JSON.stringify(page)}`);
  log(`pingone api listUsers: ${page._embedded.users.length} users on the first page`);
  const csv = (await pingone(['users', 'export', '--format', 'csv'], environment)).trim().split('\n');
  if (!csv[0]?.startsWith('id,username,email,') || csv.length - 1 < settings.userCount) {
    throw new Error(
      `pingone users export wrote ${csv.length - 1} rows, expected at least ${settings.userCount}`,
    );
  }
  log(`pingone users export: ${csv.length - 1} users as CSV`);
}
