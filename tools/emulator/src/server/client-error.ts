import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

const statusText: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

function statusOf(code: string | undefined): number {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  return 400;
}

/**
 * Requests Node's parser refuses (an unknown method, a broken request line, headers too large or too
 * slow) get PingOne's error shape, as every other failure does, and the connection is closed.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const status = statusOf(error.code);
    const body = JSON.stringify({
      id: randomUUID(),
      code: status === 408 ? 'REQUEST_TIMEOUT' : 'INVALID_REQUEST',
      message:
        status === 408 ? 'The request was not received in time.' : 'The request could not be parsed as HTTP.',
    });
    socket.end(
      `HTTP/1.1 ${status} ${statusText[status]}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
