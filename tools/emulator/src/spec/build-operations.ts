import {
  type CollectionExtension,
  isObject,
  type JsonSchema,
  listActions,
  listOperations,
  type OpenApiDocument,
  type OperationObject,
  type RequestBodyObject,
  type ResponseObject,
  resolveReference,
  type SpecOperation,
} from '@pingone-sdk/openapi';
import type { AncestorCheck, MediaTypeEntry, Operation, OperationKind, ResourceShape } from './operation.js';

/**
 * Turns every operation of a bundled spec into an {@link Operation}, inferring shapes from the paths.
 * `creatable` names the collections clients create into, across every service the emulator serves: a
 * service's `/users/{userId}/...` checks the user that another service's spec creates.
 */
export function buildOperations(
  service: string,
  document: OpenApiDocument,
  creatable: ReadonlySet<string> = creatableCollections([document]),
): Operation[] {
  const specOperations = listOperations(document);
  const templateSet = new Set(specOperations.map((entry) => normalizeTemplate(entry.path)));
  const collections = collectionExtensions(specOperations);
  return specOperations.map((entry) => {
    const segments = entry.path.split('/').filter((segment) => segment.length > 0);
    return buildOperation({ service, document, entry, segments, templateSet, creatable, collections });
  });
}

/** Collection templates that a `post` of one of the documents creates into, and `/environments`. */
export function creatableCollections(documents: Iterable<OpenApiDocument>): Set<string> {
  const creatable = new Set<string>(['/environments']);
  for (const document of documents) {
    for (const entry of listOperations(document)) {
      if (entry.method === 'post' && endsInLiteral(entry.path)) creatable.add(normalizeTemplate(entry.path));
    }
  }
  return creatable;
}

/**
 * `x-pingone-collection` by collection path template: written on the list (the collection's `get`),
 * or on its `post` when the collection has no list.
 */
function collectionExtensions(operations: readonly SpecOperation[]): Map<string, CollectionExtension> {
  const byTemplate = new Map<string, CollectionExtension>();
  for (const method of ['post', 'get'] as const) {
    for (const entry of operations) {
      const extension = entry.operation['x-pingone-collection'];
      if (entry.method === method && isObject(extension))
        byTemplate.set(normalizeTemplate(entry.path), extension);
    }
  }
  return byTemplate;
}

interface BuildInput {
  service: string;
  document: OpenApiDocument;
  entry: SpecOperation;
  segments: string[];
  templateSet: Set<string>;
  creatable: ReadonlySet<string>;
  collections: Map<string, CollectionExtension>;
}

function buildOperation(input: BuildInput): Operation {
  const { document, entry, segments } = input;
  const { operation } = entry;
  const method = entry.method.toUpperCase();
  const shape = inferShape(input);
  const kind = inferKind(shape, method);
  const parameters = [...entry.parameters.values()].filter(
    (parameter) => parameter.in === 'path' || parameter.in === 'query',
  );
  const collectionSegments = shape === 'item' ? segments.slice(0, -1) : segments;
  const collectionName =
    shape === 'singleton'
      ? undefined
      : [...collectionSegments].reverse().find((segment) => !isParameter(segment));
  const collection =
    shape === 'singleton'
      ? undefined
      : input.collections.get(normalizeTemplate(`/${collectionSegments.join('/')}`));
  const limitParameter = parameters.find(
    (parameter) => parameter.in === 'query' && parameter.name === 'limit',
  );
  const limitSchema = resolveReference(document, limitParameter?.schema);
  return {
    service: input.service,
    operationId: entry.id,
    method,
    pathTemplate: entry.path,
    segments,
    pathParameterNames: segments.filter(isParameter).map((segment) => segment.slice(1, -1)),
    parameters,
    shape,
    kind,
    successStatus: successStatus(operation.responses, method),
    collectionName,
    collection,
    embeddedName: kind === 'list' ? embeddedName(document, operation.responses) : undefined,
    maximumLimit:
      isObject(limitSchema) && typeof limitSchema.maximum === 'number'
        ? limitSchema.maximum
        : collection?.maximumLimit,
    ancestors: ancestorChecks(segments, shape, input.creatable),
    mediaTypes: mediaTypes(document, entry.id, operation),
    requestBodyRequired:
      resolveReference<RequestBodyObject | undefined>(document, operation.requestBody)?.required === true,
    responses: operation.responses ?? {},
    defaults: kind === 'create' ? createdDefaults(document, operation.responses) : {},
  };
}

