/** The parts of an OpenAPI 3.1 document the emulator reads; everything else passes through untyped. */
export interface OpenApiDocument {
  openapi: string;
  paths?: Record<string, PathItem>;
  components?: { schemas?: Record<string, JsonSchema>; [section: string]: unknown };
  [key: string]: unknown;
}

export type JsonSchema = { [keyword: string]: unknown } | boolean;

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
  $ref?: string;
}

export interface MediaTypeObject {
  schema?: JsonSchema;
}

export interface RequestBodyObject {
  required?: boolean;
  content?: Record<string, MediaTypeObject>;
  $ref?: string;
}

export interface ResponseObject {
  content?: Record<string, MediaTypeObject>;
  $ref?: string;
}

/** One entry of the `x-pingone-actions` extension: another action on the same method and URL. */
export interface ActionObject {
  operationId: string;
  summary?: string;
  description?: string;
  contentType: string;
  schema?: JsonSchema;
  /** Optional success status of the action; the base operation's otherwise. */
  status?: number;
  responses?: Record<string, ResponseObject>;
}

export interface OperationObject {
  operationId?: string;
  parameters?: ParameterObject[];
  requestBody?: RequestBodyObject;
  responses?: Record<string, ResponseObject>;
  'x-pingone-actions'?: ActionObject[];
  [key: string]: unknown;
}

export type PathItem = {
  parameters?: ParameterObject[];
  $ref?: string;
} & Partial<Record<HttpMethod, OperationObject>>;

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options' | 'trace';

export const httpMethods: readonly HttpMethod[] = [
  'get',
  'put',
  'post',
  'delete',
  'patch',
  'head',
  'options',
  'trace',
];
