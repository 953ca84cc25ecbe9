import { recordingLogger } from '../recording-logger.js';
import type { Cell } from './cells.js';
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

/** Runs one cell against a fresh fault server and reports what the caller saw. */
export async function runCell(cell: Cell): Promise<CellRun> {
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
  const started = performance.now();
  const deadline = cell.expectation.maxMs + 1000;
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hung'>((resolve) => {
    timer = setTimeout(() => resolve('hung'), deadline);
  });
  try {
    const settled = await Promise.race([
      callWith(cell.method, { apiUrl, authUrl, logger }).then(
        (data) => ({ data }),
        (error: unknown) => ({ error }),
      ),
      hang,
    ]);
    const elapsedMs = performance.now() - started;
    const requests = cell.fault.plan ? server.counts[route] : 0;
    const common = { elapsedMs, requests, otherHost: { ...server.otherHost }, logLines: logger.lines };
    if (settled === 'hung') return { ...common, hung: true };
    return { ...common, ...settled, hung: false };
  } finally {
    clearTimeout(timer);
    await server.close();
  }
}