/**
 * The schema `default`s of what a create answers (its 2xx body's top-level properties), which PingOne
 * fills in when the request leaves them out.
 */
function createdDefaults(
  document: OpenApiDocument,
  responses: Record<string, ResponseObject> | undefined,
): Record<string, unknown> {
  const success = Object.keys(responses ?? {}).find((status) => /^2\d\d$/.test(status));
  const response = resolveReference<ResponseObject | undefined>(
    document,
    success ? responses?.[success] : undefined,
  );
  const schema = Object.values(response?.content ?? {})[0]?.schema;
  const defaults: Record<string, unknown> = {};
  for (const [name, property] of propertiesOf(document, schema)) {
    const own = isObject(property) && 'default' in property ? property.default : undefined;
    const value = own ?? resolveReference<Record<string, unknown> | undefined>(document, property)?.default;
    if (value !== undefined) defaults[name] = value;
  }
  return defaults;
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

function inferShape({ segments, entry, templateSet, document }: BuildInput): ResourceShape {
  const { operation, path: pathTemplate } = entry;
  const method = entry.method.toUpperCase();
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
  const response = resolveReference<ResponseObject | undefined>(document, responses?.['200']);
  const content = response?.content;
  if (!content) return undefined;
  for (const mediaType of Object.values(content)) {
    const embedded = propertiesOf(document, mediaType.schema).get('_embedded');
    for (const [name, schema] of propertiesOf(document, embedded)) {
      const resolved = resolveReference(document, schema);
      if (isObject(resolved) && (resolved.type === 'array' || resolved.items !== undefined)) return name;
    }
  }
  return undefined;
}

/** Properties of a schema, looking through `$ref` and `allOf`. */
function propertiesOf(document: OpenApiDocument, schema: JsonSchema | unknown): Map<string, unknown> {
  const result = new Map<string, unknown>();
  const resolved = resolveReference(document, schema);
  if (!isObject(resolved)) return result;
  if (Array.isArray(resolved.allOf)) {
    for (const part of resolved.allOf)
      for (const [name, value] of propertiesOf(document, part)) result.set(name, value);
  }
  if (isObject(resolved.properties))
    for (const [name, value] of Object.entries(resolved.properties)) result.set(name, value);
  return result;
}

function ancestorChecks(
  segments: string[],
  shape: ResourceShape,
  creatable: ReadonlySet<string>,
): AncestorCheck[] {
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
  const body = resolveReference<RequestBodyObject | undefined>(document, operation.requestBody);
  for (const [mediaType, content] of Object.entries(body?.content ?? {})) {
    entries.set(mediaType.toLowerCase(), {
      operationId,
      schema: content.schema,
      isAction: false,
      status: undefined,
    });
  }
  for (const action of listActions(document, operation)) {
    entries.set(action.contentType.toLowerCase(), {
      operationId: action.operationId,
      schema: action.schema,
      isAction: true,
      status: action.status ?? successStatusOf(action.responses),
      ...(action.responses ? { responses: action.responses } : {}),
    });
  }
  return entries;
}

function successStatusOf(responses: Record<string, ResponseObject> | undefined): number | undefined {
  const statuses = Object.keys(responses ?? {}).filter((status) => /^2\d\d$/.test(status));
  return statuses.length > 0 ? Math.min(...statuses.map(Number)) : undefined;
}
