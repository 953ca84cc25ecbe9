import type { CommandParameter } from './command-table.js';
import { UsageError } from './usage-error.js';

/** Commander collector for repeatable `--path k=v` / `--query k=v` options. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function convert(option: string, parameter: CommandParameter, text: string): unknown {
  if (parameter.type === 'integer' || parameter.type === 'number') {
    const number = Number(text);
    if (
      text.trim() === '' ||
      Number.isNaN(number) ||
      (parameter.type === 'integer' && !Number.isInteger(number))
    ) {
      throw new UsageError(
        `${option} ${parameter.name}: expected ${parameter.type === 'integer' ? 'an integer' : 'a number'}, got "${text}"`,
      );
    }
    return number;
  }
  if (parameter.type === 'boolean') {
    if (text !== 'true' && text !== 'false') {
      throw new UsageError(`${option} ${parameter.name}: expected true or false, got "${text}"`);
    }
    return text === 'true';
  }
  if (parameter.type.includes('|') && !parameter.type.split('|').includes(text)) {
    throw new UsageError(
      `${option} ${parameter.name}: expected one of ${parameter.type.replaceAll('|', ', ')}, got "${text}"`,
    );
  }
  return text;
}

/**
 * `k=v` pairs checked against the operation's parameters: unknown names and malformed values are usage
 * errors that name the option, the parameter and what was expected.
 */
export function parseKeyValues(
  option: '--path' | '--query',
  pairs: string[],
  parameters: CommandParameter[],
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new UsageError(`${option}: expected name=value, got "${pair}"`);
    const name = pair.slice(0, equals);
    const parameter = parameters.find((candidate) => candidate.name === name);
    if (!parameter) {
      const known = parameters.map((candidate) => candidate.name).join(', ') || 'none';
      throw new UsageError(`${option}: this operation has no parameter "${name}" (it takes: ${known})`);
    }
    result[name] = convert(option, parameter, pair.slice(equals + 1));
  }
  return result;
}
