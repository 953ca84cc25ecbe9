import { isObject } from '@pingone-sdk/openapi';
import type { Resource } from '../state/store.js';

export type PeriodUnit = 'DAY' | 'MONTH' | 'YEAR';

/**
 * The emulator has no sign-on history beyond its users' `lastSignOn`, so an active identity count is
 * the number of users who last signed on within the period. Returns one count per period from
 * `start` until `end`, oldest first; the last period ends at `end`.
 */
export function activeIdentityPeriods(
  users: Iterable<Resource>,
  start: Date,
  end: Date,
  unit: PeriodUnit,
): Resource[] {
  const signOns: number[] = [];
  for (const user of users) {
    const at =
      isObject(user.lastSignOn) && typeof user.lastSignOn.at === 'string'
        ? Date.parse(user.lastSignOn.at)
        : NaN;
    if (!Number.isNaN(at)) signOns.push(at);
  }
  const periods: Resource[] = [];
  for (let from = start; from < end; ) {
    const next = new Date(from);
    if (unit === 'YEAR') next.setUTCFullYear(next.getUTCFullYear() + 1);
    else if (unit === 'MONTH') next.setUTCMonth(next.getUTCMonth() + 1);
    else next.setUTCDate(next.getUTCDate() + 1);
    const until = next < end ? next : end;
    periods.push({
      startDate: from.toISOString(),
      endDate: new Date(until.getTime() - (until === next ? 1 : 0)).toISOString(),
      value: signOns.filter((at) => at >= from.getTime() && at < until.getTime()).length,
    });
    from = next;
  }
  return periods;
}
