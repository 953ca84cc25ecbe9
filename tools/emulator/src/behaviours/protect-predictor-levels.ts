import { isObject } from '@pingone-sdk/openapi';
import type { Resource } from '../state/store.js';
import { compositeLevel, customLevel } from './protect-custom-predictors.js';
import {
  geoVelocity,
  type HistoryOutcome,
  newDevice,
  type SuccessfulSignOn,
  userLocationAnomaly,
  whiteListed,
} from './protect-history-predictors.js';
import {
  isAnonymousNetwork,
  locate,
  type RiskLevel,
  reputationLevel,
  reputationScore,
} from './protect-risk-signals.js';

/**
 * The `details` of an evaluation: each predictor's outcome under its compact name, plus what the
 * emulator learned about the event.
 *
 * 1. Predictors other than COMPOSITE run first, in the given order; composites run last, so they can
 *    read the others' levels.
 * 2. ANONYMOUS_NETWORK: HIGH for an anonymizing network's address, else LOW. IP_REPUTATION: the
 *    level of the address's score. GEO_VELOCITY, USER_LOCATION_ANOMALY and DEVICE (NEW_DEVICE) come
 *    from the user's history; MAP and COMPOSITE from their own rules (see the modules they live in).
 * 3. An address in a predictor's `whiteList` makes it LOW.
 * 4. A predictor the emulator cannot compute (no signal for its kind, or not enough data) takes its
 *    fallback `default.result.level`; without one it has no outcome and is left out of `details`.
 * 5. The event's place (country, city, coordinates) is added whenever the address has a known one.
 */

export interface Outcome {
  level: RiskLevel;
  type: 'VALUE';
  reason?: string;
}

export function evaluationDetails(
  predictors: readonly Resource[],
  event: Record<string, unknown>,
  history: readonly SuccessfulSignOn[],
  now: number,
): Record<string, unknown> {
  const ip = typeof event.ip === 'string' ? event.ip : '';
  const details: Record<string, unknown> = {};
  const place = locate(ip);
  if (place) Object.assign(details, place);
  const ordered = [
    ...predictors.filter((predictor) => predictor.type !== 'COMPOSITE'),
    ...predictors.filter((predictor) => predictor.type === 'COMPOSITE'),
  ];
  for (const predictor of ordered) {
    const computed = whiteListed(predictor, ip)
      ? { level: 'LOW' as const, reason: 'The address is on the predictor’s white list.' }
      : compute(predictor, event, ip, history, now, details);
    if (computed?.facts) Object.assign(details, computed.facts);
    const outcome = computed
      ? { level: computed.level, type: 'VALUE', reason: computed.reason }
      : fallback(predictor);
    if (outcome && typeof predictor.compactName === 'string') details[predictor.compactName] = outcome;
  }
  return details;
}

function compute(
  predictor: Resource,
  event: Record<string, unknown>,
  ip: string,
  history: readonly SuccessfulSignOn[],
  now: number,
  details: Record<string, unknown>,
): HistoryOutcome | undefined {
  switch (predictor.type) {
    case 'ANONYMOUS_NETWORK': {
      const detected = isAnonymousNetwork(ip);
      return {
        level: detected ? 'HIGH' : 'LOW',
        reason: detected ? 'The address belongs to an anonymizing network.' : 'Not an anonymizing network.',
        facts: { anonymousNetworkDetected: detected },
      };
    }
    case 'IP_REPUTATION': {
      const score = reputationScore(ip);
      const level = reputationLevel(score);
      return {
        level,
        reason: `Reputation score ${score}.`,
        facts: { ipAddressReputation: { level, score } },
      };
    }
    case 'GEO_VELOCITY':
      return geoVelocity(ip, history, now);
    case 'USER_LOCATION_ANOMALY':
      return userLocationAnomaly(predictor, ip, history, now);
    case 'DEVICE':
      return predictor.detect === 'NEW_DEVICE' ? newDevice(event, history) : undefined;
    case 'MAP': {
      const level = customLevel(predictor, { event, details });
      return level ? { level, reason: 'Mapped from the event.' } : undefined;
    }
    case 'COMPOSITE':
      return { level: compositeLevel(predictor, { event, details }), reason: 'From the compositions.' };
    default:
      return undefined;
  }
}

function fallback(predictor: Resource): Outcome | undefined {
  const result =
    isObject(predictor.default) && isObject(predictor.default.result) ? predictor.default.result : undefined;
  if (typeof result?.level !== 'string') return undefined;
  return { level: result.level as RiskLevel, type: 'VALUE', reason: 'Not computed; the fallback result.' };
}
