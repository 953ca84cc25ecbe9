import type { Client, ClientConfig, HttpMethod, RequestOptions, RequestResult } from './client-types.js';
import { InvalidArgumentError, MalformedResponseError } from './errors.js';
import { buildUrl } from './internal/build-url.js';
import { concealFromInspection } from './internal/conceal.js';
import { errorFromResponse } from './internal/error-from-response.js';
import { checkHeader } from './internal/header-syntax.js';
import { linkedSignal } from './internal/linked-signal.js';
import { send, type Transport } from './internal/send.js';
import { apiUrlOf, checkBaseUrl } from './regions.js';
import { toRetryPolicy } from './retry-policy.js';
import { type TokenProvider, toTokenProvider } from './token-provider.js';
import { version } from './version.js';

const defaultTimeout = 30_000;

function checkTimeout(timeout: number | undefined, parameter: string): number | undefined {
  if (timeout !== undefined && !(Number.isFinite(timeout) && timeout > 0 && timeout <= 2_147_483_647)) {
    throw new InvalidArgumentError(parameter, 'a positive number of milliseconds');
  }
  return timeout;
}

function isBodyInit(body: unknown): body is BodyInit {
  return (
    typeof body === 'string' ||
    body instanceof Blob ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    body instanceof URLSearchParams ||
    body instanceof FormData ||
    body instanceof ReadableStream
  );
}

const jsonMediaType = /^application\/(?:[\w.+-]+\+)?json\b/i;

/** Decodes a successful answer: JSON for JSON media types, text for text, bytes as a Blob otherwise. */
async function decodeBody(response: Response, method: string): Promise<unknown> {
  if (response.status === 204 || response.status === 205 || method === 'HEAD') return undefined;
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType === '' || jsonMediaType.test(contentType)) {
    const text = await response.text();
    if (text === '') return undefined;
    try {
      return JSON.parse(text);
    } catch {
      throw new MalformedResponseError(response);
    }
  }
  return contentType.startsWith('text/') ? response.text() : response.blob();
}

/**
 * Creates the HTTP runtime every generated operation runs on.
 *
 * Everything that can be decided once is decided here: the base URL is checked, the token provider
 * resolved, the retry policy built, the default headers assembled. A call then only expands its URL,
 * attaches the token and sends. Policies live in their own files: retries in retry-policy.ts, the token
 * cache in token-cache.ts, error mapping in internal/error-from-response.ts.
 *
 * @example
 * const client = createClient({ region: 'EU', environmentId, token: clientCredentials({ … }) });
 * const { data } = await client.get({ url: '/environments/{environmentId}/users' });
 */
