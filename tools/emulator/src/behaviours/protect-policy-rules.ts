import { isObject } from '@pingone-sdk/openapi';
import type { Resource } from '../state/store.js';
import { inRanges, type RiskLevel } from './protect-risk-signals.js';
import { resolve, type Variables } from './protect-variables.js';

/**
 * How a policy set turns the predictors' outcomes into one result.
 *
 * 1. Policies are tried in `riskPolicies` order (their priority); the first whose condition holds
 *    gives the result. When none holds, the set's `defaultResult` (LOW) applies.
 * 2. VALUE_COMPARISON holds when `value` resolves and equals `equals` compared as text
 *    (`true` equals "true"). A predictor without an outcome never satisfies an override.
 * 3. IP_RANGE holds when the address in `contains` (the event's when left out) lies in a range.
 * 4. AGGREGATED_WEIGHTS: a predictor counts 100 when HIGH, 50 when MEDIUM, 0 when LOW; the score is
 *    the weighted average over the listed predictors that have an outcome, rounded (0 when none has).
 * 5. AGGREGATED_SCORES: the sum of each listed predictor's score when HIGH and half of it when
 *    MEDIUM; predictors without an outcome add nothing.
 * 6. A score is in `between` when minScore ≤ score < maxScore; a maxScore at the top of the scale
 *    (100 for weights, 1000 for scores) includes the top.
 * 7. Predictors are named `${details.<compactName>.level}` or `${details.aggregatedWeights.<compactName>}`.
 */

export interface PolicyResult {
  level: RiskLevel;
  type: 'VALUE';
  value?: string;
}

/** The variable of the event's address, PingOne's default for an IP range override. */
const eventAddress = `\${event.ip}`;

const levelValue: Readonly<Record<string, number>> = { HIGH: 100, MEDIUM: 50, LOW: 0 };

export function applyPolicySet(policySet: Resource, variables: Variables): PolicyResult {
  const policies = Array.isArray(policySet.riskPolicies) ? policySet.riskPolicies : [];
  for (const policy of policies) {
    if (!isObject(policy) || !isObject(policy.result) || !conditionHolds(policy.condition, variables))
      continue;
    const { level, value } = policy.result;
    return { level: level as RiskLevel, type: 'VALUE', ...(typeof value === 'string' ? { value } : {}) };
  }
  const fallback = isObject(policySet.defaultResult) ? policySet.defaultResult.level : undefined;
  return { level: (fallback as RiskLevel | undefined) ?? 'LOW', type: 'VALUE' };
}

export function conditionHolds(condition: unknown, variables: Variables): boolean {
  if (!isObject(condition)) return false;
  switch (condition.type) {
    case 'VALUE_COMPARISON': {
      const value = resolve(condition.value, variables);
      return value !== undefined && value !== null && String(value) === String(condition.equals);
    }
    case 'IP_RANGE': {
      const address = resolve(condition.contains ?? eventAddress, variables);
      const ranges = Array.isArray(condition.ipRange) ? condition.ipRange.map(String) : [];
      return typeof address === 'string' && inRanges(address, ranges);
    }
    case 'AGGREGATED_WEIGHTS':
      return inRange(weightedScore(condition.aggregatedWeights, variables), condition.between, 100);
    case 'AGGREGATED_SCORES':
      return inRange(summedScore(condition.aggregatedScores, variables), condition.between, 1000);
    default:
      return false;
  }
}

export function weightedScore(entries: unknown, variables: Variables): number {
  let weighted = 0;
  let weights = 0;
  for (const { level, amount } of levels(entries, 'weight', variables)) {
    weighted += amount * (levelValue[level] ?? 0);
    weights += amount;
  }
  return weights === 0 ? 0 : Math.round(weighted / weights);
}

export function summedScore(entries: unknown, variables: Variables): number {
  let sum = 0;
  for (const { level, amount } of levels(entries, 'score', variables))
    sum += (amount * (levelValue[level] ?? 0)) / 100;
  return sum;
}

/** The listed predictors that have an outcome, with their level and weight or score. */
function levels(entries: unknown, key: 'weight' | 'score', variables: Variables) {
  const list = Array.isArray(entries) ? entries : [];
  return list.flatMap((entry) => {
    if (!isObject(entry)) return [];
    const level = resolve(entry.value, variables);
    const amount = entry[key];
    return typeof level === 'string' && typeof amount === 'number' ? [{ level, amount }] : [];
  });
}

function inRange(score: number, between: unknown, top: number): boolean {
  if (!isObject(between)) return false;
  const minScore = Number(between.minScore);
  const maxScore = Number(between.maxScore);
  return score >= minScore && (score < maxScore || (maxScore >= top && score <= maxScore));
}
