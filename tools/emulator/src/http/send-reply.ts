import type { ServerResponse } from 'node:http';
import type { Reply } from './reply.js';
import { serializeBody } from './serialize-body.js';

/**
 * Writes a reply with its `Correlation-Id`. A malformed reply (a fault) keeps its status and headers
 * but loses the second half of its JSON, as a connection cut mid-body would leave it.
 */
export function sendReply(
  response: ServerResponse,
  reply: Reply,
  correlationId: string,
  malformed = false,
): void {
  if (response.destroyed || response.headersSent) return;
  const headers: Record<string, string | number> = { 'Correlation-Id': correlationId, ...reply.headers };
  if (reply.body === undefined || reply.status === 204) {
    response.writeHead(reply.status, headers);
    response.end();
    return;
  }
  if (reply.body instanceof Uint8Array) {
    // Bytes (a download) go out as they are, under the Content-Type the behaviour set.
    headers['Content-Length'] = reply.body.byteLength;
    response.writeHead(reply.status, headers);
    response.end(reply.body);
    return;
  }
  let text = serializeBody(reply.body);
  if (malformed) text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  const payload = Buffer.from(text);
  headers['Content-Type'] ??= 'application/json';
  headers['Content-Length'] = payload.length;
  response.writeHead(reply.status, headers);
  response.end(payload);
}
