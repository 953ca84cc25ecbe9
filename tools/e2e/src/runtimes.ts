/**
 * The runtimes the smoke program runs on, and how to get them.
 *
 * Node 20 is the machine's own. Node 22 and 24, Bun, Deno and workerd come as prebuilt binaries inside
 * packages of the npm registry (the only registry CI reaches), installed once into
 * tools/e2e/.cache/runtimes and reused while the pinned versions stay the same. Bump a version here to
 * move a runtime forward. Chromium is Debian's package (`apt-get install chromium`; .ci/run installs it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { cleanEnvironment, runChecked } from './run-command.js';

/** Exact versions, so that a run is reproducible and the cache stays valid. */
export const pinnedVersions = {
  node22: '22.23.5',
  node24: '24.22.3',
  bun: '1.4.5',
  deno: '2.9.6',
  workerd: '1.20261117.1',
} as const;

/** Where Debian's package puts Chromium; CHROMIUM_PATH names another build. */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Runtime {
  /** Row name in the report, and the id used by PINGONE_SDK_E2E_RUNTIMES. */
  id: string;
  /** How the smoke program gets in: a command running a file, a bundled edge worker, a bundled web page. */
  kind: 'command' | 'workerd' | 'chromium';
  /** The name the smoke program must report for the runtime it finds itself on. */
  reportsAs: 'node' | 'bun' | 'deno' | 'workerd' | 'chromium';
  /** The version the runtime must report, when it can report one. */
  expectedVersion: string | undefined;
  /** Shown for a runtime that cannot report its own version (workerd). */
  versionLabel?: string;
  /** The binary: the one running `smoke.mjs` with `args` in the consumer project, workerd or Chromium. */
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** Why the runtime cannot run on this machine, when it cannot. */
  unavailable?: string;
}

interface CachedBinary {
  id: 'node22' | 'node24' | 'bun' | 'deno' | 'workerd';
  /** The dependency name in the cache project (an npm alias, so two Node versions can live side by side). */
  alias: string;
  /** The registry package and version behind the alias. */
  spec: string;
  /** The binary, relative to the aliased package's folder. */
  binary: string;
}

function architecture(): 'x64' | 'arm64' {
  if (process.platform !== 'linux' || (process.arch !== 'x64' && process.arch !== 'arm64')) {
    throw new Error(
      `the runtime matrix supports linux x64 and arm64, not ${process.platform} ${process.arch}`,
    );
  }
  return process.arch;
}

/** Bun's default x64 build needs AVX2; older processors get its baseline build. */
function hasAvx2(): boolean {
  try {
    return /\bavx2\b/.test(readFileSync('/proc/cpuinfo', 'utf8'));
  } catch {
    return false;
  }
}

function cachedBinaries(): CachedBinary[] {
  const arch = architecture();
  const bunPackage =
    arch === 'arm64'
      ? '@oven/bun-linux-aarch64'
      : hasAvx2()
        ? '@oven/bun-linux-x64'
        : '@oven/bun-linux-x64-baseline';
  return [
    {
      id: 'node22',
      alias: 'node22',
      spec: `node-linux-${arch}@${pinnedVersions.node22}`,
      binary: 'bin/node',
    },
    {
      id: 'node24',
      alias: 'node24',
      spec: `node-linux-${arch}@${pinnedVersions.node24}`,
      binary: 'bin/node',
    },
    { id: 'bun', alias: 'bun-binary', spec: `${bunPackage}@${pinnedVersions.bun}`, binary: 'bin/bun' },
    {
      id: 'deno',
      alias: 'deno-binary',
      spec: `@deno/linux-${arch}-glibc@${pinnedVersions.deno}`,
      binary: 'deno',
    },
    {
      id: 'workerd',
      alias: 'workerd-binary',
      spec: `@cloudflare/workerd-linux-${arch === 'arm64' ? 'arm64' : '64'}@${pinnedVersions.workerd}`,
      binary: 'bin/workerd',
    },
  ];
}

/** The version Debian's Chromium says it is (`Chromium 156.0.8078.108 built on Debian …`). */
async function chromiumVersion(): Promise<string | undefined> {
  if (!existsSync(chromiumPath)) return undefined;
  const { stdout } = await runChecked(chromiumPath, ['--version'], {
    cwd: process.cwd(),
    env: cleanEnvironment(),
  });
  return /(\d+\.\d+\.\d+\.\d+)/.exec(stdout)?.[1];
}

function installedVersion(packageFolder: string): string | undefined {
  try {
    return (
      JSON.parse(readFileSync(path.join(packageFolder, 'package.json'), 'utf8')) as { version?: string }
    ).version;
  } catch {
    return undefined;
  }
}

export interface PreparedRuntimes {
  runtimes: Runtime[];
  /** Whether the binaries had to be downloaded this run (a cold cache). */
  downloaded: boolean;
  milliseconds: number;
}

