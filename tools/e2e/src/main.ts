/**
 * The local-registry end-to-end test and runtime matrix (issue 8).
 *
 * 1. Starts Verdaccio on loopback with a throwaway config and storage.
 * 2. Publishes every publishable workspace package to it with `pnpm publish`.
 * 3. Installs them with plain npm into a fresh project, from that registry.
 * 4. Starts the emulator and runs the smoke steps against it: smoke/smoke.mjs on Node 20, 22, 24, Bun
 *    and Deno (on Node also the installed `pingone` bin), smoke/smoke-worker.mjs bundled into workerd, smoke/smoke-page.mjs bundled into Chromium.
 * 5. Prints a table; any failure exits 1.
 *
 * Environment: PINGONE_SDK_SKIP_E2E=1 skips it all; PINGONE_SDK_E2E_RUNTIMES=node20,deno runs a subset;
 * PINGONE_SDK_E2E_KEEP=1 keeps the temp folder (registry, consumer project) for a look afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningEmulator } from '@pingone-sdk/emulator';
import { createConsumerProject } from './consumer-project.js';
import { startLocalRegistry } from './local-registry.js';
import { findPublishablePackages, publishPackages } from './publish-packages.js';
import { formatTable, seconds } from './report-table.js';
import { runSmoke, type SmokeResult } from './run-smoke.js';
import { prepareRuntimes } from './runtimes.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageFolder = path.resolve(here, '..');
const workspaceRoot = path.resolve(packageFolder, '../..');
const cacheFolder = path.join(packageFolder, '.cache');
const smokePrograms = [
  'smoke-steps.mjs',
  'smoke.mjs',
  'cli-steps.mjs',
  'with-published-emulator.mjs',
  'smoke-worker.mjs',
  'smoke-page.mjs',
].map((name) => path.join(packageFolder, 'smoke', name));
const allRuntimes = [
  'node20',
  'node22',
  'node24',
  'bun',
  'deno',
  'published-emulator',
  'workerd',
  'chromium',
];

function log(line: string): void {
  console.log(`[e2e] ${line}`);
}

async function main(): Promise<number> {
  if (process.env.PINGONE_SDK_SKIP_E2E === '1' || process.env.PINGONE_SDK_SKIP_E2E === 'true') {
    console.log(
      '[e2e] SKIPPED: PINGONE_SDK_SKIP_E2E is set, so the local registry and runtime smoke tests did NOT run.',
    );
    return 0;
  }
  const selected = (process.env.PINGONE_SDK_E2E_RUNTIMES ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const unknown = selected.filter((id) => !allRuntimes.includes(id));
  if (unknown.length > 0) {
    console.error(
      `[e2e] PINGONE_SDK_E2E_RUNTIMES names unknown runtimes: ${unknown} (known: ${allRuntimes})`,
    );
    return 1;
  }
  const wanted = (id: string) => selected.length === 0 || selected.includes(id);

  const started = performance.now();
  const work = await mkdtemp(path.join(tmpdir(), 'pingone-sdk-e2e-'));
  const phases: [string, number][] = [];
  const timed = async <T>(name: string, step: () => Promise<T>): Promise<T> => {
    const phaseStart = performance.now();
    const value = await step();
    phases.push([name, performance.now() - phaseStart]);
    return value;
  };

  // The runtime binaries download while the registry starts and the packages are published.
  const runtimesReady = prepareRuntimes(cacheFolder, path.join(cacheFolder, 'deno-dir'), wanted);
  runtimesReady.catch(() => {}); // awaited below; keeps an early rejection from being unhandled

  let registry: Awaited<ReturnType<typeof startLocalRegistry>> | undefined;
  let emulator: RunningEmulator | undefined;
  try {
    const packages = await timed('find packages', () => findPublishablePackages(workspaceRoot));
    log(`publishable: ${packages.map((entry) => `${entry.name}@${entry.version}`).join(', ')}`);
    const localRegistry = await timed('start verdaccio', () =>
      startLocalRegistry(path.join(work, 'registry')),
    );
    registry = localRegistry;
    log(`verdaccio listening at ${localRegistry.url} (storage in ${work})`);
    await timed('pnpm publish', () => publishPackages(workspaceRoot, packages, localRegistry));
    log(`published ${packages.length} packages`);
    const consumer = await timed('npm install', () =>
      createConsumerProject(path.join(work, 'consumer'), localRegistry, packages, smokePrograms),
    );
    log(`installed them with npm into ${consumer.folder}`);
    // Imported here, so that a skipped run needs nothing built.
    const { startEmulator } = await import('@pingone-sdk/emulator');
    emulator = await startEmulator();
    log(`emulator at ${emulator.apiUrl}`);
    const prepared = await runtimesReady;
    phases.push([`runtimes (${prepared.downloaded ? 'downloaded' : 'cached'})`, prepared.milliseconds]);

    const results: SmokeResult[] = [];
    for (const runtime of prepared.runtimes) {
      if (runtime.unavailable) {
        // CI promises every runtime, so a missing one fails there; a developer's machine may lack a browser.
        const inCi = process.env.CI === 'true' || process.env.CI === '1';
        console.warn(`[e2e] ${inCi ? 'FAIL' : 'SKIPPED'} ${runtime.id}: ${runtime.unavailable}`);
        results.push({
          runtime: runtime.id,
          version: '-',
          passed: false,
          skipped: !inCi,
          milliseconds: 0,
          failure: runtime.unavailable,
        });
        continue;
      }
      const result = await runSmoke(runtime, consumer.folder, emulator);
      log(
        `${result.runtime} ${result.version}: ${result.passed ? 'pass' : 'FAIL'} (${seconds(result.milliseconds)})`,
      );
      if (result.failure) console.error(`[e2e] ${result.runtime} failed: ${result.failure}`);
      results.push(result);
    }

    console.log(
      `\n${formatTable(
        ['runtime', 'version', 'result', 'time'],
        results.map((result) => [
          result.runtime,
          result.version,
          result.passed ? 'pass' : result.skipped ? 'skipped' : 'FAIL',
          seconds(result.milliseconds),
        ]),
      )}\n`,
    );
    console.log(
      `${formatTable(
        ['phase', 'time'],
        phases.map(([name, ms]) => [name, seconds(ms)]),
      )}\n`,
    );
    const passed = results.filter((result) => result.passed).length;
    const skipped = results.filter((result) => result.skipped).length;
    const failed = results.length - passed - skipped;
    console.log(`[e2e] total ${seconds(performance.now() - started)}`);
    console.log(`e2e: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
    return failed === 0 && passed > 0 ? 0 : 1;
  } catch (error) {
    console.error(`[e2e] FAILED: ${(error as Error).stack ?? error}`);
    if (registry) console.error(`[e2e] verdaccio log:\n${await registry.log()}`);
    console.log('e2e: 0 passed, 1 failed');
    return 1;
  } finally {
    await emulator?.close();
    await registry?.close();
    await runtimesReady.catch(() => undefined);
    if (process.env.PINGONE_SDK_E2E_KEEP === '1') log(`kept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
}

process.exitCode = await main();
