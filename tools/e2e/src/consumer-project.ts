/**
 * A stranger's project: a fresh folder, a package.json, and `npm install` of our packages by name from
 * the local registry. Only the @pingone-sdk scope is pointed at the local registry; third-party
 * dependencies (jose, …) come from the default registry, as they would for a user.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { LocalRegistry } from './local-registry.js';
import type { WorkspacePackage } from './publish-packages.js';
import { cleanEnvironment, runChecked } from './run-command.js';

export interface ConsumerProject {
  folder: string;
  milliseconds: number;
}

/** Creates the project in `folder`, installs `packages` at their exact versions, and copies the smoke programs in. */
export async function createConsumerProject(
  folder: string,
  registry: LocalRegistry,
  packages: readonly WorkspacePackage[],
  smokePrograms: readonly string[],
): Promise<ConsumerProject> {
  const started = performance.now();
  await mkdir(folder, { recursive: true });
  await writeFile(
    path.join(folder, 'package.json'),
    `${JSON.stringify({ name: 'pingone-sdk-consumer', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`,
  );
  // A project .npmrc outranks the user's: our scope from the local registry, and keep `resolved`
  // URLs in the lockfile so that where each package came from can be checked below.
  await writeFile(
    path.join(folder, '.npmrc'),
    `@pingone-sdk:registry=${registry.url}\nomit-lockfile-registry-resolved=false\nfund=false\naudit=false\n`,
  );
  const specs = packages.map((entry) => `${entry.name}@${entry.version}`);
  await runChecked('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...specs], {
    cwd: folder,
    env: cleanEnvironment(),
    timeoutMs: 180_000,
  });

  const lock = JSON.parse(await readFile(path.join(folder, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; resolved?: string }>;
  };
  for (const entry of packages) {
    const installed = lock.packages[`node_modules/${entry.name}`];
    if (installed?.version !== entry.version || !installed.resolved?.startsWith(registry.url)) {
      throw new Error(
        `${entry.name} was not installed from the local registry: ${JSON.stringify(installed)} (expected ${entry.version} from ${registry.url})`,
      );
    }
  }
  for (const program of smokePrograms) await copyFile(program, path.join(folder, path.basename(program)));
  return { folder, milliseconds: performance.now() - started };
}