/**
 * Makes sure every pinned runtime binary is in `cacheFolder`, downloading what is missing in one
 * `npm install` (scripts off: the binaries are in the tarballs, nothing needs a postinstall), and
 * returns how to run the smoke program on each.
 */
export async function prepareRuntimes(
  cacheFolder: string,
  denoDirectory: string,
  wanted: (id: string) => boolean,
): Promise<PreparedRuntimes> {
  const started = performance.now();
  const binaries = cachedBinaries();
  const folder = path.join(cacheFolder, 'runtimes');
  const packageFolder = (binary: CachedBinary) => path.join(folder, 'node_modules', binary.alias);
  const isReady = (binary: CachedBinary) =>
    existsSync(path.join(packageFolder(binary), binary.binary)) &&
    installedVersion(packageFolder(binary)) === binary.spec.slice(binary.spec.lastIndexOf('@') + 1);

  let downloaded = false;
  if (!binaries.filter((binary) => wanted(binary.id)).every(isReady)) {
    downloaded = true;
    await mkdir(folder, { recursive: true });
    const dependencies = Object.fromEntries(binaries.map((binary) => [binary.alias, `npm:${binary.spec}`]));
    await writeFile(
      path.join(folder, 'package.json'),
      `${JSON.stringify({ name: 'e2e-runtime-cache', private: true, dependencies }, null, 2)}\n`,
    );
    // One retry: a dropped connection to the registry should not fail the whole test.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await runChecked(
          'npm',
          ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'],
          { cwd: folder, env: cleanEnvironment(), timeoutMs: 240_000 },
        );
        break;
      } catch (error) {
        if (attempt >= 2) throw error;
        console.warn(`[e2e] downloading the runtimes failed, trying again: ${(error as Error).message}`);
      }
    }
    const missing = binaries.filter((binary) => !isReady(binary));
    if (missing.length > 0)
      throw new Error(`runtime binaries missing after install: ${missing.map((b) => b.spec)}`);
  }

  const binaryPath = (id: CachedBinary['id']) => {
    const binary = binaries.find((candidate) => candidate.id === id) as CachedBinary;
    return path.join(packageFolder(binary), binary.binary);
  };
  const browserVersion = wanted('chromium') ? await chromiumVersion() : undefined;
  const runtimes: Runtime[] = [
    {
      id: 'node20',
      kind: 'command',
      reportsAs: 'node',
      expectedVersion: process.versions.node,
      command: process.execPath,
      args: ['smoke.mjs'],
    },
    {
      id: 'node22',
      kind: 'command',
      reportsAs: 'node',
      expectedVersion: pinnedVersions.node22,
      command: binaryPath('node22'),
      args: ['smoke.mjs'],
    },
    {
      id: 'node24',
      kind: 'command',
      reportsAs: 'node',
      expectedVersion: pinnedVersions.node24,
      command: binaryPath('node24'),
      args: ['smoke.mjs'],
    },
    {
      id: 'bun',
      kind: 'command',
      reportsAs: 'bun',
      expectedVersion: pinnedVersions.bun,
      command: binaryPath('bun'),
      args: ['smoke.mjs'],
      env: { DO_NOT_TRACK: '1', BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0' },
    },
    {
      id: 'deno',
      kind: 'command',
      reportsAs: 'deno',
      expectedVersion: pinnedVersions.deno,
      command: binaryPath('deno'),
      // Deno reads package.json and resolves the bare imports from the project's node_modules as npm
      // installed them (`manual`); it is allowed the network, the environment and reading files.
      args: ['run', '--node-modules-dir=manual', '--allow-net', '--allow-env', '--allow-read', 'smoke.mjs'],
      env: { DENO_DIR: denoDirectory, DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1', NO_COLOR: '1' },
    },
    {
      // Node 20 again, against an emulator started from the consumer's installed @pingone-sdk/emulator.
      id: 'published-emulator',
      kind: 'command',
      reportsAs: 'node',
      expectedVersion: process.versions.node,
      command: process.execPath,
      args: ['with-published-emulator.mjs'],
    },
    {
      // An edge worker: workerd, the runtime of Cloudflare Workers, web APIs only.
      id: 'workerd',
      kind: 'workerd',
      reportsAs: 'workerd',
      expectedVersion: undefined,
      versionLabel: pinnedVersions.workerd,
      command: binaryPath('workerd'),
      args: [],
    },
    {
      id: 'chromium',
      kind: 'chromium',
      reportsAs: 'chromium',
      expectedVersion: browserVersion,
      command: chromiumPath,
      args: [],
      unavailable:
        browserVersion === undefined
          ? `no Chromium at ${chromiumPath}: install Debian's \`chromium\` package (.ci/run does) or set CHROMIUM_PATH`
          : undefined,
    },
  ];
  return {
    runtimes: runtimes.filter((runtime) => wanted(runtime.id)),
    downloaded,
    milliseconds: performance.now() - started,
  };
}
