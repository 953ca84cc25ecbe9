import { describe, expect, it } from 'vitest';
import { activeIdentityPeriods } from './active-identity-periods.js';

const signedOnAt = (at: string) => ({ lastSignOn: { at } });

describe('activeIdentityPeriods', () => {
  it('counts users whose last sign-on falls in each month, the last period ending at the end', () => {
    const users = [
      signedOnAt('2026-01-15T10:00:00.000Z'),
      signedOnAt('2026-02-01T00:00:00.000Z'),
      signedOnAt('2026-02-20T08:00:00.000Z'),
      {},
    ];
    const periods = activeIdentityPeriods(
      users,
      new Date('2026-01-01T00:00:00.000Z'),
      new Date('2026-03-10T00:00:00.000Z'),
      'MONTH',
    );
    expect(periods).toEqual([
      { startDate: '2026-01-01T00:00:00.000Z', endDate: '2026-01-31T23:59:59.999Z', value: 1 },
      { startDate: '2026-02-01T00:00:00.000Z', endDate: '2026-02-28T23:59:59.999Z', value: 2 },
      { startDate: '2026-03-01T00:00:00.000Z', endDate: '2026-03-10T00:00:00.000Z', value: 0 },
    ]);
  });

  it('cuts days and years, and returns nothing for an empty range', () => {
    const start = new Date('2026-01-01T00:00:00.000Z');
    expect(activeIdentityPeriods([], start, new Date('2026-01-03T12:00:00.000Z'), 'DAY')).toHaveLength(3);
    expect(activeIdentityPeriods([], start, new Date('2028-06-01T00:00:00.000Z'), 'YEAR')).toHaveLength(3);
    expect(activeIdentityPeriods([], start, start, 'DAY')).toEqual([]);
  });
});