export function createClient(config: ClientConfig = {}): Client {
  const baseUrl =
    config.baseUrl === undefined ? apiUrlOf(config.region) : checkBaseUrl(config.baseUrl, 'baseUrl');
  const baseOrigin = new URL(baseUrl).origin;
  const tokenProvider: TokenProvider | undefined =
    config.token === undefined ? undefined : toTokenProvider(config.token);
  if (
    config.environmentId !== undefined &&
    (typeof config.environmentId !== 'string' || config.environmentId === '')
  ) {
    throw new InvalidArgumentError('environmentId', 'a non-empty string');
  }
  const defaultEnvironmentId = config.environmentId;
  const timeout = checkTimeout(config.timeout, 'timeout') ?? defaultTimeout;
  const clientRetry = toRetryPolicy(config.retry, timeout);
  const logger = config.logger;
  const hooks = config.hooks;
  const transport: Transport = {
    fetch: config.fetch ?? globalThis.fetch,
    beforeRequest: hooks?.beforeRequest,
    logger,
  };

  // Header names are lower-cased once here, so that a call's header replaces the client's whatever its case,
  // and each call copies a plain object instead of building a Headers instance.
  const defaultHeaders: Record<string, string> = { accept: 'application/json' };
  for (const [name, value] of Object.entries(config.headers ?? {})) {
    defaultHeaders[name.toLowerCase()] = checkHeader(name, value);
  }
  // Browsers own the User-Agent header; elsewhere it tells PingOne which SDK called (after the caller's own).
  if (typeof (globalThis as { document?: unknown }).document === 'undefined') {
    const sdkAgent = `pingone-sdk/${version}`;
    const callerAgent = defaultHeaders['user-agent'];
    defaultHeaders['user-agent'] = callerAgent ? `${callerAgent} ${sdkAgent}` : sdkAgent;
  }

  async function call<TData>(options: RequestOptions, method: HttpMethod): Promise<RequestResult<TData>> {
    const url =
      options.url.startsWith('https://') || options.url.startsWith('http://')
        ? sameOriginUrl(options.url, baseOrigin)
        : buildUrl(baseUrl, options.url, options.path, defaultEnvironmentId, options.query);
    const callTimeout = checkTimeout(options.timeout, 'timeout');
    const redirect = options.redirect;
    if (redirect !== undefined && redirect !== 'follow' && redirect !== 'manual') {
      throw new InvalidArgumentError('redirect', `'follow' or 'manual', got ${JSON.stringify(redirect)}`);
    }
    const attemptTimeout = callTimeout ?? timeout;
    const retry =
      options.retry === undefined && callTimeout === undefined
        ? clientRetry
        : toRetryPolicy(options.retry ?? config.retry, attemptTimeout);

    const headers: Record<string, string> = { ...defaultHeaders };
    const callHeaders = options.headers;
    if (callHeaders instanceof Headers) {
      for (const [name, value] of callHeaders) headers[name] = value;
    } else if (callHeaders) {
      for (const name of Object.keys(callHeaders)) {
        const value = callHeaders[name];
        if (value === null) delete headers[name.toLowerCase()];
        else if (value !== undefined) headers[name.toLowerCase()] = checkHeader(name, value);
      }
    }
    let body: BodyInit | undefined;
    if (options.body !== undefined && options.body !== null) {
      if (options.bodySerializer) body = options.bodySerializer(options.body);
      else if (isBodyInit(options.body)) body = options.body;
      else {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
    }

    const startedAt = logger ? Date.now() : 0;
    logger?.debug(`→ ${method} ${url}`);
    let token = tokenProvider ? await tokenProvider.getToken({ signal: options.signal }) : undefined;
    if (token !== undefined) headers.authorization = `Bearer ${token}`;

    const link = linkedSignal(options.signal);
    const outgoing = {
      method,
      url,
      headers,
      body,
      signal: link.signal,
      retry,
      timeout: attemptTimeout,
      redirect,
    };
    try {
      let response = await send(transport, outgoing);
      // A 401 on a token the provider can replace: forget it, fetch a new one, replay once (streams cannot be replayed).
      if (
        response.status === 401 &&
        token !== undefined &&
        tokenProvider?.invalidate &&
        !(body instanceof ReadableStream)
      ) {
        await response.body?.cancel();
        tokenProvider.invalidate(token);
        token = await tokenProvider.getToken({ signal: options.signal });
        headers.authorization = `Bearer ${token}`;
        logger?.debug(`replaying ${method} ${url} once with a new token after 401`);
        response = await send(transport, outgoing);
      }
      logger?.debug(`← ${response.status} ${method} ${url} (${Date.now() - startedAt} ms)`);
      if (hooks?.afterResponse) await hooks.afterResponse(response.clone(), { method, url });
      if (redirect === 'manual' && isRedirect(response)) {
        await response.body?.cancel();
        return { data: undefined as TData, response };
      }
      if (!response.ok) throw await errorFromResponse(response);
      return { data: (await decodeBody(response, method)) as TData, response };
    } finally {
      // Only now: the caller's signal must also be able to stop the body download above.
      link.dispose();
    }
  }

  const withMethod =
    (method: HttpMethod) =>
    (options: RequestOptions): Promise<RequestResult<never>> =>
      call(options, method);

  const client: Client = {
    config: Object.freeze({ baseUrl, environmentId: defaultEnvironmentId }),
    request: ((options: RequestOptions & { method: HttpMethod }) =>
      call(options, options.method)) as Client['request'],
    get: withMethod('GET'),
    post: withMethod('POST'),
    put: withMethod('PUT'),
    patch: withMethod('PATCH'),
    delete: withMethod('DELETE'),
    head: withMethod('HEAD'),
    options: withMethod('OPTIONS'),
  };
  return concealFromInspection(client, `PingOneClient ${baseUrl}`);
}

/** A redirect answer: a 3xx, or the opaque stand-in browsers give for one. */
function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}

/** Absolute URLs (pagination links) must stay on the client's host: the token must never travel elsewhere. */
function sameOriginUrl(url: string, origin: string): string {
  if (new URL(url).origin !== origin) {
    throw new InvalidArgumentError(
      'url',
      `a URL on ${origin}; refusing to send credentials to ${new URL(url).origin}`,
    );
  }
  return url;
}
