import { describe, expect, it } from 'vitest';
import { compositeLevel, customLevel, holds } from './protect-custom-predictors.js';
import { resolve } from './protect-variables.js';

const variables = {
  event: {
    ip: '203.0.113.9',
    user: { id: 'ada', type: 'EXTERNAL', groups: [{ name: 'admins' }, { name: 'staff' }] },
    account: { tier: 'trial', ageDays: 3 },
  },
  details: { anonymousNetwork: { level: 'HIGH', type: 'VALUE' }, ipRisk: { level: 'MEDIUM', type: 'VALUE' } },
};

/** A PingOne variable such as `${event.ip}`, written without a template-looking string literal. */
const v = (path: string) => `\${${path}}`;

describe('custom and composite predictors', () => {
  it('resolves event and details variables (protect-variables.ts), groups as names, and nothing else', () => {
    expect(resolve(v('event.account.tier'), variables)).toBe('trial');
    expect(resolve(v('event.user.groups'), variables)).toEqual(['admins', 'staff']);
    expect(resolve(v('details.ipRisk.level'), variables)).toBe('MEDIUM');
    expect(resolve(v('details.aggregatedWeights.ipRisk'), variables)).toBe('MEDIUM');
    expect(resolve(v('event.account.missing'), variables)).toBeUndefined();
    expect(resolve(v('transaction.ip'), variables)).toBe('203.0.113.9');
    expect(resolve(v('transaction.id'), variables)).toBeUndefined();
    expect(resolve(v('session.id'), variables)).toBeUndefined();
    expect(resolve('event.account.tier', variables)).toBeUndefined();
  });

  it('maps an attribute by list, range and IP range, trying high, then medium, then low', () => {
    const map = (levels: Record<string, unknown>) => customLevel({ type: 'MAP', map: levels }, variables);
    expect(map({ high: { contains: v('event.account.tier'), list: ['trial'] } })).toBe('HIGH');
    expect(
      map({
        high: { contains: v('event.account.tier'), list: ['free'] },
        medium: { contains: v('event.account.ageDays'), between: { minScore: 0, maxScore: 3 } },
      }),
    ).toBe('MEDIUM');
    expect(map({ low: { contains: v('event.ip'), ipRange: ['203.0.113.0/24'] } })).toBe('LOW');
    // Both match: high wins.
    expect(
      map({
        low: { contains: v('event.account.tier'), list: ['trial'] },
        high: { contains: v('event.account.ageDays'), between: { minScore: 0, maxScore: 7 } },
      }),
    ).toBe('HIGH');
    expect(
      map({ high: { contains: v('event.account.ageDays'), between: { minScore: 4, maxScore: 7 } } }),
    ).toBeUndefined();
    expect(map({ high: { contains: v('event.account.missing'), list: ['trial'] } })).toBeUndefined();
  });

  it('combines tests with AND, OR and NOT', () => {
    const anonymous = {
      type: 'VALUE_COMPARISON',
      value: v('details.anonymousNetwork.level'),
      equals: 'HIGH',
    };
    const admin = { type: 'STRING_LIST', contains: v('event.user.groups'), list: ['admins'] };
    const guest = { type: 'STRING_LIST', contains: v('event.user.groups'), list: ['guests'] };
    expect(holds({ type: 'AND', and: [anonymous, admin] }, variables)).toBe(true);
    expect(holds({ type: 'AND', and: [anonymous, guest] }, variables)).toBe(false);
    expect(holds({ type: 'OR', or: [guest, admin] }, variables)).toBe(true);
    expect(holds({ type: 'NOT', not: guest }, variables)).toBe(true);
    expect(
      holds({ type: 'STRING_LIST', notContains: v('event.user.groups'), list: ['guests'] }, variables),
    ).toBe(true);
    expect(
      holds({ type: 'IP_RANGE', notContains: v('event.ip'), ipRange: ['203.0.113.0/24'] }, variables),
    ).toBe(false);
    expect(holds({ type: 'UNKNOWN' }, variables)).toBe(false);
  });

  it('compares values with every comparator given, and a missing value with none', () => {
    const compare = (extra: Record<string, unknown>, value = v('event.account.ageDays')) =>
      holds({ type: 'VALUE_COMPARISON', value, ...extra }, variables);
    expect(compare({ greater: 2, lowerEquals: 3 })).toBe(true);
    expect(compare({ greater: 2, lower: 3 })).toBe(false);
    expect(compare({ greaterEquals: 3, notEquals: 4 })).toBe(true);
    expect(compare({ startsWith: 'tr', endsWith: 'al' }, v('event.account.tier'))).toBe(true);
    expect(compare({ containsIgnoreCase: 'RIA' }, v('event.account.tier'))).toBe(true);
    expect(compare({ notEquals: 'x' }, v('event.account.missing'))).toBe(false);
    expect(compare({})).toBe(false);
  });

  it('gives the first holding composition its level, and LOW when none holds', () => {
    const medium = {
      level: 'MEDIUM',
      condition: { type: 'VALUE_COMPARISON', value: v('details.ipRisk.level'), equals: 'MEDIUM' },
    };
    const high = {
      level: 'HIGH',
      condition: { type: 'IP_RANGE', contains: v('event.ip'), ipRange: ['203.0.113.0/24'] },
    };
    expect(compositeLevel({ compositions: [medium, high] }, variables)).toBe('MEDIUM');
    expect(compositeLevel({ compositions: [high, medium] }, variables)).toBe('HIGH');
    expect(
      compositeLevel(
        { compositions: [{ level: 'HIGH', condition: { type: 'NOT', not: high.condition } }] },
        variables,
      ),
    ).toBe('LOW');
  });
});
