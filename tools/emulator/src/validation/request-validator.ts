import type { JsonSchema, OpenApiDocument, ParameterObject } from '@pingone-sdk/openapi';
import { isObject } from '@pingone-sdk/openapi';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { invalidData } from '../http/api-error.js';
import type { MediaTypeEntry, Operation } from '../spec/operation.js';
import { toErrorDetails } from './error-details.js';
import { readOnlyKeyword, toRequestDocument, toRequestSchema } from './request-schemas.js';

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** Query values after coercion to their schema's type. */
export type QueryValues = Record<string, unknown>;

/**
 * Validates request bodies and query parameters of one spec with ajv (draft 2020-12). The spec is
 * added once; each operation's validators compile on first use and are kept, so a request only runs
 * precompiled code.
 */
export class RequestValidator {
  readonly #ajv: Ajv2020;
  readonly #bodyValidators = new WeakMap<MediaTypeEntry, ValidateFunction | null>();
  readonly #queryValidators = new WeakMap<
    Operation,
    { validate: ValidateFunction | null; types: Map<string, string> }
  >();

  constructor(service: string, document: OpenApiDocument) {
    const base = `urn:pingone-emulator:${service}`;
    this.#ajv = new Ajv2020({ strict: false, allErrors: true, logger: false, validateSchema: false });
    addFormats(this.#ajv);
    // OpenAPI's own formats carry no constraint a JSON value can break (ranges are in minimum/maximum).
    for (const format of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) {
      this.#ajv.addFormat(format, true);
    }
    this.#ajv.addKeyword({
      keyword: readOnlyKeyword,
      modifying: true,
      errors: false,
      validate: (
        _schema: unknown,
        _data: unknown,
        _parent: unknown,
        context?: { parentData: unknown; parentDataProperty: string | number },
      ) => {
        if (context && isObject(context.parentData)) delete context.parentData[context.parentDataProperty];
        return true;
      },
    });
    this.#ajv.addSchema(toRequestDocument(document, base) as object, base);
    this.#base = base;
    this.#document = document;
  }

  readonly #base: string;
  readonly #document: OpenApiDocument;

  /** Validates (and strips read-only fields from) a parsed body; throws 400 INVALID_DATA on violations. */
  validateBody(entry: MediaTypeEntry, body: unknown): void {
    let validate = this.#bodyValidators.get(entry);
    if (validate === undefined) {
      validate = entry.schema === undefined ? null : this.#compile(entry.schema);
      this.#bodyValidators.set(entry, validate);
    }
    if (validate && !validate(body)) throw invalidData(toErrorDetails(validate.errors ?? []));
  }

  /** Coerces query values to their declared types and validates them; throws 400 INVALID_DATA. */
  validateQuery(operation: Operation, search: URLSearchParams): QueryValues {
    let compiled = this.#queryValidators.get(operation);
    if (!compiled) {
      compiled = this.#compileQuery(operation.parameters);
      this.#queryValidators.set(operation, compiled);
    }
    const values: QueryValues = {};
    for (const [name, type] of compiled.types) {
      if (type === 'array') {
        const all = search.getAll(name);
        if (all.length > 0) values[name] = all;
        continue;
      }
      const raw = search.get(name);
      if (raw !== null) values[name] = coerce(raw, type);
    }
    if (compiled.validate && !compiled.validate(values))
      throw invalidData(toErrorDetails(compiled.validate.errors ?? []));
    return values;
  }

  #compile(schema: JsonSchema): ValidateFunction {
    // Inline schemas reference the spec by absolute `$ref`s (see toRequestDocument), so they compile alone.
    return this.#ajv.compile(toRequestSchema(schema, this.#document, this.#base) as object);
  }

  #compileQuery(parameters: readonly ParameterObject[]) {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    const types = new Map<string, string>();
    for (const parameter of parameters) {
      if (parameter.in !== 'query') continue;
      const schema = parameter.schema ?? {};
      properties[parameter.name] = schema;
      if (parameter.required) required.push(parameter.name);
      types.set(parameter.name, isObject(schema) && typeof schema.type === 'string' ? schema.type : 'string');
    }
    const validate = types.size === 0 ? null : this.#compile({ type: 'object', properties, required });
    return { validate, types };
  }
}

function coerce(raw: string, type: string): unknown {
  if ((type === 'integer' || type === 'number') && raw.trim() !== '' && !Number.isNaN(Number(raw)))
    return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}
