import { describe, expect, it } from 'vitest';
import { geoVelocity, newDevice, userLocationAnomaly, whiteListed } from './protect-history-predictors.js';
import {
  distanceKm,
  isAnonymousNetwork,
  locate,
  reputationLevel,
  reputationScore,
} from './protect-risk-signals.js';

const hour = 3_600_000;
const now = Date.parse('2026-12-01T12:00:00Z');
const denver = '192.0.2.10';
const boulder = '192.0.2.200';
const sydney = '203.0.113.5';
const signOn = (ip: string, hoursAgo: number, userAgent?: string) => ({
  ip,
  userAgent,
  at: now - hoursAgo * hour,
});

describe('risk signals of the emulator', () => {
  it('knows its anonymous networks, reputation bands and places', () => {
    expect(isAnonymousNetwork('198.51.100.77')).toBe(true);
    expect(isAnonymousNetwork('2001:db8:dead::1')).toBe(true);
    expect(isAnonymousNetwork(denver)).toBe(false);
    expect(isAnonymousNetwork('not an address')).toBe(false);
    expect([sydney, '198.51.100.1', '100.64.0.1', denver].map(reputationScore)).toEqual([92, 80, 60, 5]);
    expect([54, 55, 77, 78].map(reputationLevel)).toEqual(['LOW', 'MEDIUM', 'MEDIUM', 'HIGH']);
    expect(locate(boulder)?.city).toBe('Boulder');
    expect(locate('10.0.0.1')).toBeUndefined();
    const [from, to] = [locate(denver), locate(boulder)];
    if (!from || !to) throw new Error('both places are known');
    expect(Math.round(distanceKm(from, to))).toBe(39);
  });
});

describe('predictors over the user history', () => {
  it('flags impossible travel only from a success within 24 hours, 100 km or more away, above 1000 km/h', () => {
    expect(geoVelocity(sydney, [signOn(denver, 1)], now)).toMatchObject({
      level: 'HIGH',
      facts: { impossibleTravel: true, previousSuccessfulTransaction: { city: 'Denver' } },
    });
    // 13,400 km in 20 hours is 670 km/h: a flight, not an anomaly.
    expect(geoVelocity(sydney, [signOn(denver, 20)], now)).toMatchObject({
      level: 'LOW',
      facts: { impossibleTravel: false },
    });
    expect(geoVelocity(sydney, [signOn(denver, 25)], now)?.level).toBe('LOW');
    // 39 km in a minute is fast but under the 100 km floor.
    expect(geoVelocity(boulder, [signOn(denver, 1 / 60)], now)?.level).toBe('LOW');
    expect(geoVelocity(sydney, [], now)?.level).toBe('LOW');
    expect(geoVelocity('10.0.0.1', [signOn(denver, 1)], now)).toBeUndefined();
  });

  it('flags a place outside the radius of every usual place within the window', () => {
    const predictor = { days: 30, radius: { distance: 20, unit: 'miles' } };
    expect(userLocationAnomaly(predictor, sydney, [signOn(denver, 48)], now)?.level).toBe('HIGH');
    expect(userLocationAnomaly(predictor, boulder, [signOn(denver, 48)], now)?.level).toBe('HIGH');
    expect(
      userLocationAnomaly(
        { ...predictor, radius: { distance: 40, unit: 'kilometers' } },
        boulder,
        [signOn(denver, 48)],
        now,
      )?.level,
    ).toBe('LOW');
    expect(userLocationAnomaly(predictor, sydney, [signOn(denver, 31 * 24)], now)?.level).toBe('LOW');
    expect(userLocationAnomaly(predictor, sydney, [signOn(denver, 48), signOn(sydney, 72)], now)?.level).toBe(
      'LOW',
    );
    expect(userLocationAnomaly(predictor, '10.0.0.1', [signOn(denver, 48)], now)).toBeUndefined();
  });

  it('flags a user agent the user never completed a sign-on with', () => {
    const event = (userAgent?: string) => ({ ip: denver, ...(userAgent ? { browser: { userAgent } } : {}) });
    const history = [signOn(denver, 5, 'Firefox')];
    expect(newDevice(event('Safari'), history)?.level).toBe('HIGH');
    expect(newDevice(event('Firefox'), history)?.level).toBe('LOW');
    expect(newDevice(event('Safari'), [])?.level).toBe('LOW');
    expect(newDevice(event(), history)).toBeUndefined();
  });

  it('white lists addresses and ranges', () => {
    expect(whiteListed({ whiteList: ['198.51.100.0/28'] }, '198.51.100.7')).toBe(true);
    expect(whiteListed({ whiteList: ['198.51.100.0/28'] }, '198.51.100.17')).toBe(false);
    expect(whiteListed({ whiteList: ['198.51.100.17'] }, '198.51.100.17')).toBe(true);
    expect(whiteListed({}, '198.51.100.7')).toBe(false);
  });
});
