import { InvalidArgumentError } from '../errors.js';

const placeholder = /\{([^}]+)\}/g;

// In `u` mode a surrogate pair is one code point, so only a lone surrogate matches.
const loneSurrogate = /\p{Surrogate}/u;

/**
 * A value URL encoding keeps as it is: text without lone surrogates (which encodeURIComponent throws on
 * and URLSearchParams silently turns into U+FFFD), a finite number, or a boolean.
 */
function isEncodable(value: unknown): value is string | number | boolean {
  if (typeof value === 'string') return !loneSurrogate.test(value);
  return (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean';
}

function pathValue(name: string, value: unknown): string {
  const text = isEncodable(value) && typeof value !== 'boolean' ? String(value) : '';
  // The shared rule for text (internal/validate.ts): blank is refused, white space alone included. "." and
  // ".." survive percent-encoding and would be resolved as dot segments, changing the path.
  if (text.trim() === '' || text === '.' || text === '..') {
    throw new InvalidArgumentError(
      `path.${name}`,
      `a non-blank id of well-formed Unicode other than "." and "..", got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`,
    );
  }
  return encodeURIComponent(text);
}

function appendQuery(url: string, query: Record<string, unknown> | undefined): string {
  if (!query) return url;
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (!isEncodable(item)) {
        throw new InvalidArgumentError(
          `query.${name}`,
          'a string of well-formed Unicode, a finite number or a boolean (or an array of them)',
        );
      }
      search.append(name, String(item));
    }
  }
  const text = search.toString();
  return text ? `${url}${url.includes('?') ? '&' : '?'}${text}` : url;
}

/**
 * Expands an operation's URL template. Every path parameter is percent-encoded, so no value can add
 * segments or a query. `{environmentId}` falls back to the client's default. A `#…` suffix on the template
 * names an action that shares its URL with another operation; it is not part of the request URL.
 */
export function buildUrl(
  baseUrl: string,
  template: string,
  path: Record<string, unknown> | undefined,
  defaultEnvironmentId: string | undefined,
  query: Record<string, unknown> | undefined,
): string {
  const hash = template.indexOf('#');
  const route = hash === -1 ? template : template.slice(0, hash);
  const expanded = route.replace(placeholder, (_match, name: string) => {
    const value = path?.[name] ?? (name === 'environmentId' ? defaultEnvironmentId : undefined);
    if (value === undefined && name === 'environmentId') {
      throw new InvalidArgumentError(
        'path.environmentId',
        "an environment id, from the client's `environmentId` or this call's path",
      );
    }
    return pathValue(name, value);
  });
  return appendQuery(baseUrl + expanded, query);
}
