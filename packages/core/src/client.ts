import { HTTPError, type Options as KyOptions, TimeoutError as KyTimeoutError } from 'ky';
import type { Client, ClientConfig, HttpMethod, RequestOptions, RequestResult } from './client-types.js';
import {
  ConnectionError,
  InvalidArgumentError,
  MalformedResponseError,
  PingOneSdkError,
  TimeoutError,
} from './errors.js';
import { buildUrl } from './internal/build-url.js';
import { concealFromInspection } from './internal/conceal.js';
import { errorFromResponse } from './internal/error-from-response.js';
import { checkHeader } from './internal/header-syntax.js';
import { attemptStarts, createKyTransport } from './internal/ky-transport.js';
import { linkedSignal } from './internal/linked-signal.js';
import { readBody, textOf } from './internal/read-body.js';
import { optionalText, optionalTimeout, requireOneOf, requireText } from './internal/validate.js';
import { apiUrlOf, checkBaseUrl } from './regions.js';
import { toKyRetry } from './retry-policy.js';
import type { TokenProvider } from './token-provider.js';
import { version } from './version.js';

const defaultTimeout = 30_000;

function isBodyInit(body: unknown): body is BodyInit {
  return (
    typeof body === 'string' ||
    ArrayBuffer.isView(body) ||
    [Blob, ArrayBuffer, URLSearchParams, FormData, ReadableStream].some((type) => body instanceof type)
  );
}

const jsonMediaType = /^application\/(?:[\w.+-]+\+)?json\b/i;

/** Decodes a successful answer's body: JSON for JSON media types, text for text, bytes as a Blob otherwise. */
function decodeBody(response: Response, chunks: Uint8Array<ArrayBuffer>[]): unknown {
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType === '' || jsonMediaType.test(contentType)) {
    const text = textOf(chunks);
    if (text === '') return undefined;
    try {
      return JSON.parse(text);
    } catch {
      throw new MalformedResponseError(response);
    }
  }
  return contentType.startsWith('text/') ? textOf(chunks) : new Blob(chunks, { type: contentType });
}

/**
 * Creates the HTTP runtime every generated operation runs on, on one ky instance.
 *
 * Everything that can be decided once is decided here: the base URL is checked, the token provider
 * resolved, ky's instance built with the retry policy, timeout, default headers, fetch and hooks. A call
 * then only expands its URL, attaches the token and sends. Policies live in their own files: retries in
 * retry-policy.ts, the token cache in token-cache.ts, error mapping in internal/error-from-response.ts.
 *
 * @example
 * const client = createClient({ region: 'EU', environmentId, token: clientCredentials({ … }) });
 * const { data } = await client.get({ url: '/environments/{environmentId}/users' });
 */
