import type { IncomingMessage } from 'node:http';
import { isObject } from '@pingone-sdk/openapi';
import type { FaultInjector } from '../faults/fault-injector.js';
import type { FaultOptions } from '../faults/fault-options.js';
import { ApiError, invalidData, notFound } from '../http/api-error.js';
import { readBody } from '../http/read-body.js';
import type { Reply } from '../http/reply.js';

/** Path prefix of the emulator's own controls; never part of PingOne's API and never faulted. */
export const controlPrefix = '/__emulator/';

/**
 * `GET /__emulator/faults` answers the active faults, `POST` (JSON {@link FaultOptions}) replaces
 * them, `DELETE` clears them. Unauthenticated: it only exists on loopback test servers.
 */
export async function handleControl(
  request: IncomingMessage,
  path: string,
  faults: FaultInjector,
): Promise<Reply> {
  if (path !== `${controlPrefix}faults`) throw notFound();
  switch (request.method) {
    case 'GET':
      return { status: 200, body: faults.current };
    case 'POST': {
      let parsed: unknown;
      try {
        parsed = JSON.parse((await readBody(request)).toString('utf8') || '{}');
      } catch {
        throw invalidData([
          { code: 'INVALID_VALUE', target: 'body', message: 'The body must be JSON fault options.' },
        ]);
      }
      if (!isObject(parsed)) {
        throw invalidData([
          { code: 'INVALID_VALUE', target: 'body', message: 'The body must be a JSON object.' },
        ]);
      }
      faults.set(parsed as FaultOptions);
      return { status: 200, body: faults.current };
    }
    case 'DELETE':
      faults.set({});
      return { status: 204 };
    default:
      throw new ApiError(
        405,
        'INVALID_REQUEST',
        `The ${request.method} method is not supported here.`,
        undefined,
        {
          Allow: 'GET, POST, DELETE',
        },
      );
  }
}
