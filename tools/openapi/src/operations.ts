import {
  type ActionExtension,
  type HttpMethod,
  httpMethods,
  type MediaTypeObject,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type PathItem,
  type RequestBodyObject,
  type ResponseObject,
} from './openapi-types.js';
import { isObject, resolveReference } from './references.js';

/** One operation of a bundled document, with what every reader needs next to it. */
export interface SpecOperation {
  /** The operationId; `METHOD /path` when the operation has none. */
  id: string;
  method: HttpMethod;
  /** The path template, without the `#<operationId>` suffix that {@link expandActions} adds. */
  path: string;
  /** The key under `paths`, suffix included. */
  pathKey: string;
  pathItem: PathItem;
  operation: OperationObject;
  /**
   * Path-item and operation parameters, resolved, keyed `<in>:<name>` (header names lower-cased:
   * they are case-insensitive on the wire); an operation's parameter overrides the path item's.
   */
  parameters: Map<string, ParameterObject>;
}

function parameterKey(parameter: ParameterObject): string {
  const name = parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name;
  return `${parameter.in}:${name}`;
}

/** Every operation of a bundled document, in document order. */
export function listOperations(document: OpenApiDocument): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const [pathKey, rawItem] of Object.entries(document.paths ?? {})) {
    const pathItem = resolveReference<PathItem>(document, rawItem);
    if (!isObject(pathItem)) continue;
    const path = pathKey.split('#')[0] ?? pathKey;
    for (const method of httpMethods) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const parameters = new Map<string, ParameterObject>();
      for (const list of [pathItem.parameters, operation.parameters]) {
        for (const raw of list ?? []) {
          const parameter = resolveReference<ParameterObject>(document, raw);
          if (isObject(parameter) && typeof parameter.name === 'string') {
            parameters.set(parameterKey(parameter), parameter);
          }
        }
      }
      const id =
        typeof operation.operationId === 'string' ? operation.operationId : `${method.toUpperCase()} ${path}`;
      operations.push({ id, method, path, pathKey, pathItem, operation, parameters });
    }
  }
  return operations;
}

/** A request media type that selects an action of its own (`x-pingone-action`). */
export interface RequestAction extends ActionExtension {
  contentType: string;
  schema: MediaTypeObject['schema'];
}

/** The operation's request media types that are actions of their own, in document order. */
export function listActions(document: OpenApiDocument, operation: OperationObject): RequestAction[] {
  const body = resolveReference<RequestBodyObject | undefined>(document, operation.requestBody);
  const actions: RequestAction[] = [];
  for (const [contentType, mediaType] of Object.entries(body?.content ?? {})) {
    const action = mediaType['x-pingone-action'];
    if (isObject(action)) actions.push({ ...action, contentType, schema: mediaType.schema });
  }
  return actions;
}

function actionResponses(operation: OperationObject, action: RequestAction): Record<string, ResponseObject> {
  if (action.responses) return action.responses;
  const responses = operation.responses ?? {};
  if (action.status === undefined) return responses;
  const success = Object.entries(responses).find(([status]) => status.startsWith('2'));
  const rest = Object.entries(responses).filter(([status]) => !status.startsWith('2'));
  return {
    [String(action.status)]: success?.[1] ?? { description: 'Success.' },
    ...Object.fromEntries(rest),
  };
}

/**
 * OpenAPI allows one operation per method and path, but PingOne picks some actions by Content-Type
 * on a URL another operation uses. Returns a copy of a bundled document in which every media type
 * carrying `x-pingone-action` is an operation of its own under the path key `<path>#<operationId>`,
 * and the base operation keeps only its own media types.
 */
export function expandActions(document: OpenApiDocument): OpenApiDocument {
  const expanded: Record<string, PathItem> = {};
  for (const [path, rawItem] of Object.entries(document.paths ?? {})) {
    const pathItem = resolveReference<PathItem>(document, rawItem);
    const baseItem: PathItem = { ...pathItem };
    expanded[path] = baseItem;
    for (const method of httpMethods) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const actions = listActions(document, operation);
      if (actions.length === 0) continue;
      const body = resolveReference<RequestBodyObject>(document, operation.requestBody);
      const ownContent = Object.fromEntries(
        Object.entries(body.content ?? {}).filter(
          ([, mediaType]) => !isObject(mediaType['x-pingone-action']),
        ),
      );
      baseItem[method] = { ...operation, requestBody: { ...body, content: ownContent } };
      for (const action of actions) {
        const { parameters, servers } = pathItem;
        expanded[`${path}#${action.operationId}`] = {
          ...(parameters ? { parameters } : {}),
          ...(servers ? { servers } : {}),
          [method]: {
            operationId: action.operationId,
            summary: action.summary,
            ...(action.description ? { description: action.description } : {}),
            ...(operation.tags ? { tags: operation.tags } : {}),
            ...(operation.parameters ? { parameters: operation.parameters } : {}),
            requestBody: {
              required: !action.emptyBody,
              content: { [action.contentType]: action.schema === undefined ? {} : { schema: action.schema } },
            },
            responses: actionResponses(operation, action),
          },
        };
      }
    }
  }
  return { ...document, paths: expanded };
}
