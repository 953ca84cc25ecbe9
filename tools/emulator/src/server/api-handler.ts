import type { IncomingMessage } from 'node:http';
import type { TokenService } from '../auth/token-service.js';
import { auditSnapshot, recordActivity } from '../behaviours/activities.js';
import type {
  BehaviourContext,
  Caller,
  EmulatorServices,
  ResourceLocation,
} from '../behaviours/behaviour.js';
import type { BehaviourRegistry } from '../behaviours/behaviour-registry.js';
import { ApiError, accessFailed, invalidData, notFound } from '../http/api-error.js';
import { isJsonMediaType, mediaTypeOf, readBody } from '../http/read-body.js';
import { readForm } from '../http/read-form.js';
import type { Reply } from '../http/reply.js';
import type { RouteTable } from '../routing/route-table.js';
import type { MediaTypeEntry, Operation } from '../spec/operation.js';
import type { RequestValidator } from '../validation/request-validator.js';
import type { ResponseValidator } from '../validation/response-validator.js';

/** The management API below `/v1`: authenticate, route, pick the action, validate, behave, audit. */
export class ApiHandler {
  readonly #services: EmulatorServices;
  readonly #routes: RouteTable;
  readonly #validators: ReadonlyMap<string, RequestValidator>;
  readonly #registry: BehaviourRegistry;
  readonly #tokens: TokenService;
  readonly #origin: string;
  readonly #responseValidators: ReadonlyMap<string, ResponseValidator> | undefined;

  constructor(options: {
    services: EmulatorServices;
    routes: RouteTable;
    validators: ReadonlyMap<string, RequestValidator>;
    registry: BehaviourRegistry;
    tokens: TokenService;
    /** Check every answer against the spec (tests); absent, answers go out unchecked. */
    responseValidators?: ReadonlyMap<string, ResponseValidator>;
  }) {
    this.#services = options.services;
    this.#routes = options.routes;
    this.#validators = options.validators;
    this.#registry = options.registry;
    this.#tokens = options.tokens;
    this.#origin = new URL(options.services.apiUrl).origin;
    this.#responseValidators = options.responseValidators;
  }

  /** `path` is the URL path after `/v1`; `search` its query string (without `?`). */
  async handle(
    request: IncomingMessage,
    path: string,
    search: string,
    correlationId: string,
  ): Promise<Reply> {
    const caller = await this.#authenticate(request);
    const segments = decodeSegments(path);
    const match = segments ? this.#routes.match(segments) : undefined;
    if (!segments || !match) throw notFound();

    const override = request.headers['x-http-method-override'];
    const method =
      request.method === 'POST' && typeof override === 'string'
        ? override.toUpperCase()
        : (request.method ?? 'GET');
    const operation = match.route.operations.get(method);
    if (!operation) {
      throw new ApiError(
        405,
        'INVALID_REQUEST',
        `The ${method} method is not supported on this resource.`,
        undefined,
        {
          Allow: match.route.allow,
        },
      );
    }

    const mediaType = mediaTypeOf(request.headers['content-type']);
    const entry = selectMediaType(operation, mediaType, request);
    const location = this.#locate(operation, segments);
    this.#checkAncestors(operation, location.segments);

    const validator = this.#validators.get(operation.service);
    const query = validator ? validator.validateQuery(operation, new URLSearchParams(search)) : {};
    const body = await this.#readBody(request, operation, entry, mediaType);
    if (entry && body !== undefined && validator) validator.validateBody(entry, body);

    const pathParameters: Record<string, string> = {};
    operation.pathParameterNames.forEach((name, index) => {
      pathParameters[name] = match.values[index] ?? '';
    });
    const context: BehaviourContext = {
      services: this.#services,
      store: this.#services.store,
      operation,
      operationId: entry?.operationId ?? operation.operationId,
      mediaType,
      pathParameters,
      query,
      body,
      headers: request.headers,
      correlationId,
      environmentId: segments[0] === 'environments' ? segments[1] : undefined,
      location,
      requestUrl: `${this.#origin}${request.url ?? ''}`,
      caller,
    };
    const before = auditSnapshot(context);
    const reply = await this.#registry.find(operation, entry)(context);
    this.#responseValidators?.get(operation.service)?.check(operation, entry, reply);
    recordActivity(context, reply, before);
    return reply;
  }

