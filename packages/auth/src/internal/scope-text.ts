import { InvalidArgumentError } from '@pingone-sdk/core';

/** Scopes as the wire wants them: one space-separated string. Accepts a string or a list. */
export function scopeText(scope: string | readonly string[], parameter = 'scope'): string {
  const text = typeof scope === 'string' ? scope.trim() : Array.isArray(scope) ? scope.join(' ').trim() : '';
  if (text === '') throw new InvalidArgumentError(parameter, 'one or more scopes, as a string or a list');
  return text;
}
