/** The slice of an OpenAPI 3.1 document the classifier reads: plain JSON, as redocly bundles it. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

/** A schema (or parameter, response…) with its `$ref` followed, remembering the name it was reached by. */
export interface Resolved {
  value: JsonObject;
  /** The last `$ref` followed, e.g. `#/components/schemas/User`; identifies shared schemas. */
  reference?: string;
}

function readPointer(document: JsonObject, reference: string): unknown {
  if (!reference.startsWith('#/'))
    throw new Error(`only local $refs are supported after bundling: ${reference}`);
  let current: unknown = document;
  for (const token of reference.slice(2).split('/')) {
    const key = decodeURIComponent(token).replaceAll('~1', '/').replaceAll('~0', '~');
    current = isObject(current) ? current[key] : undefined;
  }
  return current;
}

/** Follows `$ref`s (a chain of them too) inside one bundled document. */
export function resolve(document: JsonObject, value: unknown): Resolved {
  let current = asObject(value);
  let reference: string | undefined;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 32; hops++) {
    reference = current.$ref;
    current = asObject(readPointer(document, reference));
  }
  return reference === undefined ? { value: current } : { value: current, reference };
}

/** The name of a `#/components/schemas/<Name>` reference, for messages. */
export function schemaName(reference: string | undefined): string | undefined {
  return reference?.split('/').at(-1);
}
