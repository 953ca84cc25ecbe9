import { describe, expect, it } from 'vitest';
import { buildUrl } from './build-url.js';

const base = 'https://api.pingone.com/v1';

describe('buildUrl', () => {
  it('encodes every path parameter and fills environmentId from the client', () => {
    expect(
      buildUrl(base, '/environments/{environmentId}/users/{userId}', { userId: 'a/b?c' }, 'env', undefined),
    ).toBe(`${base}/environments/env/users/a%2Fb%3Fc`);
  });

  it('refuses blank path parameters, white space alone included, naming the parameter', () => {
    for (const userId of ['', '   ', '\t']) {
      expect(
        () => buildUrl(base, '/users/{userId}', { userId }, undefined, undefined),
        JSON.stringify(userId),
      ).toThrow(expect.objectContaining({ name: 'InvalidArgumentError', parameter: 'path.userId' }));
    }
  });
});
