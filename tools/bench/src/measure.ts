/** Timing and heap helpers: plain `performance.now()` loops, no benchmark library. */

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Wall-clock and CPU time (this process: user + system) of a stretch of work, in microseconds. */
export interface Spent {
  wall: number;
  cpu: number;
}

/** Runs `task` `count` times in sequence and returns the total time spent. */
export async function timeSequential(count: number, task: () => Promise<unknown>): Promise<Spent> {
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  for (let index = 0; index < count; index += 1) await task();
  const wall = (performance.now() - startedAt) * 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { wall, cpu: cpu.user + cpu.system };
}

/** Runs `task` once and returns the time spent, in milliseconds. */
export async function timeOnce(task: () => Promise<unknown>): Promise<Spent> {
  const { wall, cpu } = await timeSequential(1, task);
  return { wall: wall / 1000, cpu: cpu / 1000 };
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Whether heap figures are meaningful (node was started with --expose-gc). */
export const canMeasureHeap = typeof gc === 'function';

/** Heap in use after full collections, in bytes (0 without --expose-gc). */
export function settledHeap(): number {
  if (!gc) return 0;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Runs `task`, handing it a `sample()` to call now and then (e.g. every few pages); returns the largest
 * settled-heap growth over the heap before the run, in bytes.
 */
export async function peakHeapGrowth(task: (sample: () => void) => Promise<unknown>): Promise<number> {
  const baseline = settledHeap();
  let peak = 0;
  await task(() => {
    peak = Math.max(peak, settledHeap() - baseline);
  });
  return Math.max(peak, settledHeap() - baseline);
}

/** Formats a table with a header row; numbers are right-aligned. */
export function table(rows: string[][]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        /^[-\d.,×%+ µsMBkms]+$/.test(cell) && column > 0
          ? cell.padStart(widths[column] ?? 0)
          : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ');
  const [header = [], ...body] = rows;
  return [line(header), widths.map((width) => '─'.repeat(width)).join('  '), ...body.map(line)].join('\n');
}
