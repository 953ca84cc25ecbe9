import { type Client, paginate } from '@pingone-sdk/core';
import { listUsers } from '@pingone-sdk/management';
import { stringify } from 'csv-stringify/sync';
import { toRow, userColumns } from '../field-paths.js';
import { OutputStream } from '../output-stream.js';
import { startProgress } from '../progress.js';
import { UsageError } from '../usage-error.js';

export interface ExportOptions {
  population?: string;
  filter?: string;
  format: string;
  output?: string;
  pageSize: string;
}

/** The SCIM filter sent: the population's users, narrowed by `--filter` when both are given. */
export function exportFilter(population: string | undefined, filter: string | undefined): string | undefined {
  if (population !== undefined && !/^[\w-]+$/.test(population)) {
    throw new UsageError(`--population: expected a population id, got "${population}"`);
  }
  const byPopulation = population ? `population.id eq "${population}"` : undefined;
  if (byPopulation && filter) return `(${byPopulation}) and (${filter})`;
  return byPopulation ?? filter;
}

/**
 * Streams every user page by page: each page is written (waiting for the output to drain) before the
 * next is asked for, so memory stays flat whatever the number of users.
 */
export async function runUsersExport(options: ExportOptions, client: () => Promise<Client>): Promise<void> {
  if (options.format !== 'ndjson' && options.format !== 'csv') {
    throw new UsageError(`--format: expected ndjson or csv, got "${options.format}"`);
  }
  const limit = Number(options.pageSize);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new UsageError(`--page-size: expected an integer from 1 to 1000, got "${options.pageSize}"`);
  }
  const filter = exportFilter(options.population, options.filter);
  const query = { limit, ...(filter ? { filter } : {}) };
  const output = new OutputStream(options.output);
  if (options.format === 'csv') await output.write(stringify([[...userColumns]]));
  const pages = paginate(listUsers, { client: await client(), query }).pages();
  let progress: ReturnType<typeof startProgress> | undefined;
  let written = 0;
  try {
    for await (const page of pages) {
      const users = (page._embedded?.users ?? []) as Array<Record<string, unknown>>;
      progress ??= startProgress('users', typeof page.count === 'number' ? page.count : undefined);
      const text =
        options.format === 'csv'
          ? stringify(users.map((user) => toRow(user, userColumns)))
          : users.map((user) => `${JSON.stringify(user)}\n`).join('');
      await output.write(text);
      written += users.length;
      progress.increment(users.length);
    }
  } finally {
    progress?.stop();
    await output.close();
  }
  process.stderr.write(`exported ${written} users\n`);
}
