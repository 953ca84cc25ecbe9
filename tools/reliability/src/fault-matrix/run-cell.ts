import type { FaultOptions } from '@pingone-sdk/emulator';
import { recordingLogger } from '../recording-logger.js';
import type { Cell } from './cells.js';
import { emulatorWith } from './emulator-hosts.js';
import { refusingOrigin, startFaultServer } from './fault-server.js';
import { callWith, faultRouteOf } from './methods.js';

/** What happened when a cell ran. */
export interface CellRun {
  /** The resolved data, or undefined when the call rejected. */
  data?: unknown;
  error?: unknown;
  /** True when the call had not settled by the cell's deadline. */
  hung: boolean;
  elapsedMs: number;
  /** Requests the faulted route received. */
  requests: number;
  otherHost: { requests: number; sawCredentials: boolean };
  logLines: string[];
}

/** Runs one cell against a fresh fault server (or a shared emulator) and reports what the caller saw. */
export async function runCell(cell: Cell): Promise<CellRun> {
  if (cell.fault.emulator) return runOnEmulator(cell);
  const route = faultRouteOf(cell.method);
  const server = await startFaultServer(route, cell.fault.plan ?? (() => {}));
  const logger = recordingLogger();
  let apiUrl = server.apiUrl;
  let authUrl = server.origin;
  if (!cell.fault.plan) {
    const refusing = await refusingOrigin();
    if (cell.method === 'token') authUrl = refusing;
    else apiUrl = `${refusing}/v1`;
  }
  try {
    const settled = await settleWithin(cell, () => callWith(cell.method, { apiUrl, authUrl, logger }));
    const requests = cell.fault.plan ? server.counts[route] : 0;
    return { ...settled, requests, otherHost: { ...server.otherHost }, logLines: logger.lines };
  } finally {
    await server.close();
  }
}

/** The emulator faults of a cell: its fault's, on the host its request goes to. */
export function emulatorFaultsOf(cell: Cell): FaultOptions {
  return { ...cell.fault.emulator, target: cell.method === 'token' ? 'auth' : 'api', seed: 1 };
}

async function runOnEmulator(cell: Cell): Promise<CellRun> {
  const target = emulatorFaultsOf(cell).target;
  const emulator = await emulatorWith(emulatorFaultsOf(cell));
  const logger = recordingLogger();
  let requests = 0;
  // The emulator does not count requests: count the attempts the SDK sends to the faulted host.
  const counting: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.includes('/as/token') === (target === 'auth')) requests++;
    return fetch(input, init);
  };
  const settled = await settleWithin(cell, () =>
    callWith(cell.method, { apiUrl: emulator.apiUrl, authUrl: emulator.authUrl, logger, fetch: counting }),
  );
  return { ...settled, requests, otherHost: { requests: 0, sawCredentials: false }, logLines: logger.lines };
}

/** Runs the call, giving up (as `hung`) a second past the cell's bound. */
async function settleWithin(
  cell: Cell,
  call: () => Promise<unknown>,
): Promise<Pick<CellRun, 'data' | 'error' | 'hung' | 'elapsedMs'>> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hung'>((resolve) => {
    timer = setTimeout(() => resolve('hung'), cell.expectation.maxMs + 1000);
  });
  try {
    const settled = await Promise.race([
      call().then(
        (data) => ({ data }),
        (error: unknown) => ({ error }),
      ),
      hang,
    ]);
    const elapsedMs = performance.now() - started;
    return settled === 'hung' ? { hung: true, elapsedMs } : { ...settled, hung: false, elapsedMs };
  } finally {
    clearTimeout(timer);
  }
}
