/**
 * The failure codes PingOne documents, by HTTP status: the top-level `code` of an error body and the
 * `code` of each entry of its `details`. The lists mirror the `x-pingone-codes-by-status` tables of the
 * `ErrorCode` and `ErrorDetailCode` schemas in spec/management/schemas/common.yaml (a test keeps the
 * two equal). The error classes take their code types from them; a bundle carries them only when code
 * reads them, for example to tell a documented code from a new one.
 */
export const errorCodesByStatus = {
  400: ['INVALID_DATA', 'INVALID_REQUEST', 'REQUEST_FAILED'],
  401: ['ACCESS_FAILED'],
  403: ['ACCESS_FAILED'],
  404: ['NOT_FOUND'],
  415: ['INVALID_REQUEST'],
  429: ['REQUEST_LIMITED'],
  500: ['UNEXPECTED_ERROR'],
} as const;

/** The `details[].code` values PingOne documents, by HTTP status. */
export const errorDetailCodesByStatus = {
  400: [
    'ACCOUNT_NOT_USABLE',
    'CONSTRAINT_VIOLATION',
    'EMPTY_VALUE',
    'INVALID_FILTER',
    'INVALID_OTP',
    'INVALID_PARAMETER',
    'INVALID_VALUE',
    'MFA_AUTH_METHODS_CONFLICT',
    'NO_PASSWORD',
    'OUT_OF_RANGE',
    'REQUIRED_VALUE',
    'SIZE_LIMIT_EXCEEDED',
    'UNIQUENESS_VIOLATION',
  ],
  401: ['INSUFFICIENT_PERMISSIONS', 'INVALID_TOKEN'],
  403: ['INSUFFICIENT_PERMISSIONS', 'LICENSE_EXCEEDED'],
  429: ['LIMIT_EXCEEDED', 'QUOTA_EXCEEDED'],
} as const;

/**
 * A code this release does not know: PingOne adds codes without notice, so any string stays
 * assignable. Written `string & {}` so that editors still offer the known codes beside it.
 */
export type UnknownCode = string & {};

/**
 * The codes of one status, open to codes added later. Written as a conditional type on purpose: it makes
 * TypeScript compare errors by their members, so an error whose codes are `string` (409) still counts
 * as a `PingOneError`.
 */
export type OpenCode<TCode extends string> = [TCode] extends [string] ? TCode | UnknownCode : never;

/** Every top-level `code` PingOne documents. */
export type PingOneErrorCode = (typeof errorCodesByStatus)[keyof typeof errorCodesByStatus][number];
/** Every `details[].code` PingOne documents. */
export type PingOneErrorDetailCode =
  (typeof errorDetailCodesByStatus)[keyof typeof errorDetailCodesByStatus][number];

/** 400's codes: `INVALID_DATA` (validation, see `details`), `INVALID_REQUEST`, `REQUEST_FAILED`. */
export type BadRequestCode = (typeof errorCodesByStatus)[400][number];
/** 400's detail codes, such as `INVALID_VALUE`, `REQUIRED_VALUE` or `UNIQUENESS_VIOLATION`. */
export type BadRequestDetailCode = (typeof errorDetailCodesByStatus)[400][number];
/** 401's code: `ACCESS_FAILED` (or the OAuth `error` of the auth host, such as `invalid_client`). */
export type AuthenticationCode = (typeof errorCodesByStatus)[401][number];
/** 401's detail codes: `INVALID_TOKEN`, `INSUFFICIENT_PERMISSIONS`. */
export type AuthenticationDetailCode = (typeof errorDetailCodesByStatus)[401][number];
/** 403's code: `ACCESS_FAILED`. */
export type PermissionDeniedCode = (typeof errorCodesByStatus)[403][number];
/** 403's detail codes: `INSUFFICIENT_PERMISSIONS`, `LICENSE_EXCEEDED`. */
export type PermissionDeniedDetailCode = (typeof errorDetailCodesByStatus)[403][number];
/** 404's code: `NOT_FOUND`. */
export type NotFoundCode = (typeof errorCodesByStatus)[404][number];
/** 429's code: `REQUEST_LIMITED`. */
export type RateLimitCode = (typeof errorCodesByStatus)[429][number];
/** 429's detail codes: `LIMIT_EXCEEDED`, `QUOTA_EXCEEDED`. */
export type RateLimitDetailCode = (typeof errorDetailCodesByStatus)[429][number];
/** 500's code: `UNEXPECTED_ERROR`. */
export type ServerErrorCode = (typeof errorCodesByStatus)[500][number];

/**
 * Extra facts PingOne gives about one detail of a failure. Which fields appear depends on the detail
 * code: ranges for `OUT_OF_RANGE`, `allowedValues` or `allowedPattern` for `INVALID_VALUE`,
 * `existingId` for `UNIQUENESS_VIOLATION`, quotas for `LIMIT_EXCEEDED` and `QUOTA_EXCEEDED`.
 */
export interface PingOneErrorInnerError {
  /** The regular expression the value must match. */
  allowedPattern?: string;
  /** The values the field accepts. */
  allowedValues?: string[];
  /** The token claim at fault. */
  claim?: string;
  /** The id of the resource that already holds the unique value. */
  existingId?: string;
  /** The largest value accepted. */
  maximumValue?: number;
  /** The quota that was exceeded. */
  quotaLimit?: number;
  /** When the quota starts over (ISO 8601). */
  quotaResetTime?: string;
  /** The largest value of the accepted range. */
  rangeMaximumValue?: number;
  /** The smallest value of the accepted range. */
  rangeMinimumValue?: number;
  /** When to try again (ISO 8601), on 429. */
  retryAfter?: string;
  /** The attributes a filter may use. */
  supportedAttributes?: string[];
  /** The operators a filter may use. */
  supportedOperators?: string[];
  /** Facts PingOne adds later. */
  [fact: string]: unknown;
}
