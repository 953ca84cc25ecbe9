/**
 * Judges two sign-ons with PingOne Protect, one from a suspicious address and one from an ordinary
 * address, then tells PingOne how each flow ended.
 *
 *   pnpm exec tsx evaluate-risk.ts
 *
 * It sets up its own policy set (an anonymous-network override, then weighted predictors) and removes it
 * at the end. It runs against a local emulator unless these are set:
 *   PINGONE_ENVIRONMENT_ID   the environment to evaluate in (PingOne Protect must be licensed there)
 *   PINGONE_CLIENT_ID        a worker application's client id …
 *   PINGONE_CLIENT_SECRET    … and secret
 *   PINGONE_REGION           NA (default), EU, CA, AU, SG or AP
 *   PINGONE_ADMIN_ENVIRONMENT_ID  where the worker application lives (default: PINGONE_ENVIRONMENT_ID)
 *   PINGONE_SUSPICIOUS_IP, PINGONE_ORDINARY_IP  the two addresses (defaults suit the emulator)
 *   PINGONE_API_URL, PINGONE_AUTH_URL  host overrides, e.g. an emulator started elsewhere
 */
import type { Client } from '@pingone-sdk/core';
import {
  createRiskEvaluation,
  createRiskPolicySet,
  deleteRiskPolicySet,
  predictorOutcome,
  type RiskLevel,
  type RiskPolicy,
  setRiskEvaluationCompletionStatus,
} from '@pingone-sdk/protect';
import { isMain, managementClientFor, runOnTenantOrEmulator, type TenantSettings } from './tenant.js';

export interface EvaluateRiskSettings extends TenantSettings {
  /** @default '198.51.100.23', an anonymizing network in the emulator */
  suspiciousIp?: string;
  /** @default '192.0.2.10', an ordinary address in the emulator */
  ordinaryIp?: string;
}

/** PingOne's variable syntax, `${details.<predictor>.level}`; a function keeps it out of template literals. */
const variable = (path: string) => `\${${path}}`;

/** Weights of PingOne's built-in predictors, named by their compact names. */
const weighted = (level: RiskLevel, minScore: number, maxScore: number): RiskPolicy => ({
  name: `${level} weighted risk`,
  result: { level },
  condition: {
    type: 'AGGREGATED_WEIGHTS',
    aggregatedWeights: [
      { value: variable('details.aggregatedWeights.ipRisk'), weight: 8 },
      { value: variable('details.aggregatedWeights.geoVelocity'), weight: 6 },
      { value: variable('details.aggregatedWeights.userLocationAnomaly'), weight: 4 },
    ],
    between: { minScore, maxScore },
  },
});

export async function runEvaluateRisk(
  settings: EvaluateRiskSettings,
): Promise<{ suspicious: RiskLevel; ordinary: RiskLevel }> {
  const log = settings.log ?? console.log;
  const client = managementClientFor(settings);

  // Policies are tried in order: an anonymous network is HIGH whatever else is known, then the
  // weighted average of the other predictors decides. When nothing holds, the result is LOW.
  const { data: policySet } = await createRiskPolicySet({
    client,
    body: {
      name: `SDK example ${Date.now()}`,
      description: 'Created by examples/evaluate-risk.ts; removed when it ends.',
      riskPolicies: [
        {
          name: 'Anonymous network',
          result: { level: 'HIGH', value: 'deny' },
          condition: {
            type: 'VALUE_COMPARISON',
            value: variable('details.anonymousNetwork.level'),
            equals: 'HIGH',
          },
        },
        weighted('HIGH', 60, 100),
        weighted('MEDIUM', 30, 60),
      ],
    },
  });
  log(`created policy set ${policySet.name} with ${policySet.riskPolicies?.length} policies`);

  try {
    const suspicious = await signOn(
      client,
      policySet.id,
      settings.suspiciousIp ?? '198.51.100.23',
      'FAILED',
      log,
    );
    const ordinary = await signOn(client, policySet.id, settings.ordinaryIp ?? '192.0.2.10', 'SUCCESS', log);
    return { suspicious, ordinary };
  } finally {
    await deleteRiskPolicySet({ client, path: { riskPolicySetId: policySet.id } });
    log(`deleted policy set ${policySet.name}`);
  }
}

/** Evaluates one sign-on by `ada`, then reports how the flow ended: blocked ones as FAILED. */
async function signOn(
  client: Client,
  riskPolicySetId: string,
  ip: string,
  completionStatus: 'SUCCESS' | 'FAILED',
  log: (line: string) => void,
): Promise<RiskLevel> {
  const { data: evaluation } = await createRiskEvaluation({
    client,
    body: {
      event: {
        ip,
        user: { id: 'ada', name: 'Ada Lovelace', type: 'EXTERNAL' },
        flow: { type: 'AUTHENTICATION' },
        targetResource: { name: 'Customer portal' },
      },
      riskPolicySet: { id: riskPolicySetId },
    },
  });
  const level = evaluation.result?.level ?? 'LOW';
  const place =
    [evaluation.details?.city, evaluation.details?.country].filter(Boolean).join(', ') || 'unknown place';
  const decision = evaluation.result?.value ? ` (${evaluation.result.value})` : '';
  log(`sign-on from ${ip} (${place}): risk ${level}${decision}`);
  // Each predictor's own verdict, read by its compact name.
  const verdicts = ['anonymousNetwork', 'ipRisk', 'geoVelocity'].map(
    (compactName) => `${compactName} ${predictorOutcome(evaluation, compactName)?.level ?? 'not evaluated'}`,
  );
  log(`  predictors: ${verdicts.join(', ')}`);

  const { data: reported } = await setRiskEvaluationCompletionStatus({
    client,
    path: { riskEvaluationId: evaluation.id },
    body: { completionStatus },
  });
  log(`reported the flow as ${reported.completionStatus}`);
  return level;
}

if (isMain(import.meta.url)) {
  const addresses = {
    suspiciousIp: process.env.PINGONE_SUSPICIOUS_IP,
    ordinaryIp: process.env.PINGONE_ORDINARY_IP,
  };
  await runOnTenantOrEmulator('Evaluating risk', async (tenant, emulator) => {
    const levels = await runEvaluateRisk({ ...tenant, ...addresses });
    if (emulator)
      console.log(`suspicious sign-on: ${levels.suspicious}, ordinary sign-on: ${levels.ordinary}`);
  });
}
