/**
 * A throwaway npm registry: Verdaccio on loopback, its config and storage in a temp folder, no uplinks
 * (so it serves only what was published to it and proxies nothing), anyone may publish.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { freePort } from './free-port.js';

export interface LocalRegistry {
  /** Registry URL with a trailing slash, e.g. `http://127.0.0.1:40123/`. */
  url: string;
  /** A user config (`.npmrc`) holding an auth token for the registry, as publishing clients require one. */
  userConfig: string;
  /** Verdaccio's own output so far. */
  log(): Promise<string>;
  close(): Promise<void>;
}

function verdaccioBin(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('verdaccio/package.json')), 'bin', 'verdaccio');
}

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}-/ping`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`verdaccio did not answer ${url}-/ping within ${timeoutMs} ms`);
}

/** Starts Verdaccio in `folder` (on `port`, or a free one) and resolves once it answers. */
export async function startLocalRegistry(folder: string, port?: number): Promise<LocalRegistry> {
  await mkdir(path.join(folder, 'storage'), { recursive: true });
  const configPath = path.join(folder, 'config.yaml');
  await writeFile(
    configPath,
    [
      `storage: ${JSON.stringify(path.join(folder, 'storage'))}`,
      'auth:',
      '  htpasswd:',
      `    file: ${JSON.stringify(path.join(folder, 'htpasswd'))}`,
      '    max_users: -1',
      'uplinks: {}',
      'packages:',
      "  '**':",
      '    access: $all',
      '    publish: $all',
      '    unpublish: $all',
      'log: { type: stdout, format: pretty, level: warn }',
      '',
    ].join('\n'),
  );
  const listenPort = port ?? (await freePort());
  const url = `http://127.0.0.1:${listenPort}/`;
  const logPath = path.join(folder, 'verdaccio.log');
  const logStream = createWriteStream(logPath);
  const child = spawn(
    process.execPath,
    [verdaccioBin(), '--config', configPath, '--listen', `127.0.0.1:${listenPort}`],
    {
      cwd: folder,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    },
  );
  child.stdout?.pipe(logStream);
  child.stderr?.pipe(logStream);
  const log = () => readFile(logPath, 'utf8').catch(() => '');
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  try {
    await waitUntilUp(url, child, 30_000);
  } catch (error) {
    await close();
    throw new Error(`${(error as Error).message}\n${await log()}`);
  }

  // npm and pnpm refuse to publish without a token for the registry; Verdaccio lets anyone publish.
  const userConfig = path.join(folder, 'publish.npmrc');
  await writeFile(userConfig, `//127.0.0.1:${listenPort}/:_authToken=e2e-anonymous\n`);
  return { url, userConfig, log, close };
}
