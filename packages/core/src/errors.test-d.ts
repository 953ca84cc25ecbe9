import { describe, expectTypeOf, it } from 'vitest';
import type { UnknownCode } from './error-codes.js';
import {
  type AuthenticationError,
  type BadRequestError,
  NotFoundError,
  type PermissionDeniedError,
  type PingOneError,
  type RateLimitError,
  type ServerError,
} from './errors.js';

// What a subclass knows, without the open end every code keeps.
type Known<T> = T extends UnknownCode ? (string extends T ? never : T) : T;

describe('error codes narrow by subclass', () => {
  it('gives each status the codes PingOne documents for it', () => {
    expectTypeOf<Known<NotFoundError['code']>>().toEqualTypeOf<'NOT_FOUND' | undefined>();
    expectTypeOf<Known<BadRequestError['code']>>().toEqualTypeOf<
      'INVALID_DATA' | 'INVALID_REQUEST' | 'REQUEST_FAILED' | undefined
    >();
    expectTypeOf<Known<AuthenticationError['code']>>().toEqualTypeOf<'ACCESS_FAILED' | undefined>();
    expectTypeOf<Known<PermissionDeniedError['code']>>().toEqualTypeOf<'ACCESS_FAILED' | undefined>();
    expectTypeOf<Known<RateLimitError['code']>>().toEqualTypeOf<'REQUEST_LIMITED' | undefined>();
    expectTypeOf<Known<ServerError['code']>>().toEqualTypeOf<'UNEXPECTED_ERROR' | undefined>();
  });

  it('narrows details[].code the same way', () => {
    expectTypeOf<Known<RateLimitError['details'][number]['code']>>().toEqualTypeOf<
      'LIMIT_EXCEEDED' | 'QUOTA_EXCEEDED'
    >();
    expectTypeOf<Known<PermissionDeniedError['details'][number]['code']>>().toEqualTypeOf<
      'INSUFFICIENT_PERMISSIONS' | 'LICENSE_EXCEEDED'
    >();
    expectTypeOf<'UNIQUENESS_VIOLATION'>().toExtend<Known<BadRequestError['details'][number]['code']>>();
    expectTypeOf<'NOT_FOUND'>().not.toExtend<Known<BadRequestError['code']>>();
  });

  it('types innerError facts', () => {
    type InnerError = NonNullable<BadRequestError['details'][number]['innerError']>;
    expectTypeOf<InnerError['rangeMaximumValue']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<InnerError['allowedValues']>().toEqualTypeOf<string[] | undefined>();
  });

  it('keeps codes PingOne adds later assignable, and every subclass a PingOneError', () => {
    expectTypeOf<'SOME_FUTURE_CODE'>().toExtend<NotFoundError['code']>();
    expectTypeOf<string>().toExtend<RateLimitError['details'][number]['code']>();
    expectTypeOf<NotFoundError>().toExtend<PingOneError>();
    expectTypeOf<RateLimitError>().toExtend<PingOneError>();
  });

  it('narrows after instanceof in a catch block', () => {
    const handle = (error: unknown) => (error instanceof NotFoundError ? error.code : undefined);
    expectTypeOf<Known<ReturnType<typeof handle>>>().toEqualTypeOf<'NOT_FOUND' | undefined>();
  });
});
