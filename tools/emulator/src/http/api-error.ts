import { randomUUID } from 'node:crypto';

/** One entry of `details[]` in PingOne's error body. */
export interface ErrorDetail {
  code: string;
  target?: string;
  message: string;
  innerError?: Record<string, unknown>;
}

/** PingOne's error body: every failure has `id`, `code` and `message`; validation failures add `details`. */
export interface ErrorBody {
  id: string;
  code: string;
  message: string;
  details?: ErrorDetail[];
}

/** A failure a behaviour throws; the server turns it into the answer with PingOne's error body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    details?: ErrorDetail[],
    headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.headers = headers;
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { id: randomUUID(), code: this.code, message: this.message };
    if (this.details) body.details = this.details;
    return body;
  }
}

/** PingOne's words for a request that failed validation (error-codes reference). */
export const invalidDataMessage =
  'The request could not be completed. One or more validation errors were in the request.';

export function invalidData(details: ErrorDetail[], message = invalidDataMessage): ApiError {
  return new ApiError(400, 'INVALID_DATA', message, details);
}

export function notFound(message = 'The requested resource was not found.'): ApiError {
  return new ApiError(404, 'NOT_FOUND', message);
}

export function uniquenessViolation(target: string, value: unknown): ApiError {
  return invalidData([
    {
      code: 'UNIQUENESS_VIOLATION',
      target,
      message: `${target} must be unique; another resource already has the value ${JSON.stringify(value)}.`,
    },
  ]);
}

export function accessFailed(message: string): ApiError {
  return new ApiError(401, 'ACCESS_FAILED', message, [
    {
      code: 'INVALID_TOKEN',
      message: 'The access token is missing, malformed, expired or not signed by this server.',
    },
  ]);
}
