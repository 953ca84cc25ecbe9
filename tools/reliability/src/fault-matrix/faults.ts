import type { ServerResponse } from 'node:http';
import type { FaultOptions } from '@pingone-sdk/emulator';
import type { FaultPlan, FaultRequest } from './fault-server.js';
import { limits, type MethodName, sendsOnce } from './methods.js';

/**
 * THE table of the fault matrix: every fault a network or a proxy can produce, and what each call of
 * methods.ts must end in when it meets it. The matrix test runs every (fault × method) cell from this
 * table, and the README's "Reliability" table is printed from it too (see matrix-table.ts).
 */

/** What the caller sees. */
export type Outcome =
  /** Resolves with the answer a healthy server gives (the user, the listed items, nothing for DELETE). */
  | { kind: 'answer' }
  /** Resolves, but `data` is the body as a string (the SDK did not decode it as JSON). */
  | { kind: 'text' }
  /** Resolves with `data` undefined. */
  | { kind: 'nothing' }
  /** Resolves with what another host answered after a redirect. */
  | { kind: 'other-host' }
  /** A listing resolves with the first page's items only. */
  | { kind: 'first-page-only' }
  /** Rejects with this error class, whose fields match. */
  | { kind: 'error'; name: string; fields?: Record<string, unknown> };

export interface Expectation {
  outcome: Outcome;
  /** Requests the faulted route receives: exactly, or a range [min, max] where the policy leaves room. */
  requests: number | readonly [number, number];
  /** The call settles within this many milliseconds: no hang. */
  maxMs: number;
  /** The call takes at least this long (a Retry-After was honoured). */
  minMs?: number;
  /** The outcome is today's, not the one a user would want; what should change. */
  proposal?: string;
}

export interface Fault {
  id: string;
  /** Row title in the README. */
  title: string;
  /** How the faulted route answers on our fault server; absent when nothing listens at all. */
  plan?: FaultPlan;
  /** Instead of `plan`: the emulator with these faults, on the API host (the auth host for `token`). */
  emulator?: Omit<FaultOptions, 'target'>;
  expect(method: MethodName): Expectation;
}

// Generous on purpose: CI machines are shared, and a hang is unbounded, not a few seconds late.
const settle = 4000;
const malformed = { kind: 'error', name: 'MalformedResponseError', fields: { status: 200 } } as const;
const timedOut = { kind: 'error', name: 'TimeoutError', fields: { timeout: limits.timeout } } as const;

