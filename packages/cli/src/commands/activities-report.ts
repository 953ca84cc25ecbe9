import { type Client, paginate } from '@pingone-sdk/core';
import { listActivities } from '@pingone-sdk/management';
import { stringify } from 'csv-stringify/sync';
import { activityFilter, parseTime } from '../activities/activity-window.js';
import { UsageError } from '../usage-error.js';

export interface ReportOptions {
  since: string;
  until?: string;
  by: string;
  filter?: string;
  format: string;
}

/** The fields of an activity a report counts by. */
interface Counted {
  action?: { type?: string };
  result?: { status?: string };
  recordedAt?: string;
}

const keys = {
  action: (activity: Counted) => activity.action?.type ?? 'UNKNOWN',
  result: (activity: Counted) => activity.result?.status ?? 'UNKNOWN',
  day: (activity: Counted) => (activity.recordedAt ?? '').slice(0, 10),
};

/** Counts activities of a window by action type, result or day; only the counts are kept in memory. */
export async function runActivitiesReport(
  options: ReportOptions,
  client: () => Promise<Client>,
): Promise<void> {
  const key = keys[options.by as keyof typeof keys];
  if (!key) throw new UsageError(`--by: expected action, result or day, got "${options.by}"`);
  if (!['table', 'csv', 'json'].includes(options.format)) {
    throw new UsageError(`--format: expected table, csv or json, got "${options.format}"`);
  }
  const since = parseTime('--since', options.since);
  const until = options.until ? parseTime('--until', options.until) : undefined;
  const counts = new Map<string, number>();
  const query = { limit: 1000, filter: activityFilter(since, until, options.filter) };
  for await (const activity of paginate(listActivities, { client: await client(), query })) {
    const name = key(activity as Counted);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const rows = [...counts].sort((a, b) => (options.by === 'day' ? a[0].localeCompare(b[0]) : b[1] - a[1]));
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(rows.map(([name, count]) => ({ [options.by]: name, count })))}\n`);
  } else if (options.format === 'csv') {
    process.stdout.write(stringify([[options.by, 'count'], ...rows]));
  } else {
    const width = Math.max(options.by.length, ...rows.map(([name]) => name.length));
    const total = rows.reduce((sum, [, count]) => sum + count, 0);
    const lines = [
      `${options.by.toUpperCase().padEnd(width)}  COUNT`,
      ...rows.map(([name, count]) => `${name.padEnd(width)}  ${String(count).padStart(5)}`),
      `${'TOTAL'.padEnd(width)}  ${String(total).padStart(5)}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
