import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const reportCpu = new URL('./report-cpu.mjs', import.meta.url).href;

/** What one type check of a file costs: seconds, and the compiler's own counts of its work. */
export interface Cost {
  /** CPU seconds of the whole tsc process: the least of the rounds, the run a busy machine disturbed least. */
  seconds: number;
  /** tsc's own `Total time` (wall clock) of that run. */
  wallSeconds: number;
  /** `Lines of Definitions`: how much declaration text was read. */
  declarationLines: number;
  /** `Types`: how many types the checker created. */
  types: number;
  /** `Instantiations`: how many generic instantiations it made. */
  instantiations: number;
}

/** The compiler settings of a strict user project; only `skipLibCheck` varies. */
function projectConfig(file: string, skipLibCheck: boolean): object {
  return {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023', 'DOM'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noEmit: true,
      types: [],
      skipLibCheck,
    },
    files: [file],
  };
}

/** Reads one figure of `tsc --extendedDiagnostics`, e.g. `Types:  12345` or `Total time:  0.52s`. */
export function diagnostic(output: string, label: string): number {
  const match = new RegExp(`^${label}:\\s+([\\d.]+)s?$`, 'm').exec(output);
  if (!match?.[1]) throw new Error(`no "${label}" in the output of tsc --extendedDiagnostics:\n${output}`);
  return Number(match[1]);
}

function check(configPath: string): Cost {
  const run = spawnSync(
    process.execPath,
    ['--import', reportCpu, tsc, '-p', configPath, '--extendedDiagnostics'],
    {
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(`tsc -p ${configPath} failed:\n${run.stdout}${run.stderr}`);
  const output = `${run.stdout}\n${run.stderr}`;
  return {
    seconds: diagnostic(output, 'CPU seconds'),
    wallSeconds: diagnostic(output, 'Total time'),
    declarationLines: diagnostic(output, 'Lines of Definitions'),
    types: diagnostic(output, 'Types'),
    instantiations: diagnostic(output, 'Instantiations'),
  };
}

/**
 * The cost of type-checking each file as a project of its own, over `rounds` runs. Files are checked in
 * turns (each round checks every file once), so a busy moment of the machine touches them alike; the
 * counts are the same every run, the time is the least seen.
 */
export function measureFiles(
  folder: string,
  files: string[],
  skipLibCheck: boolean,
  rounds: number,
): Map<string, Cost> {
  const configs = files.map((file) => {
    const configPath = join(
      folder,
      `tsconfig.${file.replace(/\W+/g, '-')}.${skipLibCheck ? 'skip' : 'full'}.json`,
    );
    writeFileSync(configPath, JSON.stringify(projectConfig(file, skipLibCheck), null, 2));
    return configPath;
  });
  const costs = new Map<string, Cost>();
  for (let round = 0; round < rounds; round++) {
    for (const [index, configPath] of configs.entries()) {
      const file = files[index] as string;
      const cost = check(configPath);
      const best = costs.get(file);
      costs.set(file, best && best.seconds <= cost.seconds ? best : cost);
    }
  }
  return costs;
}

/** What a file adds over the baseline file. */
export function added(cost: Cost, baseline: Cost): Cost {
  return {
    seconds: cost.seconds - baseline.seconds,
    wallSeconds: cost.wallSeconds - baseline.wallSeconds,
    declarationLines: cost.declarationLines - baseline.declarationLines,
    types: cost.types - baseline.types,
    instantiations: cost.instantiations - baseline.instantiations,
  };
}
