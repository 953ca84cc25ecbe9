import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request exactly as it arrived: the raw request target, headers and body bytes. */
export interface ArrivedRequest {
  method: string;
  /** The request target as sent on the request line, before any decoding. */
  target: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RecordingServer {
  apiUrl: string;
  requests: ArrivedRequest[];
  close(): Promise<void>;
}

/** Records every request and answers `{}`; accepts request lines of any length (up to 1 MB of headers). */
export async function startRecordingServer(): Promise<RecordingServer> {
  const requests: ArrivedRequest[] = [];
  const server = createServer({ maxHeaderSize: 1024 * 1024 }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({
        method: request.method ?? '',
        target: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': 2 }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
