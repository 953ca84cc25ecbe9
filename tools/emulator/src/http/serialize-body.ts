import { isObject } from '@pingone-sdk/openapi';

/** Serialized stored resources. Stored resources are never mutated, only replaced, so entries stay true. */
const serialized = new WeakMap<object, string>();

function stringifyItem(item: unknown): string {
  if (!isObject(item)) return JSON.stringify(item);
  let text = serialized.get(item);
  if (text === undefined) {
    text = JSON.stringify(item);
    serialized.set(item, text);
  }
  return text;
}

/**
 * JSON.stringify, except that the items of a HAL collection (`_embedded.<name>[]`) are serialized
 * once per stored version and reused: a page of 1,000 users then costs a string join, not 1,000
 * object walks.
 */
export function serializeBody(body: unknown): string {
  if (!isObject(body) || !isObject(body._embedded)) return JSON.stringify(body);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    if (key !== '_embedded' || !isObject(value)) {
      parts.push(`${JSON.stringify(key)}:${JSON.stringify(value)}`);
      continue;
    }
    const embedded: string[] = [];
    for (const [name, entries] of Object.entries(value)) {
      const text = Array.isArray(entries)
        ? `[${entries.map(stringifyItem).join(',')}]`
        : JSON.stringify(entries);
      embedded.push(`${JSON.stringify(name)}:${text}`);
    }
    parts.push(`"_embedded":{${embedded.join(',')}}`);
  }
  return `{${parts.join(',')}}`;
}
