import { isObject } from '@pingone-sdk/openapi';
import { invalidData, notFound } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic } from './generic.js';
import { applyPolicySet } from './protect-policy-rules.js';
import { evaluationDetails } from './protect-predictor-levels.js';
import { ensureProtectSeeded } from './protect-seed.js';
import { successfulSignOns } from './protect-sign-on-history.js';

/**
 * Risk evaluations:
 * 1. The policy set is `riskPolicySet.id` when given, else the set named `riskPolicySet.name`, else
 *    the environment's default set; naming a set that does not exist is 400 INVALID_VALUE.
 * 2. The predictors computed are the set's `evaluatedPredictors`, or every predictor of the
 *    environment when it lists none (see protect-predictor-levels.ts for each level).
 * 3. The set's policies turn the outcomes into `result` (see protect-policy-rules.ts); the answer
 *    names the set used and keeps the event, whose `completionStatus` starts IN_PROGRESS.
 * 4. The completion status changes once, from IN_PROGRESS to SUCCESS or FAILED, within 30 minutes of
 *    the evaluation; a second or late report is 400 INVALID_VALUE. As PingOne, the answer is the
 *    event with the new status and links to itself, the evaluation and the environment.
 * 5. The user's evaluations reported SUCCESS (newest first) are the history that geovelocity, user
 *    location anomaly and new device predictors compare with.
 */
export const riskEvaluationBehaviours: BehaviourFamily = {
  createRiskEvaluation: createEvaluation,
  setRiskEvaluationCompletionStatus: setCompletionStatus,
};

function createEvaluation(context: BehaviourContext): Reply {
  ensureProtectSeeded(context);
  const body = isObject(context.body) ? context.body : {};
  const event = isObject(body.event) ? body.event : {};
  const policySet = choosePolicySet(context, isObject(body.riskPolicySet) ? body.riskPolicySet : {});
  const now = Date.now();
  const details = evaluationDetails(
    evaluatedPredictors(context, policySet),
    event,
    successfulSignOns(context.store, `/environments/${context.environmentId}/riskEvaluations`, event),
    now,
  );
  return generic.create(context, {
    event: { ...event, completionStatus: event.completionStatus ?? 'IN_PROGRESS' },
    riskPolicySet: { id: policySet.id, name: policySet.name },
    result: applyPolicySet(policySet, { event, details }),
    details,
  });
}

function setCompletionStatus(context: BehaviourContext): Reply {
  const collectionKey = `/environments/${context.environmentId}/riskEvaluations`;
  const id = context.pathParameters.riskEvaluationId ?? '';
  const evaluation = context.store.getItem(collectionKey, id);
  if (!evaluation) throw notFound(`Unable to find risk evaluation with ID ${id}.`);
  const event = isObject(evaluation.event) ? evaluation.event : {};
  const status = isObject(context.body) ? context.body.completionStatus : undefined;
  const refuse = (message: string) =>
    invalidData([{ code: 'INVALID_VALUE', target: 'completionStatus', message }]);
  if (event.completionStatus !== 'IN_PROGRESS') {
    throw refuse(
      `The completion status is already ${String(event.completionStatus)}; it changes only from IN_PROGRESS.`,
    );
  }
  if (Date.now() - Date.parse(String(evaluation.createdAt)) > reportWindowMs) {
    throw refuse('The completion status can be reported only within 30 minutes of the evaluation.');
  }
  const updatedEvent = { ...event, completionStatus: status };
  context.store.putItem(collectionKey, id, {
    ...evaluation,
    event: updatedEvent,
    updatedAt: new Date().toISOString(),
  });
  const evaluationHref = `${context.services.apiUrl}${collectionKey}/${id}`;
  const links = {
    self: { href: `${evaluationHref}/event` },
    riskEvaluation: { href: evaluationHref },
    environment: { href: `${context.services.apiUrl}/environments/${context.environmentId}` },
  };
  return { status: 200, body: { _links: links, ...updatedEvent } };
}

/** PingOne takes the completion status up to 30 minutes after the evaluation. */
const reportWindowMs = 30 * 60 * 1000;

function choosePolicySet(context: BehaviourContext, requested: Record<string, unknown>): Resource {
  const sets = [...context.store.items(`/environments/${context.environmentId}/riskPolicySets`).values()];
  const [target, found] =
    requested.id !== undefined
      ? ['riskPolicySet.id', sets.find((set) => set.id === requested.id)]
      : requested.name !== undefined
        ? ['riskPolicySet.name', sets.find((set) => set.name === requested.name)]
        : ['riskPolicySet', sets.find((set) => set.default === true)];
  if (!found) {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target,
        message: `No risk policy set ${String(requested.id ?? requested.name ?? 'is the default')}.`,
      },
    ]);
  }
  return found;
}

function evaluatedPredictors(context: BehaviourContext, policySet: Resource): Resource[] {
  const all = [...context.store.items(`/environments/${context.environmentId}/riskPredictors`).values()];
  const listed = Array.isArray(policySet.evaluatedPredictors)
    ? policySet.evaluatedPredictors.filter(isObject)
    : [];
  if (listed.length === 0) return all;
  const ids = new Set(listed.map((reference) => reference.id));
  return all.filter((predictor) => ids.has(predictor.id));
}
