/**
 * The `pingone` bin, installed from the registry like any package, run the way a user runs it: with the
 * PINGONE_* variables of the emulator. Node only (the CLI is a Node tool). Several Node versions share
 * one emulator, so names carry the version.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('./node_modules/.bin/pingone', import.meta.url));

/** Runs `pingone …` with the current Node; resolves to its stdout, rejects on a non-zero exit. */
async function pingone(args, environment) {
  const { stdout } = await run(process.execPath, [bin, ...args], { env: environment });
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
  const tag = `node${process.versions.node.replaceAll('.', '-')}`;
  const population = JSON.parse(
    await pingone(['api', 'createPopulation', '--body', JSON.stringify({ name: `CLI ${tag}` })], environment),
  );
  log(`pingone api createPopulation: ${population.id}`);

  const folder = await mkdtemp(join(tmpdir(), 'pingone-cli-smoke-'));
  try {
    const file = join(folder, 'people.csv');
    const usernames = ['ada', 'grace', 'edsger'].map((name) => `${name}-${tag}`);
    await writeFile(
      file,
      ['username,email,name.given', ...usernames.map((name) => `${name},${name}@example.com,${name}`)].join(
        '\n',
      ),
    );
    const imported = JSON.parse(
      await pingone(['users', 'import', file, '--population', population.id], environment),
    );
    if (imported.created !== 3) throw new Error(`pingone users import answered ${JSON.stringify(imported)}`);
    const again = JSON.parse(
      await pingone(['users', 'import', file, '--population', population.id], environment),
    );
    if (again.skipped !== 3 || again.created !== 0)
      throw new Error(`a re-run answered ${JSON.stringify(again)}`);
    log('pingone users import: 3 created, then 3 skipped on a re-run');

    const csv = (
      await pingone(['users', 'export', '--population', population.id, '--format', 'csv'], environment)
    )
      .trim()
      .split('\n');
    const exported = csv.slice(1).map((row) => row.split(',')[1]);
    if (
      !csv[0]?.startsWith('id,username,email,') ||
      exported.sort().join() !== [...usernames].sort().join()
    ) {
      throw new Error(`pingone users export wrote ${JSON.stringify(csv)}`);
    }
    log('pingone users export: the same 3 users as CSV');

    const listed = JSON.parse(
      await pingone(['api', 'list-users', '--query', `filter=username eq "${usernames[0]}"`], environment),
    );
    if (listed._embedded?.users?.[0]?.username !== usernames[0]) {
      throw new Error(`pingone api list-users answered ${JSON.stringify(listed)}`);
    }
    log('pingone api list-users: found by filter');

    // The CLI reaches a service package's operations too: its dependencies bring every one of them.
    const connectors = JSON.parse(await pingone(['api', 'list-connectors'], environment));
    if (!(connectors._embedded?.connectors?.length > 0)) {
      throw new Error(`pingone api list-connectors answered ${JSON.stringify(connectors)}`);
    }
    log(
      `pingone api list-connectors (@pingone-sdk/davinci): ${connectors._embedded.connectors.length} connectors`,
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
