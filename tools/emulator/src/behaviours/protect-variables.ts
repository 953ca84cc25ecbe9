import { isObject } from '@pingone-sdk/openapi';

/**
 * The variables policies and predictors read, PingOne's `${…}` syntax.
 *
 * 1. `${event.a.b}` reads `a.b` of the event and `${details.x.level}` the level predictor `x` gave;
 *    `${details.aggregatedWeights.x}` is the same level. Anything else is missing (undefined).
 * 2. `${transaction.ip}`, the spelling of PingOne's IP range overrides, is the event's address.
 * 3. A list of `{ name }` objects (the user's groups) reads as the list of names.
 */

export interface Variables {
  event: Record<string, unknown>;
  details: Record<string, unknown>;
}

export function resolve(expression: unknown, variables: Variables): unknown {
  const match = typeof expression === 'string' ? /^\$\{([^}]+)\}$/.exec(expression.trim()) : null;
  if (!match?.[1]) return undefined;
  const [root, ...path] = match[1].split('.');
  if (root === 'details' && path[0] === 'aggregatedWeights' && path.length === 2) {
    return read(variables.details, [path[1] ?? '', 'level']);
  }
  if (root === 'transaction' && path.join('.') === 'ip') return variables.event.ip;
  if (root === 'event') return read(variables.event, path);
  if (root === 'details') return read(variables.details, path);
  return undefined;
}

/** The text values of a string, number, boolean or a list of them. */
export function texts(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((entry) => ['string', 'number', 'boolean'].includes(typeof entry)).map(String);
}

function read(root: unknown, path: readonly string[]): unknown {
  let current = root;
  for (const part of path) current = isObject(current) ? current[part] : undefined;
  if (Array.isArray(current))
    return current.map((entry) => (isObject(entry) && 'name' in entry ? entry.name : entry));
  return current;
}
