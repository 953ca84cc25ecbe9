/**
 * Serves the workspace's packages from a local registry until stopped, for trying a release by hand
 * before it is published (the root README's "Try a release locally").
 *
 * Starts Verdaccio on 127.0.0.1 (port from --port, default 4873), publishes every publishable package
 * to it as a release would, and prints the `.npmrc` line a consumer project needs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startLocalRegistry } from './local-registry.js';
import { findPublishablePackages, publishPackages } from './publish-packages.js';

const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const { values } = parseArgs({ options: { port: { type: 'string', default: '4873' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65_535) {
  throw new Error(`--port: expected a port number from 1 to 65535, got ${values.port}`);
}

const packages = await findPublishablePackages(workspaceRoot);
const folder = await mkdtemp(path.join(tmpdir(), 'pingone-sdk-registry-'));
const registry = await startLocalRegistry(folder, port);
const stop = async (exitCode: number) => {
  await registry.close();
  await rm(folder, { recursive: true, force: true });
  process.exit(exitCode);
};
process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));
try {
  await publishPackages(workspaceRoot, packages, registry);
} catch (error) {
  console.error(`${(error as Error).message}\n${await registry.log()}`);
  await stop(1);
}

console.log(
  [
    `Serving ${packages.map((entry) => `${entry.name}@${entry.version}`).join(', ')}`,
    `from ${registry.url} (Ctrl+C to stop). In a consumer project, point the scope at it:`,
    '',
    `  echo '@pingone-sdk:registry=${registry.url}' > .npmrc`,
    '',
  ].join('\n'),
);
