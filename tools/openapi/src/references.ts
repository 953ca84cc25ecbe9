/** Plain JSON object test shared by every reader of a document. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a JSON pointer (`/components/schemas/User`, RFC 6901 escapes) from a document. */
export function readPointer(document: unknown, pointer: string): unknown {
  let current = document;
  for (const token of pointer.split('/').slice(1)) {
    const key = decodeURIComponent(token).replaceAll('~1', '/').replaceAll('~0', '~');
    if (!isObject(current) && !Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A value with its `$ref`s followed, and the last reference followed (which names shared schemas). */
export interface Resolved<T> {
  value: T;
  /** e.g. `#/components/schemas/User`; undefined when the value was not a reference. */
  reference?: string;
}

/**
 * Follows local `$ref`s (`#/…`, a chain of them too) inside one bundled document. A reference to
 * another file means the document was not bundled: that is a caller's mistake, so it throws.
 */
export function follow<T = unknown>(document: unknown, value: unknown): Resolved<T> {
  let current = value;
  let reference: string | undefined;
  for (let hops = 0; hops < 32; hops++) {
    if (!isObject(current) || typeof current.$ref !== 'string') break;
    if (!current.$ref.startsWith('#')) {
      throw new Error(`$ref ${current.$ref} points outside the document; bundle the spec first`);
    }
    reference = current.$ref;
    current = readPointer(document, current.$ref.slice(1));
  }
  return reference === undefined ? { value: current as T } : { value: current as T, reference };
}

/** {@link follow}, for callers that need only the value. */
export function resolveReference<T = unknown>(document: unknown, value: unknown): T {
  return follow<T>(document, value).value;
}

/** The last segment of a `#/components/schemas/<Name>` reference, for messages and type names. */
export function referenceName(reference: string | undefined): string | undefined {
  return reference?.split('/').at(-1);
}
