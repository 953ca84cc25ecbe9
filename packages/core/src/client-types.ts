import type { Hooks } from 'ky';
import type { Logger } from './logger.js';
import type { Region } from './regions.js';
import type { RetryOptions } from './retry-policy.js';
import type { TokenInput } from './token-provider.js';

/** Options shared by a client and a single call; a call's value wins over the client's. */
export interface RequestSettings {
  /**
   * Retry policy, or `false` for a single attempt. See retry-policy.ts for what is retried.
   * @default { limit: 2 }
   */
  retry?: RetryOptions | false;
  /**
   * Limit for one attempt, in milliseconds (retries get a fresh limit each).
   * @default 30000
   */
  timeout?: number;
}

/** Options of a single call only. */
export interface CallSettings {
  /** Cancels the call, including any wait between retries. */
  signal?: AbortSignal;
  /**
   * What to do with a redirect (3xx) answer: follow it, or with `'manual'` resolve with it as it is, to
   * read its `Location` (as `resumeAuthorization` needs on a server). Browsers hide manual redirects:
   * there the answer is an `opaqueredirect` with status 0.
   * @default 'follow'
   */
  redirect?: 'follow' | 'manual';
}

/**
 * ky's hooks, as ky documents them (https://github.com/sindresorhus/ky#hooks), run by the client's ky
 * instance on every call:
 *
 * - `beforeRequest(request, options, { retryCount })`: before each attempt; may change `request.headers`.
 * - `beforeRetry({ request, options, error, retryCount })`: before each retry, after its wait.
 * - `afterResponse(request, options, response, { retryCount })`: with a copy of each attempt's answer.
 * - `beforeError(error, { retryCount })`: with ky's `HTTPError` for a failed final answer; the call then
 *   throws the {@link PingOneError} for that answer.
 *
 * The requests they see carry the Authorization header: keep them out of your logs.
 *
 * @example
 * const client = createManagementClient({
 *   environmentId,
 *   token,
 *   hooks: {
 *     beforeRequest: [(request) => request.headers.set('X-Ping-External-Transaction-ID', crypto.randomUUID())],
 *     beforeRetry: [({ request, error, retryCount }) => console.warn(`retry ${retryCount} of ${request.method} ${request.url}: ${error.message}`)],
 *   },
 * });
 */
export type ClientHooks = Pick<Hooks, 'beforeRequest' | 'beforeRetry' | 'afterResponse' | 'beforeError'>;

/** Options of a client, shared by every operation called with it. */
export interface ClientConfig extends RequestSettings {
  /**
   * The PingOne region whose hosts to use.
   * @default 'NA'
   */
  region?: Region;
  /**
   * Base URL overriding `region`, e.g. the emulator's `apiUrl` or a proxy. `http://` only for loopback.
   * @example 'http://127.0.0.1:4000/v1'
   */
  baseUrl?: string;
  /**
   * Access token: a string, `clientCredentials(…)`, `staticToken(…)` or any `TokenProvider`.
   * Without it, requests go out unauthenticated (useful only for public endpoints).
   */
  token?: TokenInput;
  /** Default for every `{environmentId}` path parameter; a call may override it. */
  environmentId?: string;
  /** Headers added to every request, e.g. `X-Ping-External-Transaction-ID`. */
  headers?: Record<string, string>;
  /** Receives debug lines (method, URL, status, timing, retries); secrets are never logged. */
  logger?: Logger;
  /**
   * ky hooks run on every call, for telemetry or to adjust requests; see {@link ClientHooks}.
   * @default {}
   * @example { beforeRetry: [({ retryCount }) => metrics.increment('pingone.retry', { retryCount })] }
   */
  hooks?: ClientHooks;
  /** A fetch implementation to use instead of the global one. */
  fetch?: typeof globalThis.fetch;
}

/** Everything a generated operation hands to the client for one request. */
export interface RequestOptions extends RequestSettings, CallSettings {
  url: string;
  method?: HttpMethod;
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  /** A `null` value removes a default header (generated multipart calls clear `Content-Type` so). */
  headers?: Record<string, string | null | undefined> | Headers;
  /** Set by generated code for form and multipart bodies. */
  bodySerializer?: ((body: unknown) => BodyInit) | null;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** What every operation resolves to: the decoded body and the raw answer. */
export interface RequestResult<TData> {
  data: TData;
  response: Response;
}

/** The body type of a successful answer, from an operation's map of responses by status. */
export type ResponseOf<TResponses> =
  TResponses extends Record<PropertyKey, unknown> ? TResponses[keyof TResponses] : unknown;

/** One HTTP method of a {@link Client}: sends a request and resolves to its decoded answer. */
export type RequestMethod = <TResponses = unknown>(
  options: RequestOptions,
) => Promise<RequestResult<ResponseOf<TResponses>>>;

/**
 * A configured connection to one PingOne host. Pass it as `client` to any operation.
 * Create it with `createClient`, or with a service's own factory such as `createManagementClient`.
 */
export interface Client {
  /** The resolved configuration (base URL, defaults). Secrets are not part of it. */
  readonly config: Readonly<{ baseUrl: string; environmentId: string | undefined }>;
  /** Sends a request with an explicit `method`; the named methods below are shorthands for it. */
  request: <TResponses = unknown>(
    options: RequestOptions & { method: HttpMethod },
  ) => Promise<RequestResult<ResponseOf<TResponses>>>;
  get: RequestMethod;
  post: RequestMethod;
  put: RequestMethod;
  patch: RequestMethod;
  delete: RequestMethod;
  head: RequestMethod;
  options: RequestMethod;
}
