import { randomUUID } from 'node:crypto';
import type { Resource } from '../state/store.js';
import type { BehaviourContext } from './behaviour.js';
import { addBuiltInsOnce } from './environment-built-ins.js';

/**
 * What PingOne Protect gives every environment, put in place on the first risk request to it (so
 * environments created later get it too):
 *
 * 1. Built-in predictors, `deletable: false`: anonymousNetwork, ipRisk, geoVelocity,
 *    userLocationAnomaly (50 days, 100 miles) and newDevice.
 * 2. The default policy set "Default Risk Policy": a weighted average of those five predictors,
 *    HIGH from 60, MEDIUM from 30, otherwise LOW. The weights are the emulator's choice.
 */

const builtInPredictors: readonly Resource[] = [
  {
    type: 'ANONYMOUS_NETWORK',
    name: 'Anonymous Network Detection',
    compactName: 'anonymousNetwork',
    weight: 8,
  },
  { type: 'IP_REPUTATION', name: 'IP Reputation', compactName: 'ipRisk', weight: 8 },
  { type: 'GEO_VELOCITY', name: 'Geovelocity Anomaly', compactName: 'geoVelocity', weight: 6 },
  {
    type: 'USER_LOCATION_ANOMALY',
    name: 'User Location Anomaly',
    compactName: 'userLocationAnomaly',
    days: 50,
    radius: { distance: 100, unit: 'miles' },
    weight: 4,
  },
  { type: 'DEVICE', detect: 'NEW_DEVICE', name: 'New Device', compactName: 'newDevice', weight: 4 },
].map(({ weight, ...predictor }) => ({
  ...predictor,
  default: { weight },
  deletable: false,
  licensed: true,
}));

export function ensureProtectSeeded(context: BehaviourContext): void {
  const environmentId = context.environmentId;
  addBuiltInsOnce(context.store, context.services.apiUrl, environmentId, 'protect', (put) => {
    for (const predictor of builtInPredictors)
      put(`/environments/${environmentId}/riskPredictors`, predictor);
    put(`/environments/${environmentId}/riskPolicySets`, defaultPolicySet());
  });
}

function defaultPolicySet(): Resource {
  const aggregatedWeights = builtInPredictors.map((predictor) => ({
    value: `\${details.aggregatedWeights.${predictor.compactName as string}}`,
    weight: (predictor.default as { weight: number }).weight,
  }));
  const weighted = (name: string, level: string, minScore: number, maxScore: number, priority: number) => ({
    id: randomUUID(),
    name,
    priority,
    result: { level, type: 'VALUE' },
    condition: { type: 'AGGREGATED_WEIGHTS', aggregatedWeights, between: { minScore, maxScore } },
  });
  return {
    name: 'Default Risk Policy',
    description: 'Weighs the built-in predictors into one level.',
    default: true,
    defaultResult: { level: 'LOW', type: 'VALUE' },
    riskPolicies: [
      weighted('High weighted risk', 'HIGH', 60, 100, 1),
      weighted('Medium weighted risk', 'MEDIUM', 30, 60, 2),
    ],
  };
}
