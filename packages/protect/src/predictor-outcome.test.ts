import { InvalidArgumentError } from '@pingone-sdk/core';
import { describe, expect, it } from 'vitest';
import { predictorOutcome } from './predictor-outcome.js';

const evaluation = {
  details: {
    anonymousNetwork: { level: 'HIGH' as const, type: 'VALUE' as const, reason: 'Tor exit node' },
    ipAddressReputation: { level: 'HIGH' as const, score: 92 },
    anonymousNetworkDetected: true,
    city: 'Frankfurt',
  },
};

describe('predictorOutcome', () => {
  it('answers the outcome stored under the compact name', () => {
    expect(predictorOutcome(evaluation, 'anonymousNetwork')).toEqual({
      level: 'HIGH',
      type: 'VALUE',
      reason: 'Tor exit node',
    });
  });

  it('answers undefined for predictors that were not evaluated and for facts that are not outcomes', () => {
    expect(predictorOutcome(evaluation, 'geoVelocity')).toBeUndefined();
    expect(predictorOutcome(evaluation, 'city')).toBeUndefined();
    expect(predictorOutcome(evaluation, 'anonymousNetworkDetected')).toBeUndefined();
    expect(predictorOutcome({}, 'anonymousNetwork')).toBeUndefined();
    expect(predictorOutcome({ details: { odd: { level: 'SEVERE' } } } as never, 'odd')).toBeUndefined();
  });

  it.each(['', 'user.name', 'toString ', '__proto__', 42])('refuses %j as a compact name', (compactName) => {
    expect(() => predictorOutcome(evaluation, compactName as string)).toThrow(InvalidArgumentError);
    expect(() => predictorOutcome(evaluation, compactName as string)).toThrow(/compactName/);
  });
});
