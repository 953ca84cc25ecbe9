/**
 * The public surface of @pingone-sdk/protect, written the way users write it (evaluate a sign-on,
 * branch on the level, report how it ended; tune predictors and policy sets). Never run: tools/release
 * type-checks it against the build, and the copy from the last release tag must still compile against
 * the next build, or the release is major.
 */
import { createClient } from '@pingone-sdk/core';
import {
  createRiskEvaluation,
  createRiskPolicySet,
  createRiskPredictor,
  deleteRiskPolicySet,
  deleteRiskPredictor,
  getRiskEvaluation,
  getRiskPolicySet,
  getRiskPredictor,
  listRiskPolicySets,
  listRiskPredictors,
  predictorOutcome,
  type RiskEvaluation,
  type RiskLevel,
  type RiskPolicyCondition,
  type RiskPredictor,
  replaceRiskPolicySet,
  replaceRiskPredictor,
  setRiskEvaluationCompletionStatus,
} from '@pingone-sdk/protect';

const client = createClient({ region: 'EU', environmentId: 'environment', token: 'token' });

export async function judgeSignOn(ip: string, userId: string): Promise<RiskLevel> {
  const { data } = await createRiskEvaluation({
    client,
    body: { event: { ip, user: { id: userId, type: 'EXTERNAL' } }, riskPolicySet: { name: 'Sign-on risk' } },
  });
  const evaluation: RiskEvaluation = data;
  const level: RiskLevel = evaluation.result?.level ?? 'LOW';
  const anonymous: RiskLevel | undefined = predictorOutcome(evaluation, 'anonymousNetwork')?.level;
  if (anonymous === 'HIGH') return 'HIGH';
  await setRiskEvaluationCompletionStatus({
    client,
    path: { riskEvaluationId: evaluation.id },
    body: { completionStatus: level === 'HIGH' ? 'FAILED' : 'SUCCESS' },
  });
  await getRiskEvaluation({ client, path: { riskEvaluationId: evaluation.id } });
  return level;
}

export function describeCondition(condition: RiskPolicyCondition): string {
  switch (condition.type) {
    case 'AGGREGATED_WEIGHTS':
      return `${condition.aggregatedWeights.length} weights from ${condition.between.minScore}`;
    case 'AGGREGATED_SCORES':
      return `${condition.aggregatedScores.length} scores up to ${condition.between.maxScore}`;
    case 'VALUE_COMPARISON':
      return `${condition.value} = ${String(condition.equals)}`;
    case 'IP_RANGE':
      return condition.ipRange.join(', ');
  }
}

export function describePredictor(predictor: RiskPredictor): string {
  if (predictor.type === 'MAP')
    return `${predictor.compactName} maps ${Object.keys(predictor.map).join('/')}`;
  if (predictor.type === 'USER_LOCATION_ANOMALY')
    return `${predictor.radius.distance} ${predictor.radius.unit}`;
  return predictor.deletable === false ? `${predictor.name} (built in)` : predictor.name;
}

export async function tune(): Promise<void> {
  const { data: predictors } = await listRiskPredictors({ client });
  for (const predictor of predictors._embedded.riskPredictors) describePredictor(predictor);
  const { data: custom } = await createRiskPredictor({
    client,
    body: {
      type: 'MAP',
      name: 'Tier',
      compactName: 'tier',
      map: { high: { contains: 'x', list: ['trial'] } },
    },
  });
  await getRiskPredictor({ client, path: { riskPredictorId: custom.id } });
  await replaceRiskPredictor({
    client,
    path: { riskPredictorId: custom.id },
    body: { type: 'MAP', name: 'Tier', compactName: 'tier', map: { low: { contains: 'x', list: ['paid'] } } },
  });
  const { data: set } = await createRiskPolicySet({ client, body: { name: 'Sign-on risk', default: true } });
  await getRiskPolicySet({ client, path: { riskPolicySetId: set.id } });
  await replaceRiskPolicySet({ client, path: { riskPolicySetId: set.id }, body: { name: 'Sign-on risk' } });
  await listRiskPolicySets({ client });
  await deleteRiskPolicySet({ client, path: { riskPolicySetId: set.id } });
  await deleteRiskPredictor({ client, path: { riskPredictorId: custom.id } });
}
