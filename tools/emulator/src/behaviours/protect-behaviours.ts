import type { BehaviourFamily } from './behaviour.js';
import { riskEvaluationBehaviours } from './protect-evaluations.js';
import { riskPolicySetBehaviours } from './protect-policy-sets.js';
import { riskPredictorBehaviours } from './protect-predictors.js';

/** PingOne Protect: predictors, policy sets and the evaluations that apply them. */
export const protectBehaviours: BehaviourFamily = {
  ...riskPredictorBehaviours,
  ...riskPolicySetBehaviours,
  ...riskEvaluationBehaviours,
};
