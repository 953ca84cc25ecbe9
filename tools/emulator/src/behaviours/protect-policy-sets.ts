import { randomUUID } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { type ErrorDetail, invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { defaultFlaggedWrites } from './default-flag.js';
import { generic } from './generic.js';
import { isCidr } from './protect-risk-signals.js';
import { ensureProtectSeeded } from './protect-seed.js';

const noun = 'risk policy set';

/**
 * Risk policy sets: exactly one default (it cannot be deleted or drop the flag), each policy gets an
 * id and its priority from its place in the list, IP ranges must parse, weighted and scored
 * conditions may only name predictors of the environment, and a range's minScore cannot exceed its
 * maxScore.
 */
const writes = defaultFlaggedWrites(noun, checkedBody);

export const riskPolicySetBehaviours: BehaviourFamily = {
  listRiskPolicySets: (context) => seeded(context, generic.list),
  getRiskPolicySet: (context) => seeded(context, generic.read),
  createRiskPolicySet: (context) => seeded(context, writes.create),
  replaceRiskPolicySet: (context) => seeded(context, writes.replace),
  deleteRiskPolicySet: (context) => seeded(context, writes.delete),
};

function seeded(context: BehaviourContext, answer: (context: BehaviourContext) => Reply): Reply {
  ensureProtectSeeded(context);
  return answer(context);
}

function checkedBody(context: BehaviourContext): Record<string, unknown> {
  const body = isObject(context.body) ? context.body : {};
  const policies = Array.isArray(body.riskPolicies) ? body.riskPolicies.filter(isObject) : [];
  const predictors = new Set(
    [...context.store.items(`/environments/${context.environmentId}/riskPredictors`).values()].map(
      (predictor) => predictor.compactName,
    ),
  );
  const problems: ErrorDetail[] = [];
  policies.forEach((policy, index) => {
    const condition = isObject(policy.condition) ? policy.condition : {};
    const target = `riskPolicies[${index}].condition`;
    for (const [position, range] of (Array.isArray(condition.ipRange) ? condition.ipRange : []).entries()) {
      if (!isCidr(String(range))) {
        problems.push({
          code: 'INVALID_VALUE',
          target: `${target}.ipRange[${position}]`,
          message: `${String(range)} is not an IP address or CIDR range.`,
        });
      }
    }
    const entries = [condition.aggregatedWeights, condition.aggregatedScores].flatMap((list) =>
      Array.isArray(list) ? list : [],
    );
    for (const entry of entries.filter(isObject)) {
      const name = /^\$\{details\.(?:aggregatedWeights\.)?([A-Za-z0-9]+)(?:\.level)?\}$/.exec(
        String(entry.value),
      )?.[1];
      if (name === undefined || !predictors.has(name)) {
        problems.push({
          code: 'INVALID_VALUE',
          target: `${target}.value`,
          message: `${String(entry.value)} names no risk predictor of this environment.`,
        });
      }
    }
    const between = isObject(condition.between) ? condition.between : undefined;
    if (between && Number(between.minScore) > Number(between.maxScore)) {
      problems.push({
        code: 'INVALID_VALUE',
        target: `${target}.between.minScore`,
        message: 'minScore cannot be larger than maxScore.',
      });
    }
  });
  if (problems.length > 0) throw invalidData(problems);
  return {
    ...body,
    defaultResult: isObject(body.defaultResult)
      ? { type: 'VALUE', ...body.defaultResult }
      : { level: 'LOW', type: 'VALUE' },
    riskPolicies: policies.map((policy, index) => ({ ...policy, id: randomUUID(), priority: index + 1 })),
  };
}
