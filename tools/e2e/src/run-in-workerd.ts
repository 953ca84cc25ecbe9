/**
 * Runs the smoke program as an edge worker in workerd (the open-source runtime of Cloudflare Workers):
 * a module worker bundled for the `workerd` export condition, web APIs only (no Node compatibility),
 * its outbound fetches allowed to loopback, where the emulator listens.
 */

import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { freePort } from './free-port.js';
import type { CommandResult } from './run-command.js';
import type { SmokeTarget } from './smoke-target.js';
import { bundleForWeb } from './web-bundle.js';

function workerdConfig(bundleFile: string, port: number): string {
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "smoke", worker = .smokeWorker),
    (name = "loopback", network = (allow = ["local", "private", "public"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "smoke")],
);
const smokeWorker :Workerd.Worker = (
  modules = [(name = "smoke-worker.js", esModule = embed ${JSON.stringify(path.basename(bundleFile))})],
  compatibilityDate = "2025-09-01",
  globalOutbound = "loopback",
);
`;
}

async function waitForListener(url: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      await fetch(url, { method: 'HEAD' });
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`workerd did not listen at ${url}: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export async function runInWorkerd(
  binary: string,
  consumerFolder: string,
  target: SmokeTarget,
): Promise<CommandResult> {
  const started = performance.now();
  const bundle = await bundleForWeb(consumerFolder, 'smoke-worker.mjs', ['workerd', 'worker', 'browser']);
  const port = await freePort();
  const configFile = path.join(consumerFolder, 'workerd.capnp');
  await writeFile(configFile, workerdConfig(bundle, port));
  const child = spawn(binary, ['serve', configFile], {
    cwd: consumerFolder,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let serverLog = '';
  child.stdout.on('data', (chunk) => (serverLog += chunk));
  child.stderr.on('data', (chunk) => (serverLog += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const url = `http://127.0.0.1:${port}/`;
    await waitForListener(url, Date.now() + 20_000);
    const response = await fetch(url, {
      method: 'POST',
      body: JSON.stringify(target),
      signal: AbortSignal.timeout(90_000),
    });
    const transcript = await response.text();
    return {
      code: response.ok ? 0 : 1,
      stdout: transcript,
      stderr: serverLog,
      milliseconds: performance.now() - started,
    };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}