  async #authenticate(request: IncomingMessage): Promise<Caller> {
    const authorization = request.headers.authorization;
    if (typeof authorization !== 'string' || !/^bearer /i.test(authorization)) {
      throw accessFailed('The request could not be completed. You do not have access to this resource.');
    }
    const caller = await this.#tokens.verify(authorization.slice(7).trim());
    if (!caller) throw accessFailed('The request could not be completed. The access token is not valid.');
    return caller;
  }

  #locate(operation: Operation, values: readonly string[]): ResourceLocation {
    const key = `/${values.join('/')}`;
    const href = `${this.#services.apiUrl}${key}`;
    if (operation.shape === 'item') {
      const itemId = values.at(-1);
      return {
        key,
        collectionKey: key.slice(0, key.length - (itemId?.length ?? 0) - 1),
        itemId,
        href,
        segments: values,
      };
    }
    if (operation.shape === 'collection')
      return { key, collectionKey: key, itemId: undefined, href, segments: values };
    return { key, collectionKey: undefined, itemId: undefined, href, segments: values };
  }

  /** Everything a URL hangs from must exist: `/environments/<missing>/users` is a 404, as in PingOne. */
  #checkAncestors(operation: Operation, segments: readonly string[]): void {
    for (const ancestor of operation.ancestors) {
      const collectionKey = `/${segments.slice(0, ancestor.collectionLength).join('/')}`;
      const id = segments[ancestor.idIndex] ?? '';
      if (!this.#services.store.getItem(collectionKey, id)) {
        throw notFound(`Unable to find ${ancestor.noun} with ID ${id}.`);
      }
    }
  }

  async #readBody(
    request: IncomingMessage,
    operation: Operation,
    entry: MediaTypeEntry | undefined,
    mediaType: string | undefined,
  ): Promise<unknown> {
    const raw = await readBody(request);
    if (!entry) return undefined;
    if (raw.length === 0) {
      if (operation.requestBodyRequired && !entry.isAction && entry.schema !== undefined) {
        throw invalidData([
          { code: 'REQUIRED_VALUE', target: 'body', message: 'A request body is required.' },
        ]);
      }
      return undefined;
    }
    if (mediaType === 'multipart/form-data') return readForm(raw, request.headers['content-type'] ?? '');
    if (mediaType === undefined || !isJsonMediaType(mediaType)) return raw;
    try {
      return JSON.parse(raw.toString('utf8'));
    } catch {
      throw invalidData([
        { code: 'INVALID_VALUE', target: 'body', message: 'The request body is not valid JSON.' },
      ]);
    }
  }
}

/**
 * The operation's own media type or one of its actions (`x-pingone-action`), chosen by `Content-Type`.
 * Requests without a body may leave `Content-Type` out; anything else unknown is a 415.
 */
function selectMediaType(
  operation: Operation,
  mediaType: string | undefined,
  request: IncomingMessage,
): MediaTypeEntry | undefined {
  if (operation.mediaTypes.size === 0) return undefined;
  if (mediaType === undefined) {
    const hasBody =
      request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0';
    if (!hasBody && !operation.requestBodyRequired) return undefined;
    if (!hasBody && request.headers['transfer-encoding'] === undefined) {
      throw invalidData([{ code: 'REQUIRED_VALUE', target: 'body', message: 'A request body is required.' }]);
    }
    throw unsupportedMediaType(operation, mediaType);
  }
  const entry = operation.mediaTypes.get(mediaType);
  if (!entry) throw unsupportedMediaType(operation, mediaType);
  return entry;
}

function unsupportedMediaType(operation: Operation, mediaType: string | undefined): ApiError {
  const accepted = [...operation.mediaTypes.keys()].join(', ');
  return new ApiError(
    415,
    'INVALID_REQUEST',
    `The Content-Type ${mediaType ?? '(none)'} is not supported here; use one of: ${accepted}.`,
  );
}

function decodeSegments(path: string): string[] | undefined {
  try {
    return path
      .split('/')
      .filter((segment) => segment.length > 0)
      .map(decodeURIComponent);
  } catch {
    return undefined;
  }
}