/** The healthy answer to the faulted request. */
export function answerWell({ request, response, goodBody }: FaultRequest): void {
  if (request.method === 'DELETE') {
    response.writeHead(204).end();
    return;
  }
  const text = JSON.stringify(goodBody);
  response.writeHead(request.method === 'POST' && !request.url?.includes('/as/') ? 201 : 200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** The first `count` attempts get `fault`, the rest a healthy answer. */
function firstAttempts(count: number, fault: (response: ServerResponse, request: FaultRequest) => void) {
  return (request: FaultRequest) =>
    request.attempt <= count ? fault(request.response, request) : answerWell(request);
}

function status(code: number, headers: Record<string, string> = {}, body?: string) {
  return (response: ServerResponse) => {
    const text =
      body ??
      JSON.stringify({
        id: 'e-1',
        code: code === 429 ? 'REQUEST_LIMITED' : 'UNEXPECTED_ERROR',
        message: `status ${code}`,
      });
    response.writeHead(code, {
      'content-type': body ? 'text/html' : 'application/json',
      'content-length': Buffer.byteLength(text),
      ...headers,
    });
    response.end(text);
  };
}

/** A retried status: idempotent calls get through after retries; POST, PATCH and the token request fail at once. */
function burst(code: number): Fault {
  return {
    id: `${code}-burst`,
    title: `${code} twice, then 200`,
    plan: firstAttempts(2, status(code)),
    expect: (method) =>
      sendsOnce(method)
        ? {
            outcome: { kind: 'error', name: 'ServerError', fields: { status: code } },
            requests: 1,
            maxMs: settle,
          }
        : { outcome: { kind: 'answer' }, requests: 3, maxMs: settle },
  };
}

/** Honoured up to the cap: the retry comes after about `minMs` and succeeds. */
function retryAfter(id: string, title: string, value: () => string, minMs: number, capped = false): Fault {
  return {
    id,
    title,
    plan: firstAttempts(1, (response) => status(429, { 'retry-after': value() })(response)),
    expect: (method) => ({
      outcome: { kind: 'answer' },
      requests: 2,
      // The token request's cap is its timeout; API calls have maxRetryAfter.
      minMs: capped && method === 'token' ? limits.maxRetryAfter : minMs,
      maxMs: (capped ? limits.timeout : 2000) + settle,
    }),
  };
}

/**
 * A 200 whose body is not the JSON the operation promises: the token request refuses it (no
 * access_token), paginate refuses a page that is no JSON object, and the other calls resolve with
 * `outcome` today (`proposal` says what they should do). A DELETE that expects no body may get none.
 */
function notTheJsonPromised(
  outcome: Outcome,
  proposal: string,
  { deleteAnswersNothing = false } = {},
): (method: MethodName) => Expectation {
  return (method) => {
    if (method === 'token') {
      return {
        outcome: { kind: 'error', name: 'AuthenticationError', fields: { status: 200 } },
        requests: 1,
        maxMs: settle,
      };
    }
    if (method === 'paginate') return { outcome: malformed, requests: 1, maxMs: settle };
    if (deleteAnswersNothing && method === 'DELETE') {
      return { outcome: { kind: 'nothing' }, requests: 1, maxMs: settle };
    }
    return { outcome, requests: 1, maxMs: settle, proposal };
  };
}

const megabyte = 1024 * 1024;

export const faults: readonly Fault[] = [
  {
    id: 'connection-refused',
    title: 'Connection refused',
    expect: () => ({ outcome: { kind: 'error', name: 'ConnectionError' }, requests: 0, maxMs: settle }),
  },
  {
    id: 'reset-before-headers',
    title: 'Connection reset before the headers',
    plan: ({ response }) => response.socket?.resetAndDestroy(),
    expect: (method) => ({
      outcome: { kind: 'error', name: 'ConnectionError' },
      requests: sendsOnce(method) ? 1 : limits.retries + 1,
      maxMs: settle,
    }),
  },
  {
    id: 'reset-mid-body',
    title: 'Connection reset in the middle of the body',
    plan: ({ response, goodBody }) => {
      const text = JSON.stringify(goodBody ?? { id: 'deleted' });
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': text.length * 2 });
      response.write(text.slice(0, 5));
      setTimeout(() => response.socket?.resetAndDestroy(), 20);
    },
    expect: (method) => ({
      outcome: { kind: 'error', name: 'ConnectionError' },
      // Whether a GET retries after its headers arrived is the transport's choice; a POST never does.
      requests: sendsOnce(method) ? 1 : [1, limits.retries + 1],
      maxMs: settle,
    }),
  },
  {
    id: 'headers-never-sent',
    title: 'Request read, headers never sent',
    plan: () => {},
    expect: () => ({
      outcome: timedOut,
      requests: 1,
      minMs: limits.timeout - 100,
      maxMs: limits.timeout + settle,
    }),
  },
  {
    id: 'body-stalled',
    title: 'Headers sent, then the body stalls',
    plan: ({ response }) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': 100 });
      response.write('{"id":');
    },
    expect: () => ({
      outcome: timedOut,
      requests: 1,
      maxMs: limits.timeout + settle,
    }),
  },
  {
    id: 'slow-trickle',
    title: 'Body trickles in, a fortieth every 100 ms (4 s in all, past the timeout)',
    plan: ({ response, goodBody }) => {
      // Trailing spaces are valid JSON: even DELETE's short answer takes the full 4 s.
      const text = JSON.stringify(goodBody ?? { id: 'deleted' }).padEnd(80, ' ');
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': text.length });
      const size = Math.ceil(text.length / 40);
      let index = 0;
      const timer = setInterval(() => {
        if (response.destroyed || index >= text.length) {
          clearInterval(timer);
          response.end();
          return;
        }
        response.write(text.slice(index, index + size));
        index += size;
      }, 100);
    },
    expect: () => ({
      outcome: timedOut,
      requests: 1,
      maxMs: limits.timeout + settle,
    }),
  },
  {
    id: '429-no-retry-after',
    title: '429 without Retry-After, then 200',
    plan: firstAttempts(1, status(429)),
    expect: () => ({ outcome: { kind: 'answer' }, requests: 2, maxMs: settle }),
  },
  retryAfter('429-retry-after-seconds', '429 with `Retry-After: 1`, then 200', () => '1', 900),
  retryAfter(
    '429-retry-after-date',
    '429 with `Retry-After` as an HTTP date 2 s ahead, then 200',
    () => new Date(Date.now() + 2000).toUTCString(),
    500,
  ),
  retryAfter(
    '429-retry-after-huge-seconds',
    '429 with `Retry-After: 31536000000` (a thousand years), then 200',
    () => '31536000000',
    limits.maxRetryAfter - 100,
    true,
  ),
  retryAfter(
    '429-retry-after-huge-date',
    '429 with `Retry-After: Fri, 31 Dec 9999 23:59:59 GMT`, then 200',
    () => 'Fri, 31 Dec 9999 23:59:59 GMT',
    limits.maxRetryAfter - 100,
    true,
  ),
  {
    id: '429-storm',
    title: '429 with `Retry-After: 1` on every attempt',
    plan: ({ response }) => status(429, { 'retry-after': '1' })(response),
    expect: (method) => ({
      outcome: {
        kind: 'error',
        name: 'RateLimitError',
        fields: { status: 429, code: 'REQUEST_LIMITED', retryAfter: 1 },
      },
      requests: limits.retries + 1,
      minMs: 1800,
      maxMs: 2000 + settle,
    }),
  },
  burst(500),
  burst(502),
  {
    id: '503-burst',
    title: '503 twice, then 200',
    plan: firstAttempts(2, status(503)),
    // 503 means PingOne refused the request unprocessed: even a POST is sent again. The token request
    // waits its default backoff (up to 0.5 s, then 1 s): clientCredentials has no retry option.
    expect: (method) => ({
      outcome: { kind: 'answer' },
      requests: 3,
      maxMs: settle + (method === 'token' ? 1500 : 0),
    }),
  },
  burst(504),
  {
    id: 'truncated-json',
    title: '200 with a truncated JSON body',
    plan: ({ response }) => {
      const text = '{"id":"a1b2","username":"ad';
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': text.length });
      response.end(text);
    },
    expect: (method) => ({
      outcome:
        method === 'token'
          ? { kind: 'error', name: 'AuthenticationError', fields: { status: 200 } }
          : { kind: 'error', name: 'MalformedResponseError', fields: { status: 200 } },
      requests: 1,
      maxMs: settle,
    }),
  },
  {
    id: 'html-200',
    title: "A proxy's HTML page with status 200",
    plan: ({ response }) =>
      status(200, {}, '<html><body>Please sign in to the proxy</body></html>')(response),
    expect: notTheJsonPromised(
      { kind: 'text' },
      'MalformedResponseError: a JSON operation that receives text/html should fail, not resolve with the page',
    ),
  },
  {
    id: 'html-502',
    title: "A proxy's HTML page with status 502",
    plan: ({ response }) => status(502, {}, '<html><body>502 Bad Gateway</body></html>')(response),
    expect: (method) => ({
      outcome: { kind: 'error', name: 'ServerError', fields: { status: 502, code: undefined } },
      requests: sendsOnce(method) ? 1 : limits.retries + 1,
      maxMs: settle,
    }),
  },
  {
    id: 'content-type-wrong',
    title: 'JSON body labelled `text/plain`',
    plan: ({ response, goodBody, request }) => {
      if (request.method === 'DELETE') return void response.writeHead(204).end();
      const text = JSON.stringify(goodBody);
      response.writeHead(200, { 'content-type': 'text/plain', 'content-length': text.length });
      response.end(text);
    },
    expect: notTheJsonPromised(
      { kind: 'text' },
      'MalformedResponseError, as for an HTML page: the SDK cannot tell a mislabelled answer from a foreign one',
      { deleteAnswersNothing: true },
    ),
  },
  {
    id: 'content-type-missing',
    title: 'JSON body without a Content-Type',
    plan: ({ response, goodBody, request }) => {
      if (request.method === 'DELETE') return void response.writeHead(204).end();
      const text = JSON.stringify(goodBody);
      response.writeHead(200, { 'content-length': text.length });
      response.end(text);
    },
    expect: (method) => ({
      outcome: method === 'DELETE' ? { kind: 'nothing' } : { kind: 'answer' },
      requests: 1,
      maxMs: settle,
    }),
  },
  {
    id: 'empty-200',
    title: 'Empty 200',
    plan: ({ response }) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': 0 });
      response.end();
    },
    expect: notTheJsonPromised(
      { kind: 'nothing' },
      'MalformedResponseError for an operation whose 200 promises a body',
      { deleteAnswersNothing: true },
    ),
  },
  {
    id: 'redirect-other-host',
    title: '307 to another host',
    plan: ({ response, request, otherOrigin }) => {
      response.writeHead(307, { location: `${otherOrigin}${request.url}`, 'content-length': 0 });
      response.end();
    },
    expect: (method) => {
      const proposal =
        'refuse a redirect to another host (ConnectionError): PingOne never redirects API calls, and the body ' +
        '(a user being created) travels with it; only the Authorization header is dropped';
      // The token request follows no redirect: the client secret in its body stays on this host.
      if (method === 'token') {
        return {
          outcome: { kind: 'error', name: 'AuthenticationError', fields: { status: 307 } },
          requests: 1,
          maxMs: settle,
        };
      }
      return {
        outcome: method === 'paginate' ? { kind: 'first-page-only' } : { kind: 'other-host' },
        requests: 1,
        maxMs: settle,
        proposal,
      };
    },
  },
  {
    id: 'huge-answer',
    title: '200 streaming 64 MiB of JSON, then stalling',
    plan: ({ response }) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(megabyte, '0,');
      let sent = 0;
      response.write('[');
      const pump = () => {
        while (sent < 64 && !response.destroyed) {
          sent++;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
      };
      pump();
    },
    expect: () => ({
      outcome: timedOut,
      requests: 1,
      maxMs: limits.timeout + settle,
      proposal: 'also a size cap on decoded bodies (MalformedResponseError past, say, 32 MiB)',
    }),
  },
  {
    id: 'emulator-latency',
    title: 'Emulator `latencyMs: 3000` (past the 2.5 s timeout)',
    emulator: { latencyMs: 3000 },
    expect: () => ({
      outcome: timedOut,
      requests: 1,
      minMs: limits.timeout - 100,
      maxMs: limits.timeout + settle,
    }),
  },
  {
    id: 'emulator-drop',
    title: 'Emulator `dropRate: 1`',
    emulator: { dropRate: 1 },
    expect: (method) => ({
      outcome: { kind: 'error', name: 'ConnectionError' },
      requests: sendsOnce(method) ? 1 : limits.retries + 1,
      maxMs: settle,
    }),
  },
  {
    id: 'emulator-500',
    title: 'Emulator `errorRate: 1, errorStatuses: [500]`',
    emulator: { errorRate: 1, errorStatuses: [500] },
    expect: (method) => ({
      outcome: { kind: 'error', name: 'ServerError', fields: { status: 500, code: 'UNEXPECTED_ERROR' } },
      requests: sendsOnce(method) ? 1 : limits.retries + 1,
      maxMs: settle,
    }),
  },
  {
    id: 'emulator-503',
    title: 'Emulator `errorRate: 1, errorStatuses: [503]`',
    emulator: { errorRate: 1, errorStatuses: [503] },
    expect: (method) => ({
      outcome: { kind: 'error', name: 'ServerError', fields: { status: 503, code: 'SERVICE_UNAVAILABLE' } },
      requests: limits.retries + 1,
      maxMs: settle + (method === 'token' ? 1500 : 0),
    }),
  },
  {
    id: 'emulator-rate-limit',
    title: 'Emulator `rateLimit: { requestsPerSecond: 0, retryAfterSeconds: 1 }`',
    emulator: { rateLimit: { requestsPerSecond: 0, retryAfterSeconds: 1 } },
    expect: (method) => ({
      outcome: {
        kind: 'error',
        name: 'RateLimitError',
        fields: { status: 429, code: 'REQUEST_LIMITED', retryAfter: 1 },
      },
      requests: limits.retries + 1,
      minMs: 1800,
      maxMs: 2000 + settle,
    }),
  },
  {
    id: 'emulator-malformed',
    title: 'Emulator `malformedRate: 1` (200 bodies cut in half)',
    emulator: { malformedRate: 1 },
    expect: (method) => {
      // Only 200 answers are cut: a create answers 201, a delete 204.
      if (method === 'POST') return { outcome: { kind: 'answer' }, requests: 1, maxMs: settle };
      if (method === 'DELETE') return { outcome: { kind: 'nothing' }, requests: 1, maxMs: settle };
      return {
        outcome:
          method === 'token'
            ? { kind: 'error', name: 'AuthenticationError', fields: { status: 200 } }
            : malformed,
        requests: 1,
        maxMs: settle,
      };
    },
  },
];
