import { asObject, isObject, type JsonObject, resolve } from './openapi-document.js';

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** One operation of a document: what becomes one exported function of the generated package. */
export interface Operation {
  /** The operationId, which names the generated function; `METHOD /path` when there is none. */
  id: string;
  method: string;
  /** The path without the `#<operationId>` suffix that action expansion adds. */
  path: string;
  operation: JsonObject;
  /** Path-level and operation-level parameters, resolved, keyed `<in>:<name>`. */
  parameters: Map<string, JsonObject>;
}

function parameterKey(parameter: JsonObject): string {
  const location = String(parameter.in);
  const name = String(parameter.name);
  // Header names are case-insensitive on the wire.
  return `${location}:${location === 'header' ? name.toLowerCase() : name}`;
}

function collectParameters(document: JsonObject, pathItem: JsonObject, operation: JsonObject) {
  const parameters = new Map<string, JsonObject>();
  // Operation-level parameters override path-level ones with the same name and location.
  for (const list of [pathItem.parameters, operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const parameter = resolve(document, entry).value;
      parameters.set(parameterKey(parameter), parameter);
    }
  }
  return parameters;
}

export function listOperations(document: JsonObject): Map<string, Operation> {
  const operations = new Map<string, Operation>();
  for (const [pathKey, item] of Object.entries(asObject(document.paths))) {
    const pathItem = resolve(document, item).value;
    const path = pathKey.split('#')[0] ?? pathKey;
    for (const method of methods) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const id =
        typeof operation.operationId === 'string' ? operation.operationId : `${method.toUpperCase()} ${path}`;
      operations.set(id, {
        id,
        method,
        path,
        operation,
        parameters: collectParameters(document, pathItem, operation),
      });
    }
  }
  return operations;
}
