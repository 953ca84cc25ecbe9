import { isObject } from '@pingone-sdk/openapi';
import type { Resource } from '../state/store.js';
import { distanceKm, inRanges, type Location, locate, type RiskLevel } from './protect-risk-signals.js';

/**
 * Predictors that compare an event with the user's history: the sign-ons reported SUCCESS through
 * the evaluation's completion status (newest first).
 *
 * 1. Geovelocity: the latest success within 24 hours is the previous sign-on. HIGH when both places
 *    are known, at least 100 km apart, and reaching this one needed more than 1000 km/h; LOW when
 *    there is no previous sign-on or the travel was possible. Unknown current place: not computed.
 * 2. User location anomaly: HIGH when the user has successes with a known place in the last `days`
 *    days and this place lies farther than `radius` (miles or kilometres) from all of them; LOW
 *    otherwise. Unknown current place: not computed.
 * 3. New device (DEVICE, detect NEW_DEVICE): HIGH when the user has successes but none from the
 *    event's `browser.userAgent`; LOW otherwise. No user agent in the event: not computed.
 * 4. An address in the predictor's `whiteList` is LOW for every predictor that has one.
 */

export interface SuccessfulSignOn {
  ip: string;
  userAgent: string | undefined;
  /** Epoch milliseconds of the evaluation. */
  at: number;
}

export interface HistoryOutcome {
  level: RiskLevel;
  reason: string;
  facts?: Record<string, unknown>;
}

const hourMs = 3_600_000;

export function geoVelocity(
  ip: string,
  history: readonly SuccessfulSignOn[],
  now: number,
): HistoryOutcome | undefined {
  const here = locate(ip);
  if (!here) return undefined;
  const previous = history.find((signOn) => now - signOn.at <= 24 * hourMs);
  const there = previous ? locate(previous.ip) : undefined;
  if (!previous || !there) {
    return {
      level: 'LOW',
      reason: 'No earlier sign-on with a known place in the last 24 hours.',
      facts: { impossibleTravel: false },
    };
  }
  const distance = distanceKm(there, here);
  const speed = distance / Math.max((now - previous.at) / hourMs, 1 / 3600);
  const impossible = distance >= 100 && speed > 1000;
  return {
    level: impossible ? 'HIGH' : 'LOW',
    reason: `${Math.round(distance)} km from ${there.city} since the previous sign-on.`,
    facts: {
      impossibleTravel: impossible,
      estimatedSpeed: Math.round(speed),
      previousSuccessfulTransaction: {
        ip: previous.ip,
        city: there.city,
        country: there.country,
        timestamp: new Date(previous.at).toISOString(),
      },
    },
  };
}

export function userLocationAnomaly(
  predictor: Resource,
  ip: string,
  history: readonly SuccessfulSignOn[],
  now: number,
): HistoryOutcome | undefined {
  const here = locate(ip);
  if (!here) return undefined;
  const days = typeof predictor.days === 'number' ? predictor.days : 50;
  const radius = isObject(predictor.radius) ? predictor.radius : {};
  const distance = typeof radius.distance === 'number' ? radius.distance : 100;
  const radiusKm = radius.unit === 'kilometers' ? distance : distance * 1.609344;
  const known = history
    .filter((signOn) => now - signOn.at <= days * 24 * hourMs)
    .map((signOn) => locate(signOn.ip))
    .filter((place): place is Location => place !== undefined);
  if (known.length === 0) return { level: 'LOW', reason: 'No known places to compare with yet.' };
  const nearest = Math.min(...known.map((place) => distanceKm(place, here)));
  return nearest > radiusKm
    ? { level: 'HIGH', reason: `${Math.round(nearest)} km from the nearest usual place.` }
    : { level: 'LOW', reason: 'Within the usual places.' };
}

export function newDevice(
  event: Record<string, unknown>,
  history: readonly SuccessfulSignOn[],
): HistoryOutcome | undefined {
  const userAgent = isObject(event.browser) ? event.browser.userAgent : undefined;
  if (typeof userAgent !== 'string') return undefined;
  if (history.length === 0) return { level: 'LOW', reason: 'No earlier devices to compare with.' };
  return history.some((signOn) => signOn.userAgent === userAgent)
    ? { level: 'LOW', reason: 'A device the user signed on from before.' }
    : { level: 'HIGH', reason: 'A device the user has not signed on from.' };
}

export function whiteListed(predictor: Resource, ip: string): boolean {
  const list = predictor.whiteList;
  return (
    Array.isArray(list) &&
    inRanges(
      ip,
      list.filter((entry): entry is string => typeof entry === 'string'),
    )
  );
}
