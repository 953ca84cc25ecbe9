import { describe, expect, it } from 'vitest';
import { thinOperations } from './thin-operations.js';

// The shape hey-api 0.95's sdk plugin writes, after formatting.
const heyApiOutput = `// header

import { type Client, type Options as Options2, type TDataShape, urlSearchParamsBodySerializer } from '@pingone-sdk/core';

import type { GetUserData, GetUserErrors, GetUserResponses, TokenData, TokenErrors, TokenResponses } from './types.gen.js';

export type Options<
  TData extends TDataShape = TDataShape,
  ThrowOnError extends boolean = boolean,
  TResponse = unknown,
> = Options2<TData, ThrowOnError, TResponse> & {
  client: Client;
  meta?: Record<string, unknown>;
};

/**
 * Get a user
 */
export const getUser = <ThrowOnError extends boolean = false>(
  options: Options<GetUserData, ThrowOnError>,
) =>
  options.client.get<GetUserResponses, GetUserErrors, ThrowOnError>({
    url: '/environments/{environmentId}/users/{userId}',
    ...options,
  });

export const token = <ThrowOnError extends boolean = false>(options: Options<TokenData, ThrowOnError>) =>
  options.client.post<TokenResponses, TokenErrors, ThrowOnError>({
    ...urlSearchParamsBodySerializer,
    url: '/{environmentId}/as/token',
    ...options,
  });
`;

describe('thinOperations', () => {
  const thin = thinOperations(heyApiOutput);

  it('types each operation with the core OperationOptions and OperationResult, nothing per package', () => {
    expect(thin).toContain(
      'export const getUser = (options: OperationOptions<GetUserData>): OperationResult<GetUserResponses> =>\n  options.client.get<GetUserResponses>({',
    );
    expect(thin).toContain(
      'export const token = (options: OperationOptions<TokenData>): OperationResult<TokenResponses> =>\n  options.client.post<TokenResponses>({',
    );
    expect(thin).not.toMatch(/ThrowOnError|meta\?|export type Options|Options2|TDataShape/);
  });

  it('imports from core/internal only what the file uses, and drops the unused error maps', () => {
    expect(thin).toContain(
      "import { type OperationOptions, type OperationResult, urlSearchParamsBodySerializer } from '@pingone-sdk/core/internal';",
    );
    expect(thin).not.toContain("from '@pingone-sdk/core';");
    expect(thin).toContain(
      "import type { GetUserData, GetUserResponses, TokenData, TokenResponses } from './types.gen.js';",
    );
  });

  it('refuses output of another shape instead of leaving it half rewritten', () => {
    expect(() => thinOperations(heyApiOutput.replace(/export type Options<[\s\S]*?\n};\n/, ''))).toThrow(
      /no longer has the shape/,
    );
    expect(() =>
      thinOperations(heyApiOutput.replace('options: Options<GetUserData, ThrowOnError>,', 'x')),
    ).toThrow(/still mentions ThrowOnError/);
  });
});
