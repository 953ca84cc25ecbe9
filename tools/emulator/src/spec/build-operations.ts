import {
  type ActionObject,
  httpMethods,
  type JsonSchema,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type PathItem,
  type RequestBodyObject,
  type ResponseObject,
} from './openapi-types.js';
import type { AncestorCheck, MediaTypeEntry, Operation, OperationKind, ResourceShape } from './operation.js';
import { isObject, resolveRef } from './resolve-ref.js';

/** Turns every operation of a bundled spec into an {@link Operation}, inferring shapes from the paths. */
export function buildOperations(service: string, document: OpenApiDocument): Operation[] {
  const paths = document.paths ?? {};
  // A fragment (`/flows/{id}#deploy+json`) is how some specs fake a second operation on one URL.
  const templates = Object.keys(paths).map((template) => template.split('#')[0] ?? template);
  const templateSet = new Set(templates.map(normalizeTemplate));
  const creatable = new Set<string>(['/environments']);
  for (const [template, rawItem] of Object.entries(paths)) {
    const item = resolveRef(document, rawItem);
    if (item?.post && endsInLiteral(template)) creatable.add(normalizeTemplate(template));
  }

  const operations: Operation[] = [];
  for (const [rawTemplate, rawItem] of Object.entries(paths)) {
    const pathItem = resolveRef<PathItem>(document, rawItem);
    if (!isObject(pathItem)) continue;
    const pathTemplate = rawTemplate.split('#')[0] ?? rawTemplate;
    const segments = pathTemplate.split('/').filter((segment) => segment.length > 0);
    for (const method of httpMethods) {
      const operationObject = pathItem[method];
      if (!isObject(operationObject)) continue;
      operations.push(
        buildOperation({
          service,
          document,
          method: method.toUpperCase(),
          pathTemplate,
          segments,
          pathItem,
          operation: operationObject,
          templateSet,
          creatable,
        }),
      );
    }
  }
  return operations;
}

interface BuildInput {
  service: string;
  document: OpenApiDocument;
  method: string;
  pathTemplate: string;
  segments: string[];
  pathItem: PathItem;
  operation: OperationObject;
  templateSet: Set<string>;
  creatable: Set<string>;
}

function buildOperation(input: BuildInput): Operation {
  const { document, method, pathTemplate, segments, operation } = input;
  const shape = inferShape(input);
  const kind = inferKind(shape, method);
  const parameters = mergeParameters(document, input.pathItem.parameters, operation.parameters);
  const operationId = operation.operationId ?? `${method} ${pathTemplate}`;
  const collectionSegments = shape === 'item' ? segments.slice(0, -1) : segments;
  const collectionName =
    shape === 'singleton'
      ? undefined
      : [...collectionSegments].reverse().find((segment) => !isParameter(segment));
  const limitParameter = parameters.find(
    (parameter) => parameter.in === 'query' && parameter.name === 'limit',
  );
  const limitSchema = resolveRef(document, limitParameter?.schema);
  return {
    service: input.service,
    operationId,
    method,
    pathTemplate,
    segments,
    pathParameterNames: segments.filter(isParameter).map((segment) => segment.slice(1, -1)),
    parameters,
    shape,
    kind,
    successStatus: successStatus(operation.responses, method),
    collectionName,
    embeddedName: kind === 'list' ? embeddedName(document, operation.responses) : undefined,
    maximumLimit:
      isObject(limitSchema) && typeof limitSchema.maximum === 'number' ? limitSchema.maximum : undefined,
    ancestors: ancestorChecks(segments, shape, input.creatable),
    mediaTypes: mediaTypes(document, operationId, operation),
    requestBodyRequired:
      resolveRef<RequestBodyObject | undefined>(document, operation.requestBody)?.required === true,
    signature: signatureOf(method, pathTemplate),
  };
}

/** `PUT /environments/{environmentId}/users/{userId}` → `PUT /environments/{}/users/{}`. */
export function signatureOf(method: string, pathTemplate: string, mediaType?: string): string {
  const base = `${method.toUpperCase()} ${normalizeTemplate(pathTemplate)}`;
  return mediaType ? `${base} ${mediaType.toLowerCase()}` : base;
}

function normalizeTemplate(template: string): string {
  return template.replace(/\{[^}]+\}/g, '{}');
}