export function createClient(config: ClientConfig = {}): Client {
  const baseUrl =
    config.baseUrl === undefined ? apiUrlOf(config.region) : checkBaseUrl(config.baseUrl, 'baseUrl');
  const baseOrigin = new URL(baseUrl).origin;
  // A token given as a string never changes: it goes into the client's headers once, not into every call.
  const { token } = config;
  const fixedToken = typeof token === 'string' ? requireText(token, 'token') : undefined;
  if (
    token !== undefined &&
    fixedToken === undefined &&
    typeof (token as TokenProvider | null)?.getToken !== 'function'
  ) {
    throw new InvalidArgumentError('token', 'a token string or a TokenProvider with getToken()');
  }
  const tokenProvider = fixedToken === undefined ? (token as TokenProvider | undefined) : undefined;
  const defaultEnvironmentId = optionalText(config.environmentId, 'environmentId');
  const timeout = optionalTimeout(config.timeout, 'timeout') ?? defaultTimeout;
  const logger = config.logger;

  // Header names are lower-cased once here, so that a call's header replaces the client's whatever its case.
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
  if (fixedToken !== undefined) defaultHeaders.authorization = `Bearer ${fixedToken}`;
  const api = createKyTransport({
    fetch: config.fetch ?? globalThis.fetch,
    headers: defaultHeaders,
    timeout,
    retry: config.retry,
    hooks: config.hooks,
    logger,
    tokenProvider,
  });

  async function call<TData>(options: RequestOptions, method: HttpMethod): Promise<RequestResult<TData>> {
    let url = options.url;
    if (/^https?:\/\//.test(url)) {
      // Absolute URLs (pagination links) must stay on the client's host: the token must never travel elsewhere.
      const origin = new URL(url).origin;
      if (origin !== baseOrigin) {
        throw new InvalidArgumentError(
          'url',
          `a URL on ${baseOrigin}; refusing to send credentials to ${origin}`,
        );
      }
    } else url = buildUrl(baseUrl, url, options.path, defaultEnvironmentId, options.query);
    const callTimeout = optionalTimeout(options.timeout, 'timeout');
    const redirect =
      options.redirect === undefined
        ? undefined
        : requireOneOf(options.redirect, ['follow', 'manual'] as const, 'redirect');
    const attemptTimeout = callTimeout ?? timeout;
    const late = (still = '') =>
      new TimeoutError(`${method} ${url} took longer than ${attemptTimeout} ms${still}`, attemptTimeout);
    // Checked before anything is sent, even when the body below turns out to be a stream.
    const retry =
      options.retry === undefined && callTimeout === undefined
        ? undefined
        : toKyRetry(options.retry ?? config.retry, attemptTimeout);

    // Only the call's own headers: ky adds the client's defaults, and drops one given as undefined.
    const headers: Record<string, string | undefined> = {};
    const callHeaders = options.headers;
    if (callHeaders instanceof Headers) {
      for (const [name, value] of callHeaders) headers[name] = value;
    } else if (callHeaders) {
      for (const name of Object.keys(callHeaders)) {
        const value = callHeaders[name];
        if (value === null) headers[name.toLowerCase()] = undefined;
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

    options.signal?.throwIfAborted();
    const startedAt = logger ? Date.now() : 0;
    logger?.debug(`→ ${method} ${url}`);
    let token = tokenProvider ? await tokenProvider.getToken({ signal: options.signal }) : undefined;
    if (token !== undefined) headers.authorization = `Bearer ${token}`;

    // Only with a caller's signal: ky follows a given signal with AbortSignal.any, which costs on every call.
    const link = options.signal ? linkedSignal(options.signal) : undefined;
    // Only what differs from the client's ky instance: ky merges every option it is given on every call.
    const kyOptions: KyOptions = { method };
    if (link) kyOptions.signal = link.controller.signal;
    if (Object.keys(headers).length > 0) kyOptions.headers = headers;
    if (body !== undefined) kyOptions.body = body;
    if (callTimeout !== undefined) kyOptions.timeout = callTimeout;
    // A stream is read by its first attempt: there is nothing left to send again.
    if (body instanceof ReadableStream) kyOptions.retry = 0;
    else if (retry !== undefined) kyOptions.retry = retry;
    if (redirect) kyOptions.redirect = redirect;

    /** Sends through ky: a failure status after ky's retries comes back as the answer it is. */
    const send = async (): Promise<Response> => {
      try {
        return await api(url, kyOptions);
      } catch (error) {
        if (error instanceof HTTPError) {
          // A retry may have gone out with a newer token than the call started with (ky-transport.ts).
          token = error.request.headers.get('authorization')?.slice('Bearer '.length) ?? token;
          return error.response;
        }
        // No `cause`: ky's error holds the Request, whose headers (the Authorization token) util.inspect prints.
        if (error instanceof KyTimeoutError) throw late();
        // A ConnectionError from the transport, the caller's abort reason, or a hook's own error, as it is.
        throw error;
      }
    };

    let readingBody = false;
    try {
      let sentAt = performance.now();
      let response = await send();
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
        sentAt = performance.now();
        response = await send();
      }
      logger?.debug(`← ${response.status} ${method} ${url} (${Date.now() - startedAt} ms)`);
      // A redirect answer: a 3xx, or the opaque stand-in browsers give for one.
      if (
        redirect === 'manual' &&
        (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400))
      ) {
        await response.body?.cancel();
        return { data: undefined as TData, response };
      }
      const bodyless =
        response.status === 204 || response.status === 205 || method === 'HEAD' || response.body === null;
      let chunks: Uint8Array<ArrayBuffer>[] = [];
      if (bodyless) await response.body?.cancel();
      else {
        // ky's timeout ends when the headers arrive; the rest of the same attempt's time is for the body.
        const elapsed = performance.now() - (attemptStarts.get(response) ?? sentAt);
        readingBody = true;
        const reading = readBody(
          response.body as ReadableStream<Uint8Array<ArrayBuffer>>,
          attemptTimeout - elapsed,
          () => late(', its answer still arriving'),
        );
        // A failure answer whose body broke off is still the error its status names.
        chunks = response.ok
          ? await reading
          : await reading.catch((failure: unknown) => {
              if (failure instanceof TimeoutError || options.signal?.aborted) throw failure;
              return [];
            });
      }
      if (!response.ok) throw await errorFromResponse(response, textOf(chunks));
      return { data: (bodyless ? undefined : decodeBody(response, chunks)) as TData, response };
    } catch (error) {
      if (error instanceof PingOneSdkError) throw error;
      if (options.signal?.aborted) throw options.signal.reason;
      // The body broke off: runtimes throw a TypeError (Node: "terminated") or an Error for it.
      if (readingBody) {
        throw new ConnectionError(
          `${method} ${url} failed while its answer arrived: ${(error as Error).message}`,
          {
            cause: error,
          },
        );
      }
      throw error;
    } finally {
      // Only now: the caller's signal must also be able to stop the body download above.
      link?.dispose();
    }
  }

  const client = {
    config: Object.freeze({ baseUrl, environmentId: defaultEnvironmentId }),
    request: (options: RequestOptions & { method: HttpMethod }) => call(options, options.method),
  } as Client & Record<string, unknown>;
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const) {
    client[method.toLowerCase()] = (options: RequestOptions) => call(options, method);
  }
  return concealFromInspection(client, `PingOneClient ${baseUrl}`);
}
