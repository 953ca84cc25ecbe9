/**
 * The errors every SDK call can throw.
 *
 * Each failed HTTP answer becomes a {@link PingOneError}, subclassed by status so that callers can
 * `catch (error) { if (error instanceof NotFoundError) … }`. Problems found before anything is sent are
 * {@link InvalidArgumentError}; transport failures are {@link ConnectionError} and {@link TimeoutError}.
 * No error ever carries a token, a client secret or an Authorization header.
 */
import type {
  AuthenticationCode,
  AuthenticationDetailCode,
  BadRequestCode,
  BadRequestDetailCode,
  NotFoundCode,
  OpenCode,
  PermissionDeniedCode,
  PermissionDeniedDetailCode,
  PingOneErrorCode,
  PingOneErrorDetailCode,
  PingOneErrorInnerError,
  RateLimitCode,
  RateLimitDetailCode,
  ServerErrorCode,
} from './error-codes.js';

/**
 * One entry of PingOne's `details` array: which field failed and why. `TCode` is the detail codes the
 * error's status documents; codes PingOne adds later are still allowed.
 */
export interface PingOneErrorDetail<TCode extends string = PingOneErrorDetailCode> {
  /** A finer category, such as `INVALID_VALUE`, `REQUIRED_VALUE` or `UNIQUENESS_VIOLATION`. */
  code: OpenCode<TCode>;
  /** The field or parameter the detail is about, when PingOne names one. */
  target?: string;
  message: string;
  /** Extra facts about the failure, such as allowed values or ranges. */
  innerError?: PingOneErrorInnerError;
}

/** What a {@link PingOneError} is built from. */
export interface PingOneErrorInit {
  status: number;
  code?: string;
  message: string;
  details?: PingOneErrorDetail<string>[];
  id?: string;
  correlationId?: string;
  retryAfter?: number;
  error?: string;
  errorDescription?: string;
  response?: Response;
}

/** Base class of every error the SDK throws. */
export class PingOneSdkError extends Error {
  override name = 'PingOneSdkError';
}

/**
 * A request reached PingOne (or the auth server) and was answered with a failure status. Each subclass
 * narrows `code` and `details[].code` to what PingOne documents for its status (`NotFoundError['code']`
 * offers `'NOT_FOUND'`), while any other string stays possible: PingOne adds codes without notice.
 */
export class PingOneError<
  TCode extends string = PingOneErrorCode,
  TDetailCode extends string = PingOneErrorDetailCode,
> extends PingOneSdkError {
  override name = 'PingOneError';
  /** The HTTP status of the answer. */
  readonly status: number;
  /**
   * PingOne's machine-readable category, e.g. `INVALID_DATA`, `NOT_FOUND`, `REQUEST_LIMITED`; on the auth
   * host the OAuth `error`, such as `invalid_client`. Absent when the answer had no error body.
   */
  readonly code: OpenCode<TCode> | undefined;
  /** Per-field failures, present on validation errors. */
  readonly details: PingOneErrorDetail<TDetailCode>[];
  /** PingOne's id of this failure; quote it to Ping support. */
  readonly id: string | undefined;
  /** The `Correlation-Id` header of the answer, to find the call in PingOne's audit log. */
  readonly correlationId: string | undefined;
  /** Seconds the server asked to wait before trying again (`Retry-After`), when given. */
  readonly retryAfter: number | undefined;
  /** The OAuth `error` code of an auth-server answer, such as `invalid_client`. */
  readonly error: string | undefined;
  /** The OAuth `error_description` of an auth-server answer. */
  readonly errorDescription: string | undefined;
  /** The raw answer; its body has already been read. */
  declare readonly response: Response | undefined;

  constructor(init: PingOneErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code as OpenCode<TCode> | undefined;
    this.details = init.details ?? [];
    this.id = init.id;
    this.correlationId = init.correlationId;
    this.retryAfter = init.retryAfter;
    this.error = init.error;
    this.errorDescription = init.errorDescription;
    // Not enumerable: keeps JSON.stringify and util.inspect of the error short and free of the response's internals.
    Object.defineProperty(this, 'response', { value: init.response, enumerable: false });
  }

  /** The OAuth spelling of {@link PingOneError.errorDescription}, as the auth server writes it. */
  get error_description(): string | undefined {
    return this.errorDescription;
  }
}

/** 400: the request was malformed or failed validation; see {@link PingOneError.details}. */
export class BadRequestError extends PingOneError<BadRequestCode, BadRequestDetailCode> {
  override name = 'BadRequestError';
}
/** 401: the token is missing, expired or invalid, or the client credentials were refused. */
export class AuthenticationError extends PingOneError<AuthenticationCode, AuthenticationDetailCode> {
  override name = 'AuthenticationError';
}
/** 403: the token is valid but lacks the role or scope the operation needs. */
export class PermissionDeniedError extends PingOneError<PermissionDeniedCode, PermissionDeniedDetailCode> {
  override name = 'PermissionDeniedError';
}
/** 404: the resource (or its environment) does not exist. */
export class NotFoundError extends PingOneError<NotFoundCode, string> {
  override name = 'NotFoundError';
}
/** 409: the request conflicts with the resource's current state. */
export class ConflictError extends PingOneError<string, string> {
  override name = 'ConflictError';
}
/** 429: too many requests; {@link PingOneError.retryAfter} says how long to wait. */
export class RateLimitError extends PingOneError<RateLimitCode, RateLimitDetailCode> {
  override name = 'RateLimitError';
}
/** 5xx: PingOne failed to answer the request. */
export class ServerError extends PingOneError<ServerErrorCode, string> {
  override name = 'ServerError';
}

/** Input refused before any request was sent. `parameter` names what was wrong. */
export class InvalidArgumentError extends PingOneSdkError {
  override name = 'InvalidArgumentError';
  /** The option or parameter at fault, e.g. `path.userId` or `baseUrl`. */
  readonly parameter: string;

  constructor(parameter: string, expected: string) {
    super(`Invalid ${parameter}: ${expected}`);
    this.parameter = parameter;
  }
}

/** The request could not reach the server or the connection broke before an answer arrived. */
export class ConnectionError extends PingOneSdkError {
  override name = 'ConnectionError';
}

/** An attempt took longer than the configured timeout. */
export class TimeoutError extends PingOneSdkError {
  override name = 'TimeoutError';
  /** The per-attempt limit that was exceeded, in milliseconds. */
  readonly timeout: number;

  constructor(message: string, timeout: number, options?: ErrorOptions) {
    super(message, options);
    this.timeout = timeout;
  }
}

type PingOneErrorClass = new (init: PingOneErrorInit) => PingOneError;

const errorClassByStatus: Record<number, PingOneErrorClass> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  429: RateLimitError,
};

/** Picks the subclass that matches an HTTP status. */
export function errorClassFor(status: number): PingOneErrorClass {
  if (status >= 500) return ServerError;
  return errorClassByStatus[status] ?? PingOneError;
}

/** A successful answer whose body could not be decoded as its Content-Type promised. */
export class MalformedResponseError extends PingOneSdkError {
  override name = 'MalformedResponseError';
  readonly status: number;
  readonly correlationId: string | undefined;
  declare readonly response: Response;

  // No cause: a JSON parser's message may quote the body, and some bodies hold tokens.
  constructor(response: Response) {
    super(`PingOne answered ${response.status} with a body that is not valid JSON`);
    this.status = response.status;
    this.correlationId = response.headers.get('correlation-id') ?? undefined;
    Object.defineProperty(this, 'response', { value: response, enumerable: false });
  }
}
