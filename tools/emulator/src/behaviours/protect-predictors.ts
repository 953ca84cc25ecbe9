import { isObject } from '@pingone-sdk/openapi';
import { type ErrorDetail, invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic, requireItem } from './generic.js';
import { isCidr } from './protect-risk-signals.js';
import { ensureProtectSeeded } from './protect-seed.js';

/**
 * Risk predictors:
 * 1. Predictors you create are `deletable` and `licensed`; built-in ones stay `deletable: false`.
 * 2. `type` and `compactName` are fixed once created.
 * 3. White lists and IP ranges must be IP addresses or CIDR ranges.
 * 4. A built-in predictor cannot be deleted, nor one that a policy set evaluates or weighs.
 */
export const riskPredictorBehaviours: BehaviourFamily = {
  listRiskPredictors: (context) => seeded(context, generic.list),
  getRiskPredictor: (context) => seeded(context, generic.read),
  createRiskPredictor: (context) =>
    seeded(context, () =>
      generic.create(context, { ...checkedBody(context), deletable: true, licensed: true }),
    ),
  replaceRiskPredictor: (context) => seeded(context, replacePredictor),
  deleteRiskPredictor: (context) => seeded(context, deletePredictor),
};

function seeded(context: BehaviourContext, answer: (context: BehaviourContext) => Reply): Reply {
  ensureProtectSeeded(context);
  return answer(context);
}

function replacePredictor(context: BehaviourContext): Reply {
  const existing = requireItem(context);
  const body = checkedBody(context);
  for (const field of ['type', 'compactName'] as const) {
    if (body[field] !== existing[field]) {
      throw invalidData([
        {
          code: 'INVALID_VALUE',
          target: field,
          message: `A predictor's ${field} cannot change (it is ${String(existing[field])}).`,
        },
      ]);
    }
  }
  return generic.replace(context, { ...body, deletable: existing.deletable, licensed: existing.licensed });
}

function deletePredictor(context: BehaviourContext): Reply {
  const predictor = requireItem(context);
  if (predictor.deletable === false) {
    throw invalidData([
      {
        code: 'CONSTRAINT_VIOLATION',
        target: 'deletable',
        message: `${String(predictor.name)} is built in and cannot be deleted.`,
      },
    ]);
  }
  const user = [
    ...context.store.items(`/environments/${context.environmentId}/riskPolicySets`).values(),
  ].find((policySet) => uses(policySet, predictor));
  if (user) {
    throw invalidData([
      {
        code: 'CONSTRAINT_VIOLATION',
        target: 'id',
        message: `The risk policy set ${String(user.name)} still uses this predictor.`,
      },
    ]);
  }
  return generic.delete(context);
}

function uses(policySet: Resource, predictor: Resource): boolean {
  const evaluated = Array.isArray(policySet.evaluatedPredictors) ? policySet.evaluatedPredictors : [];
  if (evaluated.some((reference) => isObject(reference) && reference.id === predictor.id)) return true;
  const pattern = new RegExp(`\\$\\{details\\.(aggregatedWeights\\.)?${String(predictor.compactName)}[.}]`);
  return pattern.test(JSON.stringify(policySet.riskPolicies ?? []));
}

function checkedBody(context: BehaviourContext): Record<string, unknown> {
  const body = isObject(context.body) ? context.body : {};
  const problems: ErrorDetail[] = [];
  const check = (list: unknown, target: string) => {
    for (const [index, entry] of (Array.isArray(list) ? list : []).entries()) {
      if (!isCidr(String(entry))) {
        problems.push({
          code: 'INVALID_VALUE',
          target: `${target}[${index}]`,
          message: `${String(entry)} is not an IP address or CIDR range.`,
        });
      }
    }
  };
  check(body.whiteList, 'whiteList');
  const map = isObject(body.map) ? body.map : {};
  for (const level of ['high', 'medium', 'low']) {
    const match = map[level];
    if (isObject(match)) check(match.ipRange, `map.${level}.ipRange`);
  }
  if (problems.length > 0) throw invalidData(problems);
  return body;
}
