import cliProgress from 'cli-progress';

/** Counts on stderr for a person at a terminal; silent when stderr is piped or a file. */
export interface Progress {
  increment(count?: number): void;
  stop(): void;
}

/**
 * A bar with count, rate and elapsed time when the total is known, a running count otherwise.
 * Nothing is drawn unless stderr is a terminal, so piped runs and logs stay clean.
 */
export function startProgress(label: string, total?: number): Progress {
  if (!process.stderr.isTTY) return { increment() {}, stop() {} };
  const known = total !== undefined && total > 0;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: known
        ? `${label} [{bar}] {value}/{total} | {rate}/s | {duration_formatted}`
        : `${label} {value} | {rate}/s | {duration_formatted}`,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let value = 0;
  bar.start(known ? total : 0, 0, { rate: '0' });
  return {
    increment(count = 1) {
      value += count;
      const seconds = Math.max(0.001, (Date.now() - started) / 1000);
      bar.update(value, { rate: Math.round(value / seconds).toString() });
    },
    stop() {
      bar.stop();
    },
  };
}
