import { InvalidArgumentError } from '@pingone-sdk/core';

/** Refuses anything but a non-empty string before a request is made. */
export function requireText(value: unknown, parameter: string): string {
  if (typeof value !== 'string' || value === '')
    throw new InvalidArgumentError(parameter, 'a non-empty string');
  return value;
}

/** Refuses anything but an absolute URL. */
export function requireUrl(value: unknown, parameter: string): string {
  const text = requireText(value, parameter);
  try {
    new URL(text);
  } catch {
    throw new InvalidArgumentError(parameter, `an absolute URL, got ${JSON.stringify(text)}`);
  }
  return text;
}