function isParameter(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

function endsInLiteral(template: string): boolean {
  return !template.endsWith('}');
}

function inferShape({
  segments,
  method,
  operation,
  templateSet,
  pathTemplate,
  document,
}: BuildInput): ResourceShape {
  const last = segments.at(-1);
  const previous = segments.at(-2);
  if (last === undefined) return 'singleton';
  if (isParameter(last)) return previous !== undefined && !isParameter(previous) ? 'item' : 'singleton';
  if (templateSet.has(`${normalizeTemplate(pathTemplate)}/{}`)) return 'collection';
  if (method === 'GET' && embeddedName(document, operation.responses) !== undefined) return 'collection';
  if (method === 'POST' && operation.responses?.['201'] !== undefined) return 'collection';
  return 'singleton';
}

function inferKind(shape: ResourceShape, method: string): OperationKind {
  const table: Record<ResourceShape, Partial<Record<string, OperationKind>>> = {
    collection: { GET: 'list', POST: 'create' },
    item: { GET: 'read', PUT: 'replace', PATCH: 'update', DELETE: 'delete' },
    singleton: {
      GET: 'singleton-read',
      PUT: 'singleton-replace',
      PATCH: 'singleton-update',
      DELETE: 'singleton-delete',
    },
  };
  return table[shape][method] ?? 'action';
}

function mergeParameters(
  document: OpenApiDocument,
  shared: ParameterObject[] | undefined,
  own: ParameterObject[] | undefined,
): ParameterObject[] {
  const byKey = new Map<string, ParameterObject>();
  for (const raw of [...(shared ?? []), ...(own ?? [])]) {
    const parameter = resolveRef(document, raw);
    if (isObject(parameter) && (parameter.in === 'path' || parameter.in === 'query')) {
      byKey.set(`${parameter.in}:${parameter.name}`, parameter);
    }
  }
  return [...byKey.values()];
}

function successStatus(responses: Record<string, ResponseObject> | undefined, method: string): number {
  const statuses = Object.keys(responses ?? {})
    .filter((status) => /^2\d\d$/.test(status))
    .map(Number)
    .sort((left, right) => left - right);
  return statuses[0] ?? (method === 'POST' ? 201 : method === 'DELETE' ? 204 : 200);
}

/** The `_embedded.<name>` array key of a list response, the one that holds the items. */
function embeddedName(
  document: OpenApiDocument,
  responses: Record<string, ResponseObject> | undefined,
): string | undefined {
  const response = resolveRef(document, responses?.['200']);
  const content = response?.content;
  if (!content) return undefined;
  for (const mediaType of Object.values(content)) {
    const embedded = propertiesOf(document, mediaType.schema).get('_embedded');
    for (const [name, schema] of propertiesOf(document, embedded)) {
      const resolved = resolveRef(document, schema);
      if (isObject(resolved) && (resolved.type === 'array' || resolved.items !== undefined)) return name;
    }
  }
  return undefined;
}

/** Properties of a schema, looking through `$ref` and `allOf`. */
function propertiesOf(document: OpenApiDocument, schema: JsonSchema | unknown): Map<string, unknown> {
  const result = new Map<string, unknown>();
  const resolved = resolveRef(document, schema);
  if (!isObject(resolved)) return result;
  if (Array.isArray(resolved.allOf)) {
    for (const part of resolved.allOf)
      for (const [name, value] of propertiesOf(document, part)) result.set(name, value);
  }
  if (isObject(resolved.properties))
    for (const [name, value] of Object.entries(resolved.properties)) result.set(name, value);
  return result;
}

function ancestorChecks(segments: string[], shape: ResourceShape, creatable: Set<string>): AncestorCheck[] {
  const checks: AncestorCheck[] = [];
  const lastAncestorIndex = shape === 'item' ? segments.length - 1 : segments.length;
  for (let index = 1; index < lastAncestorIndex; index++) {
    const segment = segments[index] ?? '';
    const collection = segments[index - 1] ?? '';
    if (!isParameter(segment) || isParameter(collection)) continue;
    // Only collections the API can create into hold checkable items; `{templateName}` and the like are fixed names.
    const collectionTemplate = normalizeTemplate(`/${segments.slice(0, index).join('/')}`);
    if (!creatable.has(collectionTemplate)) continue;
    checks.push({ collectionLength: index, idIndex: index, noun: singular(collection) });
  }
  return checks;
}

/** `users` → `user`, `signOnPolicies` → `signOnPolicy`; good enough for messages. */
export function singular(noun: string): string {
  if (noun.endsWith('ies')) return `${noun.slice(0, -3)}y`;
  if (noun.endsWith('sses')) return noun.slice(0, -2);
  if (noun.endsWith('s')) return noun.slice(0, -1);
  return noun;
}

function mediaTypes(
  document: OpenApiDocument,
  operationId: string,
  operation: OperationObject,
): Map<string, MediaTypeEntry> {
  const entries = new Map<string, MediaTypeEntry>();
  const body = resolveRef<RequestBodyObject | undefined>(document, operation.requestBody);
  for (const [mediaType, content] of Object.entries(body?.content ?? {})) {
    entries.set(mediaType.toLowerCase(), {
      operationId,
      schema: content.schema,
      isAction: false,
      status: undefined,
    });
  }
  const actions = operation['x-pingone-actions'];
  if (Array.isArray(actions)) {
    for (const action of actions as ActionObject[]) {
      if (!isObject(action) || typeof action.contentType !== 'string') continue;
      entries.set(action.contentType.toLowerCase(), {
        operationId: action.operationId ?? `${operationId}:${action.contentType}`,
        schema: action.schema,
        isAction: true,
        status: typeof action.status === 'number' ? action.status : actionStatus(action),
      });
    }
  }
  return entries;
}

function actionStatus(action: ActionObject): number | undefined {
  const statuses = Object.keys(action.responses ?? {}).filter((status) => /^2\d\d$/.test(status));
  return statuses.length > 0 ? Math.min(...statuses.map(Number)) : undefined;
}
