/** Follows local `$ref`s (`#/a/b`) through a bundled document until it reaches an object without one. */
export function resolveRef<T>(document: unknown, value: T): T {
  let current: unknown = value;
  for (let hops = 0; hops < 32; hops++) {
    if (!isObject(current) || typeof current.$ref !== 'string' || !current.$ref.startsWith('#/')) break;
    current = readPointer(document, current.$ref.slice(1));
  }
  return current as T;
}

/** Reads a JSON pointer (`/components/schemas/User`) from a document. */
export function readPointer(document: unknown, pointer: string): unknown {
  let current = document;
  for (const raw of pointer.split('/').slice(1)) {
    const part = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (!isObject(current)) return undefined;
    current = current[part];
  }
  return current;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
