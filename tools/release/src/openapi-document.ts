import { follow, isObject } from '@pingone-sdk/openapi';

export { isObject, referenceName as schemaName } from '@pingone-sdk/openapi';

/** The slice of an OpenAPI 3.1 document the classifier reads: plain JSON, as the bundler writes it. */
export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

/** A schema (or parameter, response…) with its `$ref` followed, remembering the name it was reached by. */
export interface Resolved {
  value: JsonObject;
  /** The last `$ref` followed, e.g. `#/components/schemas/User`; identifies shared schemas. */
  reference?: string;
}

/** Follows `$ref`s inside one bundled document; a missing target reads as an empty object. */
export function resolve(document: JsonObject, value: unknown): Resolved {
  const { value: target, reference } = follow(document, value);
  return reference === undefined ? { value: asObject(target) } : { value: asObject(target), reference };
}
