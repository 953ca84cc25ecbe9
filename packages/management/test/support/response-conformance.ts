import { loadServiceDocument } from '@pingone-sdk/generate/spec-document';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: at run time its default import is the plugin itself, whatever NodeNext's types say.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

type JsonObject = Record<string, unknown>;

interface Route {
  method: string;
  pattern: RegExp;
  /** Validators by status (or `default`), one per operation sharing this URL. */
  validators: Array<Map<string, ValidateFunction | null>>;
}

const methods = ['get', 'put', 'post', 'patch', 'delete'];

function pointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Checks answers against the response schemas of the management spec, so that spec, emulator and SDK
 * cannot drift apart unnoticed: every integration test routes its client's answers through `check`.
 */
export class ResponseConformance {
  readonly #routes: Route[] = [];

  constructor(document: JsonObject = loadServiceDocument('management')) {
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(ajv);
    ajv.addSchema(document, 'spec');
    const byKey = new Map<string, Route>();
    for (const [pathKey, item] of Object.entries(document.paths as Record<string, JsonObject>)) {
      const path = pathKey.split('#')[0] as string;
      for (const method of methods) {
        const operation = item[method] as { responses?: Record<string, JsonObject> } | undefined;
        if (!operation) continue;
        const key = `${method} ${path}`;
        let route = byKey.get(key);
        if (!route) {
          const pattern = new RegExp(
            `^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`,
          );
          route = { method: method.toUpperCase(), pattern, validators: [] };
          byKey.set(key, route);
          this.#routes.push(route);
        }
        const validators = new Map<string, ValidateFunction | null>();
        for (const [status, response] of Object.entries(operation.responses ?? {})) {
          const content = (response.content ?? {}) as Record<string, JsonObject>;
          const mediaType = Object.keys(content).find((type) => type.includes('json'));
          const pointer = mediaType
            ? `spec#/paths/${pointerSegment(pathKey)}/${method}/responses/${status}/content/${pointerSegment(mediaType)}/schema`
            : undefined;
          validators.set(
            status,
            pointer && content[mediaType as string]?.schema ? ajv.compile({ $ref: pointer }) : null,
          );
        }
        route.validators.push(validators);
      }
    }
    // Specific routes first: `/users/{userId}/password` must not be taken for `/users/{userId}`.
    this.#routes.sort((left, right) => right.pattern.source.length - left.pattern.source.length);
  }

  /**
   * Throws when an answer's status is not declared for the operation or its JSON body does not match the
   * declared schema. `url` is the absolute request URL; `apiPath` is the base path to strip (`/v1`).
   */
  async check(method: string, url: string, response: Response, apiPath = '/v1'): Promise<void> {
    const path = new URL(url).pathname.slice(apiPath.length);
    const route = this.#routes.find(
      (candidate) => candidate.method === method && candidate.pattern.test(path),
    );
    if (!route)
      throw new Error(
        `${method} ${path} answered ${response.status} but no operation of the spec has that route`,
      );
    const status = String(response.status);
    // Downloads (a zip archive) are bytes: only their status is checked.
    const isJson = /json/i.test(response.headers.get('content-type') ?? 'application/json');
    const text = isJson ? await response.text() : '';
    const body: unknown = text ? JSON.parse(text) : undefined;
    const failures: string[] = [];
    for (const validators of route.validators) {
      const validate = validators.has(status) ? validators.get(status) : validators.get('default');
      if (validate === undefined) {
        failures.push(`status ${status} is not declared`);
        continue;
      }
      if (validate === null || validate(body)) return;
      failures.push(
        (validate.errors ?? [])
          .map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`)
          .join('; '),
      );
    }
    throw new Error(
      `${method} ${path} answered ${status} with a body the spec does not allow: ${failures.join(' | ')}`,
    );
  }
}
