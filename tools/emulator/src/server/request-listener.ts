import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { AuthHost } from '../auth/auth-host.js';
import type { SigningKeys } from '../auth/signing-keys.js';
import type { TokenService } from '../auth/token-service.js';
import type { EmulatorServices } from '../behaviours/behaviour.js';
import { imageFilePrefix, serveImageFile } from '../behaviours/images.js';
import { controlPrefix, handleControl } from '../control/control-endpoint.js';
import type { FaultInjector, FaultTarget } from '../faults/fault-injector.js';
import { ApiError, invalidData, notFound } from '../http/api-error.js';
import { readBody } from '../http/read-body.js';
import type { Reply } from '../http/reply.js';
import { sendReply } from '../http/send-reply.js';
import type { ApiHandler } from './api-handler.js';

const authPath = /^\/([^/]+)\/as\/(.+)$/;
const flowPath = /^\/([^/]+)\/flows\/([^/]+)$/;

/** Everything the listener dispatches to. */
export interface Hosts {
  services: EmulatorServices;
  api: ApiHandler;
  auth: AuthHost;
  tokens: TokenService;
  keys: SigningKeys;
  faults: FaultInjector;
  /**
   * Set on the listener of a custom-domain origin: there `/as/...` and `/flows/...` belong to this one
   * environment, whose tokens carry `issuer`, and nothing else is served.
   */
  customDomain?: { environmentId: string; issuer: string };
}

/** The one `http` listener: controls, then faults, then the api (`/v1/...`) or auth (`/{env}/as/...`, `/{env}/flows/...`) host. */
export function createRequestListener(hosts: Hosts) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const correlationId = randomUUID();
    handle(hosts, request, response, correlationId).catch((error: unknown) => {
      sendReply(response, toReply(error), correlationId);
    });
  };
}

async function handle(
  hosts: Hosts,
  request: IncomingMessage,
  response: ServerResponse,
  correlationId: string,
) {
  const url = request.url ?? '/';
  const question = url.indexOf('?');
  let path = question === -1 ? url : url.slice(0, question);
  const search = question === -1 ? '' : url.slice(question + 1);
  let issuer: string | undefined;
  if (hosts.customDomain) {
    if (!path.startsWith('/as/') && !path.startsWith('/flows/')) {
      sendReply(response, toReply(notFound()), correlationId);
      return;
    }
    path = `/${encodeURIComponent(hosts.customDomain.environmentId)}${path}`;
    issuer = hosts.customDomain.issuer;
  }

  if (path.startsWith(imageFilePrefix)) {
    serveImageFile(request, response, path, hosts.services.store);
    return;
  }
  if (path.startsWith(controlPrefix)) {
    sendReply(response, await handleControl(request, path, hosts.faults), correlationId);
    return;
  }

  const target: FaultTarget = path === '/v1' || path.startsWith('/v1/') ? 'api' : 'auth';
  const latency = hosts.faults.latencyMs(target);
  if (latency > 0) await delay(latency);
  const fault = hosts.faults.decide(target);
  if (fault?.kind === 'drop') {
    request.socket.destroy();
    return;
  }
  if (fault?.kind === 'rate-limit') {
    const error = new ApiError(429, 'REQUEST_LIMITED', 'The request was rejected because of rate limits.', [
      { code: 'LIMIT_EXCEEDED', message: 'Too many requests; retry after the delay in Retry-After.' },
    ]);
    sendReply(
      response,
      { ...toReply(error), headers: { 'Retry-After': String(fault.retryAfterSeconds) } },
      correlationId,
    );
    return;
  }
  if (fault?.kind === 'error') {
    sendReply(response, serverError(fault.status), correlationId);
    return;
  }

  const reply =
    target === 'api'
      ? await hosts.api.handle(request, path.slice(3), search, correlationId)
      : await handleAuth(hosts, request, path, search, issuer);
  if (hosts.faults.dropAnswer(target)) {
    request.socket.destroy();
    return;
  }
  sendReply(response, reply, correlationId, reply.status === 200 && hosts.faults.malformed(target));
}

async function handleAuth(
  hosts: Hosts,
  request: IncomingMessage,
  path: string,
  search: string,
  customIssuer: string | undefined,
): Promise<Reply> {
  const asMatch = authPath.exec(path);
  const flowMatch = asMatch ? null : flowPath.exec(path);
  const raw = await readBody(request);
  if (!asMatch && !flowMatch) throw notFound();
  const contentType =
    String(request.headers['content-type'] ?? '')
      .split(';')[0]
      ?.trim()
      .toLowerCase() ?? '';
  const searchParameters = new URLSearchParams(search);
  let body: unknown;
  if (contentType.endsWith('json') && raw.length > 0) {
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw invalidData([{ code: 'INVALID_VALUE', target: 'body', message: 'The body is not valid JSON.' }]);
    }
  }
  const environmentId = decodePathSegment((asMatch ?? flowMatch)?.[1] ?? '');
  return hosts.auth.handle({
    services: hosts.services,
    tokens: hosts.tokens,
    keys: hosts.keys,
    environmentId,
    issuer: customIssuer ?? hosts.tokens.issuer(environmentId),
    endpoint: asMatch ? (asMatch[2] ?? '') : 'flows/{flowId}',
    ...(flowMatch ? { flowId: decodePathSegment(flowMatch[2] ?? '') } : {}),
    method: request.method ?? 'GET',
    headers: request.headers,
    parameters:
      contentType === 'application/x-www-form-urlencoded'
        ? new URLSearchParams(raw.toString('utf8'))
        : searchParameters,
    search: searchParameters,
    contentType,
    body,
  });
}

/** A path segment as the client meant it; a malformed escape names nothing that exists. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw notFound();
  }
}

function serverError(status: number): Reply {
  const codes: Record<number, string> = {
    500: 'UNEXPECTED_ERROR',
    502: 'BAD_GATEWAY',
    503: 'SERVICE_UNAVAILABLE',
    504: 'GATEWAY_TIMEOUT',
  };
  return toReply(
    new ApiError(
      status,
      codes[status] ?? 'UNEXPECTED_ERROR',
      'An unexpected error occurred (injected fault).',
    ),
  );
}

function toReply(error: unknown): Reply {
  if (error instanceof ApiError) {
    return {
      status: error.status,
      body: error.toBody(),
      ...(error.headers ? { headers: error.headers } : {}),
    };
  }
  // A bug in the emulator: answer as PingOne does for its own failures, and say what broke.
  const message = error instanceof Error ? error.message : String(error);
  return toReply(new ApiError(500, 'UNEXPECTED_ERROR', `The emulator failed: ${message}`));
}
