/** The parts of an OpenAPI 3.1 document the tools read; everything else passes through untyped. */
export interface OpenApiDocument {
  openapi: string;
  info?: Record<string, unknown>;
  paths?: Record<string, PathItem>;
  components?: {
    schemas?: Record<string, JsonSchema>;
    parameters?: Record<string, ParameterObject>;
    responses?: Record<string, ResponseObject>;
    [section: string]: unknown;
  };
  [key: string]: unknown;
}

export type JsonSchema = { [keyword: string]: unknown } | boolean;

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
  $ref?: string;
  [key: string]: unknown;
}

/** `x-pingone-action` on a request media type: this Content-Type is an action of its own. */
export interface ActionExtension {
  operationId: string;
  summary: string;
  description?: string;
  /** True for actions that take no input: only the Content-Type says what to do. */
  emptyBody?: boolean;
  /** The success status, when it differs from the operation's. */
  status?: number;
  /** The action's own responses, when its success body differs from the operation's. */
  responses?: Record<string, ResponseObject>;
}

export interface MediaTypeObject {
  schema?: JsonSchema;
  'x-pingone-action'?: ActionExtension;
  [key: string]: unknown;
}

export interface RequestBodyObject {
  required?: boolean;
  content?: Record<string, MediaTypeObject>;
  $ref?: string;
  [key: string]: unknown;
}

export interface ResponseObject {
  description?: string;
  content?: Record<string, MediaTypeObject>;
  $ref?: string;
  [key: string]: unknown;
}

/** `x-pingone-collection` on a list operation: what the emulator enforces for the collection. */
export interface CollectionExtension {
  /** Dotted attributes whose values are unique, case-insensitively, within one collection. */
  unique?: string[];
  /** SCIM filter attributes the list accepts, with their operators. */
  filters?: Record<string, FilterOperator[]>;
  /** Page size when the request gives no `limit`. */
  defaultLimit?: number;
  /** Largest page, when the `limit` parameter has no `maximum`. */
  maximumLimit?: number;
  /** Most items the collection may hold. */
  maximumCount?: number;
  /** Body attributes that must name an existing resource: attribute → collection path template. */
  references?: Record<string, string>;
}

export type FilterOperator = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le' | 'pr';

export interface OperationObject {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: ParameterObject[];
  requestBody?: RequestBodyObject;
  responses?: Record<string, ResponseObject>;
  'x-pingone-collection'?: CollectionExtension;
  [key: string]: unknown;
}

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options' | 'trace';

export type PathItem = {
  parameters?: ParameterObject[];
  servers?: unknown[];
  $ref?: string;
  [key: string]: unknown;
} & Partial<Record<HttpMethod, OperationObject>>;

export const httpMethods: readonly HttpMethod[] = [
  'get',
  'put',
  'post',
  'patch',
  'delete',
  'head',
  'options',
  'trace',
];
