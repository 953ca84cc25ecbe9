import { isObject } from '@pingone-sdk/openapi';
import type { Resource } from '../state/store.js';
import { inRanges, type RiskLevel } from './protect-risk-signals.js';
import { resolve, texts, type Variables } from './protect-variables.js';

/**
 * Custom (MAP) and composite predictors, reading the variables of protect-variables.ts.
 *
 * 1. MAP: `high`, `medium`, `low` are tried in that order. `list` matches a value equal (as text) to an
 *    entry, `between` a number from minScore to maxScore (both included), `ipRange` an address in a
 *    range. Nothing matches, or the attribute is missing: not computed (the fallback applies).
 * 2. COMPOSITE: the first composition whose condition holds gives its level; none holds: LOW.
 * 3. AND holds when all hold, OR when one does, NOT when its condition does not.
 * 4. VALUE_COMPARISON holds when every comparator given agrees: equals/notEquals compare as text,
 *    greater/greaterEquals/lower/lowerEquals as numbers, startsWith/endsWith as text and
 *    containsIgnoreCase as text ignoring case. A missing value satisfies no comparator.
 * 5. IP_RANGE holds when `contains` is in a range (or `notContains` is in none); STRING_LIST when
 *    `contains` has a value in `list` (or `notContains` has none).
 */

export function customLevel(predictor: Resource, variables: Variables): RiskLevel | undefined {
  const map = isObject(predictor.map) ? predictor.map : {};
  for (const level of ['high', 'medium', 'low'] as const) {
    const match = map[level];
    if (isObject(match) && matches(match, resolve(match.contains, variables))) {
      return level.toUpperCase() as RiskLevel;
    }
  }
  return undefined;
}

export function compositeLevel(predictor: Resource, variables: Variables): RiskLevel {
  const compositions = Array.isArray(predictor.compositions) ? predictor.compositions : [];
  const hit = compositions.find((entry) => isObject(entry) && holds(entry.condition, variables));
  return isObject(hit) ? (hit.level as RiskLevel) : 'LOW';
}

export function holds(condition: unknown, variables: Variables): boolean {
  if (!isObject(condition)) return false;
  const all = (key: string) => (Array.isArray(condition[key]) ? (condition[key] as unknown[]) : []);
  switch (condition.type) {
    case 'AND':
      return all('and').every((inner) => holds(inner, variables));
    case 'OR':
      return all('or').some((inner) => holds(inner, variables));
    case 'NOT':
      return !holds(condition.not, variables);
    case 'VALUE_COMPARISON':
      return compare(condition, resolve(condition.value, variables));
    case 'IP_RANGE':
      return either(
        condition,
        variables,
        (value) => typeof value === 'string' && inRanges(value, texts(condition.ipRange)),
      );
    case 'STRING_LIST':
      return either(condition, variables, (value) =>
        texts(value).some((entry) => texts(condition.list).includes(entry)),
      );
    default:
      return false;
  }
}

function either(
  condition: Record<string, unknown>,
  variables: Variables,
  test: (value: unknown) => boolean,
): boolean {
  if (condition.contains !== undefined) return test(resolve(condition.contains, variables));
  if (condition.notContains !== undefined) return !test(resolve(condition.notContains, variables));
  return false;
}

function compare(condition: Record<string, unknown>, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  const text = String(value);
  const number = Number(value);
  const checks: Array<[string, (expected: unknown) => boolean]> = [
    ['equals', (expected) => text === String(expected)],
    ['notEquals', (expected) => text !== String(expected)],
    ['greater', (expected) => number > Number(expected)],
    ['greaterEquals', (expected) => number >= Number(expected)],
    ['lower', (expected) => number < Number(expected)],
    ['lowerEquals', (expected) => number <= Number(expected)],
    ['startsWith', (expected) => text.startsWith(String(expected))],
    ['endsWith', (expected) => text.endsWith(String(expected))],
    ['containsIgnoreCase', (expected) => text.toLowerCase().includes(String(expected).toLowerCase())],
  ];
  const given = checks.filter(([key]) => condition[key] !== undefined);
  return given.length > 0 && given.every(([key, check]) => check(condition[key]));
}

function matches(match: Record<string, unknown>, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(match.list)) return texts(value).some((entry) => texts(match.list).includes(entry));
  if (isObject(match.between)) {
    const number = typeof value === 'number' ? value : Number(value);
    return (
      Number.isFinite(number) &&
      number >= Number(match.between.minScore) &&
      number <= Number(match.between.maxScore)
    );
  }
  if (Array.isArray(match.ipRange)) return typeof value === 'string' && inRanges(value, texts(match.ipRange));
  return false;
}
