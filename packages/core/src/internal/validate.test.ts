import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors.js';
import {
  optionalText,
  optionalTimeout,
  requireMilliseconds,
  requireNumber,
  requireSeconds,
  requireText,
  requireUrl,
} from './validate.js';

const refusal = (action: () => unknown) => {
  try {
    action();
  } catch (error) {
    return error as InvalidArgumentError;
  }
  throw new Error('expected a refusal');
};

describe('requireText', () => {
  it('returns text unchanged, surrounding spaces included', () => {
    expect(requireText(' ada ', 'username')).toBe(' ada ');
  });

  it.each([[''], ['   '], ['\t\n'], [undefined], [null], [42], [{}]])(
    'refuses %j naming the parameter',
    (value) => {
      const error = refusal(() => requireText(value, 'clientId'));
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error.parameter).toBe('clientId');
      expect(error.message).toBe('Invalid clientId: a non-blank string');
    },
  );

  it('lets optionalText skip undefined but not blank text', () => {
    expect(optionalText(undefined, 'scope')).toBeUndefined();
    expect(() => optionalText(' ', 'scope')).toThrow(/Invalid scope/);
  });
});

describe('numbers and durations', () => {
  it('refuses NaN, Infinity, strings and values out of bounds, saying what was expected', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, '5', -1]) {
      expect(() => requireNumber(value, 'limit', { minimum: 0 })).toThrow(InvalidArgumentError);
    }
    expect(refusal(() => requireNumber(1.5, 'limit', { integer: true, minimum: 0 })).message).toBe(
      'Invalid limit: a whole number, 0 or more, got 1.5',
    );
    expect(refusal(() => requireNumber(11, 'page', { minimum: 1, maximum: 10 })).message).toBe(
      'Invalid page: a number, from 1 to 10, got 11',
    );
    expect(requireNumber(0, 'limit', { minimum: 0, integer: true })).toBe(0);
  });

  it('fills in durations left out and names their unit when refusing them', () => {
    expect(requireSeconds(undefined, 'clockToleranceSeconds', 30)).toBe(30);
    expect(requireSeconds(0, 'clockToleranceSeconds', 30)).toBe(0);
    expect(refusal(() => requireSeconds(-1, 'clockToleranceSeconds', 30)).message).toMatch(
      /of seconds, 0 or more/,
    );
    expect(requireMilliseconds(undefined, 'retry.backoffLimit', 10_000)).toBe(10_000);
    expect(refusal(() => requireMilliseconds(2 ** 31, 'retry.backoffLimit', 0)).message).toMatch(
      /of milliseconds, from 0 to 2147483647/,
    );
  });

  it('accepts timeouts above 0 that a timer can wait for', () => {
    expect(optionalTimeout(undefined, 'timeout')).toBeUndefined();
    expect(optionalTimeout(1, 'timeout')).toBe(1);
    for (const value of [0, -5, 2 ** 31, Number.NaN]) {
      expect(() => optionalTimeout(value, 'timeout'), String(value)).toThrow(/Invalid timeout/);
    }
  });
});

describe('requireUrl', () => {
  it('accepts absolute URLs and refuses relative or blank ones', () => {
    expect(requireUrl('https://app.example.com/callback', 'redirectUri')).toBe(
      'https://app.example.com/callback',
    );
    expect(refusal(() => requireUrl('/callback', 'redirectUri')).message).toBe(
      'Invalid redirectUri: an absolute URL, got "/callback"',
    );
    expect(() => requireUrl(' ', 'redirectUri')).toThrow('a non-blank string');
  });
});
