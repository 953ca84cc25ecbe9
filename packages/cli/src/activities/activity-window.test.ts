import { describe, expect, it } from 'vitest';
import { activityFilter, parseTime } from './activity-window.js';

describe('activity window', () => {
  const now = Date.parse('2026-06-01T12:00:00.000Z');

  it('reads ISO 8601 times and durations back from now', () => {
    expect(parseTime('--since', '2026-05-31T10:00:00+02:00', now)).toBe('2026-05-31T08:00:00.000Z');
    expect(parseTime('--since', '15m', now)).toBe('2026-06-01T11:45:00.000Z');
    expect(parseTime('--since', '2h', now)).toBe('2026-06-01T10:00:00.000Z');
    expect(parseTime('--since', '7d', now)).toBe('2026-05-25T12:00:00.000Z');
  });

  it('names the option and what it expects for anything else', () => {
    expect(() => parseTime('--until', 'yesterday', now)).toThrow(
      '--until: expected an ISO 8601 time (2026-01-31T12:00:00Z) or a duration (15m, 2h, 7d), got "yesterday"',
    );
    expect(() => parseTime('--since', '12', now)).toThrow('--since');
  });

  it('joins the window and the user filter with and', () => {
    expect(activityFilter('2026-06-01T00:00:00.000Z', undefined, undefined)).toBe(
      'recordedat ge "2026-06-01T00:00:00.000Z"',
    );
    expect(activityFilter('a', 'b', 'action.type eq "USER.CREATED"')).toBe(
      'recordedat ge "a" and recordedat lt "b" and action.type eq "USER.CREATED"',
    );
  });
});
