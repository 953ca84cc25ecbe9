import type { Client } from '@pingone-sdk/core';
import { exitCodes } from '../exit-codes.js';
import { ImportEngine, type RowOutcome } from '../import/import-engine.js';
import { prepareUser } from '../import/prepare-user.js';
import { readRows, rowFormat } from '../import/read-rows.js';
import { OutputStream } from '../output-stream.js';
import { startProgress } from '../progress.js';
import { UsageError } from '../usage-error.js';

export interface ImportOptions {
  population?: string;
  format?: string;
  dryRun?: boolean;
  failures?: string;
  concurrency: string;
}

/** Counts of one import; `created + skipped + failed` equals `rows` when it ends. */
export interface ImportSummary {
  rows: number;
  created: number;
  skipped: number;
  failed: number;
  invalid: number;
  /** Answers 429 (or 503) that made rows wait and the concurrency shrink. */
  rateLimited: number;
  /** Creates whose answer was lost (dropped connection, timeout, 5xx), settled by a lookup. */
  unanswered: number;
  seconds: number;
}

/**
 * Pass 1 reads the whole file and checks every row against the spec's schema of its body; any bad row
 * stops the import before a single request (with `--dry-run`, pass 1 is all). Pass 2 reads the file
 * again and creates the users, so neither pass holds more than the rows in flight.
 */
export async function runUsersImport(
  file: string,
  options: ImportOptions,
  client: () => Promise<Client>,
): Promise<number> {
  const format = rowFormat(file, options.format);
  if (!format)
    throw new UsageError(
      `--format: expected csv or ndjson (or a .csv / .ndjson file), got "${options.format ?? file}"`,
    );
  if (
    !options.population ||
    !/^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i.test(options.population)
  ) {
    throw new UsageError(
      `--population: expected the id (a UUID) of the population the users go to, got "${options.population ?? ''}"`,
    );
  }
  const maximum = Number(options.concurrency);
  if (!Number.isInteger(maximum) || maximum < 1 || maximum > 64) {
    throw new UsageError(`--concurrency: expected an integer from 1 to 64, got "${options.concurrency}"`);
  }
  const population = options.population;
  const started = Date.now();

  let rows = 0;
  let invalid = 0;
  try {
    for await (const row of readRows(file, format)) {
      rows += 1;
      const problems = row.user
        ? prepareUser(row.user, population).problems
        : [{ field: '', message: row.problem ?? 'cannot be read' }];
      if (problems.length === 0) continue;
      invalid += 1;
      for (const problem of problems) {
        process.stderr.write(`${file}:${row.line}: ${problem.field || '(row)'} ${problem.message}\n`);
      }
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new UsageError(`cannot read ${file}: no such file`);
    throw new UsageError(`${file}: ${(error as Error).message}`);
  }
  const summary: ImportSummary = {
    rows,
    created: 0,
    skipped: 0,
    failed: 0,
    invalid,
    rateLimited: 0,
    unanswered: 0,
    seconds: 0,
  };
  if (options.dryRun || invalid > 0) {
    process.stderr.write(
      invalid > 0
        ? `${invalid} of ${rows} rows do not fit the user schema; nothing was sent\n`
        : `all ${rows} rows fit the user schema; nothing was sent (--dry-run)\n`,
    );
    summary.seconds = (Date.now() - started) / 1000;
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return invalid > 0 ? exitCodes.failure : exitCodes.success;
  }

  const engine = new ImportEngine(await client(), { maximum });
  await engine.start();
  const failures = options.failures ? new OutputStream(options.failures) : undefined;
  const progress = startProgress('users', rows);
  const inFlight = new Set<Promise<void>>();
  const record = async (line: number, username: unknown, outcome: RowOutcome) => {
    progress.increment();
    if (outcome.kind === 'created') summary.created += 1;
    else if (outcome.kind === 'skipped') summary.skipped += 1;
    else {
      summary.failed += 1;
      const { kind: _kind, ...failure } = outcome;
      await failures?.write(`${JSON.stringify({ line, username, ...failure })}\n`);
    }
  };
  try {
    for await (const row of readRows(file, format)) {
      const { prepared } = prepareUser(row.user ?? {}, population);
      while (inFlight.size >= engine.concurrency.limit) await Promise.race(inFlight);
      const task: Promise<void> = engine
        .settle(prepared)
        .then((outcome) => record(row.line, prepared.body.username, outcome))
        .finally(() => inFlight.delete(task));
      inFlight.add(task);
    }
    await Promise.all(inFlight);
  } finally {
    progress.stop();
    await failures?.close();
  }
  summary.rateLimited = engine.rateLimited;
  summary.unanswered = engine.unanswered;
  summary.seconds = (Date.now() - started) / 1000;
  const rate = summary.rows / Math.max(summary.seconds, 0.001);
  process.stderr.write(
    `created ${summary.created}, skipped ${summary.skipped} (already there), failed ${summary.failed}` +
      ` of ${summary.rows} rows in ${summary.seconds.toFixed(1)} s (${rate.toFixed(0)} rows/s;` +
      ` ${summary.rateLimited} answers 429, ${summary.unanswered} lost answers checked)` +
      `${summary.failed && options.failures ? `; failures in ${options.failures}` : ''}\n`,
  );
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  return summary.failed > 0 ? exitCodes.failure : exitCodes.success;
}
