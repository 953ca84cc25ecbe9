import { InvalidArgumentError } from '@pingone-sdk/core';
import type { RiskEvaluation, RiskLevel, RiskPredictorOutcome } from './generated/types.gen.js';

const compactNamePattern = /^[a-zA-Z0-9]+$/;
const levels: ReadonlySet<unknown> = new Set<RiskLevel>(['LOW', 'MEDIUM', 'HIGH']);

/**
 * The outcome one predictor gave in a risk evaluation. PingOne answers each predictor's outcome in
 * `details` under the predictor's compact name, beside facts about the event (`city`,
 * `impossibleTravel`, ...), so `details.anonymousNetwork` cannot be typed as an outcome; this reads it
 * and checks its shape.
 *
 * @param evaluation - What `createRiskEvaluation` or `getRiskEvaluation` answered.
 * @param compactName - The predictor's `compactName`: letters and digits, e.g. `anonymousNetwork`.
 * @returns The outcome, or `undefined` when the predictor was not evaluated (the policy set does not
 *   list it, or it could not be computed and has no fallback result).
 * @throws InvalidArgumentError when `compactName` is not letters and digits.
 * @example
 * ```ts
 * const { data: evaluation } = await createRiskEvaluation({ client, body: { event } });
 * if (predictorOutcome(evaluation, 'anonymousNetwork')?.level === 'HIGH') {
 *   // the sign-on came through a VPN, proxy or Tor
 * }
 * ```
 */
export function predictorOutcome(
  evaluation: Pick<RiskEvaluation, 'details'>,
  compactName: string,
): RiskPredictorOutcome | undefined {
  if (typeof compactName !== 'string' || !compactNamePattern.test(compactName)) {
    throw new InvalidArgumentError(
      'compactName',
      `a predictor's compact name (letters and digits), got ${JSON.stringify(compactName)}`,
    );
  }
  const entry: unknown = evaluation.details?.[compactName];
  if (typeof entry !== 'object' || entry === null || !levels.has((entry as { level?: unknown }).level)) {
    return undefined;
  }
  return entry as RiskPredictorOutcome;
}
