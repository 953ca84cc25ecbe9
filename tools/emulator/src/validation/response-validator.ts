import type { OpenApiDocument, ResponseObject } from '@pingone-sdk/openapi';
import { isObject, resolveReference } from '@pingone-sdk/openapi';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { ApiError } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { MediaTypeEntry, Operation } from '../spec/operation.js';

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/**
 * Checks the emulator's own answers against the spec's responses, so that an answer the spec does not
 * allow fails the test that provoked it (with a 500 naming the operation and the offending fields)
 * instead of passing unnoticed. On in tests (see `validateResponses`), off otherwise: it costs a schema
 * check per answer.
 */
export class ResponseValidator {
  readonly #ajv: Ajv2020;
  readonly #base: string;
  readonly #document: OpenApiDocument;
  readonly #validators = new Map<string, ValidateFunction | null>();

  constructor(service: string, document: OpenApiDocument) {
    this.#base = `urn:pingone-emulator-responses:${service}`;
    this.#document = document;
    this.#ajv = new Ajv2020({ strict: false, allErrors: true, logger: false, validateSchema: false });
    addFormats(this.#ajv);
    for (const format of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) {
      this.#ajv.addFormat(format, true);
    }
    this.#ajv.addSchema(document as object, this.#base);
  }

  /** Throws a 500 UNEXPECTED_ERROR when the reply's status or JSON body breaks the operation's spec. */
  check(operation: Operation, entry: MediaTypeEntry | undefined, reply: Reply): void {
    const status = this.#declaredStatus(operation, entry, reply.status);
    if (status === undefined) {
      throw violation(operation, entry, `status ${reply.status} is not declared`);
    }
    const contentType = reply.headers?.['Content-Type'] ?? reply.headers?.['content-type'];
    if (
      reply.body === undefined ||
      Buffer.isBuffer(reply.body) ||
      (contentType && !/json/i.test(contentType))
    ) {
      return;
    }
    const validate = this.#validator(operation, entry, status);
    if (validate && !validate(reply.body)) {
      const fields = (validate.errors ?? [])
        .slice(0, 5)
        .map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`)
        .join('; ');
      throw violation(operation, entry, `the ${reply.status} body breaks the schema: ${fields}`);
    }
  }

  /**
   * The responses key the status falls under; an action's own success status reuses the 2xx schema,
   * and an action that declares its own responses is held to those.
   */
  #declaredStatus(
    operation: Operation,
    entry: MediaTypeEntry | undefined,
    status: number,
  ): string | undefined {
    const declared = Object.keys(entry?.responses ?? operation.responses);
    if (declared.includes(String(status))) return String(status);
    if (entry?.isAction && entry.status === status) return declared.find((key) => key.startsWith('2'));
    if (declared.includes(`${String(status)[0]}XX`)) return `${String(status)[0]}XX`;
    // `default` describes the failures; a success must be declared by its own status.
    return status >= 300 && declared.includes('default') ? 'default' : undefined;
  }

  #validator(
    operation: Operation,
    entry: MediaTypeEntry | undefined,
    status: string,
  ): ValidateFunction | null {
    const responses = entry?.responses ?? operation.responses;
    const owner = entry?.responses ? entry.operationId : `${operation.method} ${operation.pathTemplate}`;
    const key = `${owner} ${status}`;
    let validate = this.#validators.get(key);
    if (validate !== undefined) return validate;
    const response = resolveReference<ResponseObject | undefined>(this.#document, responses[status]);
    const mediaType = Object.keys(response?.content ?? {}).find((type) => /json/i.test(type));
    const schema = mediaType ? response?.content?.[mediaType]?.schema : undefined;
    validate = isObject(schema) ? this.#ajv.compile(absolute(schema, this.#base)) : null;
    this.#validators.set(key, validate);
    return validate;
  }
}

/** Local `$ref`s of an inline schema, made absolute so that it compiles on its own. */
function absolute(schema: unknown, base: string): object {
  return JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#/', `"$ref":"${base}#/`)) as object;
}

function violation(operation: Operation, entry: MediaTypeEntry | undefined, problem: string): ApiError {
  const message = `The emulator's answer to ${entry?.operationId ?? operation.operationId} does not match the spec: ${problem}.`;
  process.stderr.write(`pingone-emulator: ${message}\n`);
  return new ApiError(500, 'UNEXPECTED_ERROR', message);
}
