import { UsageError } from '../usage-error.js';

/** `--since` / `--until`: an ISO 8601 time, or a duration back from now such as `15m`, `2h`, `7d`. */
export function parseTime(option: string, text: string, now = Date.now()): string {
  const relative = /^(\d+)([smhd])$/.exec(text);
  if (relative) {
    const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[relative[2] as 's' | 'm' | 'h' | 'd'];
    return new Date(now - Number(relative[1]) * unit).toISOString();
  }
  const time = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(time)) {
    throw new UsageError(
      `${option}: expected an ISO 8601 time (2026-01-31T12:00:00Z) or a duration (15m, 2h, 7d), got "${text}"`,
    );
  }
  return new Date(time).toISOString();
}

/** The filter of one read: events at or after `from` (and before `until`), narrowed by the user's filter. */
export function activityFilter(from: string, until: string | undefined, filter: string | undefined): string {
  return [`recordedat ge "${from}"`, until ? `recordedat lt "${until}"` : undefined, filter]
    .filter((part) => part !== undefined && part !== '')
    .join(' and ');
}
