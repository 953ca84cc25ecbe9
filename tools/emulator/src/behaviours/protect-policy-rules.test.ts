import { describe, expect, it } from 'vitest';
import { applyPolicySet, conditionHolds, summedScore, weightedScore } from './protect-policy-rules.js';

const outcome = (level: string) => ({ level, type: 'VALUE' });
const variables = (details: Record<string, unknown>, ip = '192.0.2.10') => ({
  event: { ip, user: { id: 'ada', type: 'EXTERNAL' } },
  details,
});
const weights = (entries: Record<string, number>) =>
  Object.entries(entries).map(([name, weight]) => ({
    value: `\${details.aggregatedWeights.${name}}`,
    weight,
  }));
const scores = (entries: Record<string, number>) =>
  Object.entries(entries).map(([name, score]) => ({ value: `\${details.${name}.level}`, score }));

/** A PingOne variable such as `${event.ip}`, written without a template-looking string literal. */
const v = (path: string) => `\${${path}}`;

describe('risk policy rules', () => {
  it('averages weights: HIGH counts 100, MEDIUM 50, LOW 0, over predictors with an outcome', () => {
    const details = { a: outcome('HIGH'), b: outcome('MEDIUM'), c: outcome('LOW') };
    expect(weightedScore(weights({ a: 8, b: 4, c: 8 }), variables(details))).toBe(50);
    // `d` has no outcome: it is left out of the average instead of counting as LOW.
    expect(weightedScore(weights({ a: 5, d: 5 }), variables(details))).toBe(100);
    expect(weightedScore(weights({ d: 5 }), variables(details))).toBe(0);
    expect(weightedScore(weights({ a: 0, c: 0 }), variables(details))).toBe(0);
  });

  it('sums scores: HIGH adds the score, MEDIUM half, LOW and missing nothing', () => {
    const details = { a: outcome('HIGH'), b: outcome('MEDIUM'), c: outcome('LOW') };
    expect(summedScore(scores({ a: 80, b: 50, c: 100, d: 100 }), variables(details))).toBe(105);
  });

  it('reads both spellings of a predictor in aggregated conditions', () => {
    const details = { ipRisk: outcome('HIGH') };
    const condition = (value: string) => ({
      type: 'AGGREGATED_SCORES',
      aggregatedScores: [{ value, score: 50 }],
      between: { minScore: 50, maxScore: 1000 },
    });
    expect(conditionHolds(condition(v('details.ipRisk.level')), variables(details))).toBe(true);
    expect(conditionHolds(condition(v('details.aggregatedWeights.ipRisk')), variables(details))).toBe(true);
    expect(conditionHolds(condition(v('details.other.level')), variables(details))).toBe(false);
  });

  it.each([
    [39, 40, 70, false],
    [40, 40, 70, true],
    [69, 40, 70, true],
    [70, 40, 70, false],
    [70, 70, 100, true],
    [100, 70, 100, true],
  ])(
    'a weighted score of %i is in [%i, %i): %s (100, the top, is included)',
    (score, minScore, maxScore, expected) => {
      // A HIGH predictor weighing `score` beside a LOW one weighing the rest averages to exactly `score`.
      const details = { h: outcome('HIGH'), l: outcome('LOW') };
      const condition = {
        type: 'AGGREGATED_WEIGHTS',
        aggregatedWeights: weights({ h: score, l: 100 - score }),
        between: { minScore, maxScore },
      };
      expect(conditionHolds(condition, variables(details))).toBe(expected);
    },
  );

  it('includes the top of the score scale (1000) but not an ordinary maxScore', () => {
    const details = { a: outcome('HIGH') };
    const condition = (minScore: number, maxScore: number) => ({
      type: 'AGGREGATED_SCORES',
      aggregatedScores: scores({ a: 100 }),
      between: { minScore, maxScore },
    });
    expect(conditionHolds(condition(50, 100), variables(details))).toBe(false);
    expect(conditionHolds(condition(100, 1000), variables(details))).toBe(true);
  });

  it('compares override values as text, and never matches a predictor without an outcome', () => {
    const details = { anonymousNetwork: outcome('HIGH'), impossibleTravel: true };
    const compare = (value: string, equals: string | boolean) =>
      conditionHolds({ type: 'VALUE_COMPARISON', value, equals }, variables(details));
    expect(compare(v('details.anonymousNetwork.level'), 'HIGH')).toBe(true);
    expect(compare(v('details.anonymousNetwork.level'), 'MEDIUM')).toBe(false);
    expect(compare(v('details.impossibleTravel'), true)).toBe(true);
    expect(compare(v('details.impossibleTravel'), 'true')).toBe(true);
    expect(compare(v('details.missing.level'), 'LOW')).toBe(false);
    expect(compare('not a variable', 'not a variable')).toBe(false);
  });

  it('matches IP ranges against the event address unless `contains` names another', () => {
    const range = (extra: Record<string, unknown> = {}) => ({
      type: 'IP_RANGE',
      ipRange: ['192.0.2.0/24'],
      ...extra,
    });
    expect(conditionHolds(range(), variables({}, '192.0.2.200'))).toBe(true);
    expect(conditionHolds(range(), variables({}, '192.0.3.1'))).toBe(false);
    expect(conditionHolds(range({ contains: v('event.user.id') }), variables({}, '192.0.2.200'))).toBe(false);
    expect(conditionHolds(range({ contains: v('transaction.ip') }), variables({}, '192.0.2.200'))).toBe(true);
    expect(
      conditionHolds({ type: 'IP_RANGE', ipRange: ['2001:db8::/32'] }, variables({}, '2001:db8::1')),
    ).toBe(true);
  });

  it('answers the first policy that holds, in priority order, with its value', () => {
    const policySet = {
      defaultResult: { level: 'LOW', type: 'VALUE' },
      riskPolicies: [
        {
          name: 'office',
          result: { level: 'LOW', value: 'office' },
          condition: { type: 'IP_RANGE', ipRange: ['192.0.2.0/24'] },
        },
        {
          name: 'anonymous',
          result: { level: 'HIGH', value: 'block' },
          condition: { type: 'VALUE_COMPARISON', value: v('details.anonymousNetwork.level'), equals: 'HIGH' },
        },
      ],
    };
    const anonymous = { anonymousNetwork: outcome('HIGH') };
    expect(applyPolicySet(policySet, variables(anonymous, '192.0.2.1'))).toEqual({
      level: 'LOW',
      type: 'VALUE',
      value: 'office',
    });
    expect(applyPolicySet(policySet, variables(anonymous, '198.51.100.1'))).toEqual({
      level: 'HIGH',
      type: 'VALUE',
      value: 'block',
    });
    expect(
      applyPolicySet(policySet, variables({ anonymousNetwork: outcome('LOW') }, '198.51.100.1')),
    ).toEqual({
      level: 'LOW',
      type: 'VALUE',
    });
  });
});
