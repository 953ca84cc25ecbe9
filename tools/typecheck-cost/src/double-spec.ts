type JsonObject = Record<string, unknown>;

const schemaReference = /"#\/components\/schemas\/([^"]+)"/g;

/**
 * A synthetic spec with twice the operations and twice the named schemas: every path is repeated under
 * `/copy`, every operation with `Copy` appended to its operationId, and every schema as `<Name>Copy`,
 * the copies referring to copies. It stands in for the package after it grows to twice its size.
 */
export function doubleDocument(document: JsonObject): JsonObject {
  const copy = (value: unknown): JsonObject =>
    JSON.parse(JSON.stringify(value).replace(schemaReference, '"#/components/schemas/$1Copy"')) as JsonObject;
  const paths = (document.paths ?? {}) as Record<string, JsonObject>;
  const copiedPaths = Object.fromEntries(
    Object.entries(paths).map(([key, item]) => {
      const copied = copy(item);
      for (const operation of Object.values(copied)) {
        if (typeof operation === 'object' && operation !== null && 'operationId' in operation) {
          (operation as JsonObject).operationId = `${String((operation as JsonObject).operationId)}Copy`;
        }
      }
      const [path, action] = key.split('#');
      return [`/copy${path}${action === undefined ? '' : `#${action}Copy`}`, copied];
    }),
  );
  const components = (document.components ?? {}) as JsonObject;
  const schemas = (components.schemas ?? {}) as JsonObject;
  const copiedSchemas = Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [`${name}Copy`, copy(schema)]),
  );
  return {
    ...document,
    paths: { ...paths, ...copiedPaths },
    components: { ...components, schemas: { ...schemas, ...copiedSchemas } },
  };
}

/** How many operations a document has: what "twice the operations" counts. */
export function countOperations(document: JsonObject): number {
  return Object.values((document.paths ?? {}) as Record<string, JsonObject>).reduce(
    (total, item) =>
      total +
      Object.values(item).filter(
        (value) => typeof value === 'object' && value !== null && 'operationId' in value,
      ).length,
    0,
  );
}
