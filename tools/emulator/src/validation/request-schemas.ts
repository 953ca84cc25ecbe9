import type { OpenApiDocument } from '@pingone-sdk/openapi';
import { isObject, readPointer } from '@pingone-sdk/openapi';

/** Marks a read-only property in request schemas; the validator drops it from the body (PingOne ignores it). */
export const readOnlyKeyword = 'x-emulator-read-only';

/**
 * A copy of a spec fit for validating requests:
 * - local `$ref`s become absolute (`<base>#/components/...`), so any inline schema compiles on its own;
 * - every `readOnly: true` schema becomes {@link readOnlyKeyword} (accepting and dropping the value), and
 *   read-only properties leave `required`, since clients never send them.
 */
export function toRequestDocument(document: OpenApiDocument, base: string): OpenApiDocument {
  return transform(document, document, base) as OpenApiDocument;
}

/** The same transformation for one schema taken from `document` (an operation's inline body schema). */
export function toRequestSchema(schema: unknown, document: OpenApiDocument, base: string): unknown {
  return transform(schema, document, base);
}

function transform(node: unknown, document: OpenApiDocument, base: string): unknown {
  if (Array.isArray(node)) return node.map((entry) => transform(entry, document, base));
  if (!isObject(node)) return node;
  if (node.readOnly === true) return { [readOnlyKeyword]: true };
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/'))
      result[key] = `${base}${value}`;
    else result[key] = transform(value, document, base);
  }
  if (Array.isArray(node.required) && isObject(node.properties)) {
    const properties = node.properties;
    result.required = node.required.filter((name) => !isReadOnly(properties[name as string], document));
  }
  return result;
}

function isReadOnly(schema: unknown, document: OpenApiDocument): boolean {
  if (!isObject(schema)) return false;
  if (schema.readOnly === true) return true;
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#/')) {
    const target = readPointer(document, schema.$ref.slice(1));
    return isObject(target) && target.readOnly === true;
  }
  return false;
}
