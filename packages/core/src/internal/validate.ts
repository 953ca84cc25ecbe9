import { InvalidArgumentError } from '../errors.js';

/**
 * The input validation policy, shared by every package:
 *
 * 1. Text must be a string with at least one character that is not white space: `''` and `'   '` are
 *    refused alike, everywhere, and the value is returned unchanged (never trimmed behind the caller's back).
 * 2. Numbers must be finite: `NaN` and `Infinity` are refused, as is anything that is not a number.
 * 3. Durations name their unit in the message (seconds, milliseconds) and are refused below zero;
 *    millisecond timeouts must also fit a timer (at most 2^31 − 1).
 * 4. URLs must be absolute.
 * 5. Every refusal is an {@link InvalidArgumentError} naming the parameter and what was expected, thrown
 *    before anything is sent.
 */

/** The longest delay `setTimeout` honours; longer ones fire at once. */
const largestTimerDelay = 2_147_483_647;

/** A string with something besides white space in it. */
export function requireText(value: unknown, parameter: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidArgumentError(parameter, 'a non-blank string');
  }
  return value;
}

/** One of the `allowed` values, compared with `===`. */
export function requireOneOf<T>(value: unknown, allowed: readonly T[], parameter: string): T {
  if (!allowed.includes(value as T)) {
    throw new InvalidArgumentError(parameter, `one of ${allowed.join(', ')}, got ${String(value)}`);
  }
  return value as T;
}

/** Like {@link requireText}, for an option that may be left out. */
export function optionalText(value: unknown, parameter: string): string | undefined {
  return value === undefined ? undefined : requireText(value, parameter);
}

/** A finite number within `[minimum, maximum]`, whole when `integer` is set. */
export function requireNumber(
  value: unknown,
  parameter: string,
  bounds: { minimum?: number; maximum?: number; integer?: boolean; unit?: string } = {},
): number {
  const { minimum = -Infinity, maximum = Infinity, integer, unit } = bounds;
  if (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= minimum &&
    value <= maximum &&
    (!integer || Number.isInteger(value))
  ) {
    return value;
  }
  const range =
    maximum < Infinity
      ? `, from ${minimum} to ${maximum}`
      : minimum > -Infinity
        ? `, ${minimum} or more`
        : '';
  const got = typeof value === 'number' || typeof value === 'boolean' ? value : typeof value;
  throw new InvalidArgumentError(
    parameter,
    `a ${integer ? 'whole ' : ''}number${unit ? ` of ${unit}` : ''}${range}, got ${got}`,
  );
}

/** A number of seconds, 0 or more; `fallback` when left out. */
export function requireSeconds(value: unknown, parameter: string, fallback: number): number {
  return value === undefined ? fallback : requireNumber(value, parameter, { minimum: 0, unit: 'seconds' });
}

/** A number of milliseconds that a timer can wait, 0 or more; `fallback` when left out. */
export function requireMilliseconds(value: unknown, parameter: string, fallback: number): number {
  return value === undefined
    ? fallback
    : requireNumber(value, parameter, { minimum: 0, maximum: largestTimerDelay, unit: 'milliseconds' });
}

/** A timeout: more than 0 milliseconds and no more than a timer can wait; undefined when left out. */
export function optionalTimeout(value: unknown, parameter: string): number | undefined {
  if (value === undefined) return undefined;
  if (value === 0) throw new InvalidArgumentError(parameter, 'a positive number of milliseconds, got 0');
  return requireMilliseconds(value, parameter, 0);
}

/** An absolute URL, returned as given. */
export function requireUrl(value: unknown, parameter: string): string {
  const text = requireText(value, parameter);
  try {
    new URL(text);
  } catch {
    throw new InvalidArgumentError(parameter, `an absolute URL, got ${JSON.stringify(text)}`);
  }
  return text;
}
