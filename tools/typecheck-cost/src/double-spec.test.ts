import { describe, expect, it } from 'vitest';
import { countOperations, doubleDocument } from './double-spec.js';

const document = {
  openapi: '3.1.0',
  paths: {
    '/users/{userId}': {
      parameters: [{ name: 'userId', in: 'path' }],
      get: {
        operationId: 'getUser',
        responses: {
          200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } } },
        },
      },
    },
    '/users/{userId}#unlockUser': { post: { operationId: 'unlockUser', responses: {} } },
  },
  components: {
    schemas: {
      User: { type: 'object', properties: { name: { $ref: '#/components/schemas/Name' } } },
      Name: { type: 'string' },
    },
  },
};

describe('doubleDocument', () => {
  // biome-ignore lint/suspicious/noExplicitAny: reads into an untyped OpenAPI document.
  const doubled = doubleDocument(document) as any;

  it('has twice the operations and schemas, the originals untouched', () => {
    expect(countOperations(doubled)).toBe(2 * countOperations(document));
    expect(Object.keys(doubled.components.schemas).sort()).toEqual(['Name', 'NameCopy', 'User', 'UserCopy']);
    expect(doubled.paths['/users/{userId}']).toEqual(document.paths['/users/{userId}']);
  });

  it('renames copied operations and points copies at copied schemas', () => {
    expect(doubled.paths['/copy/users/{userId}'].get.operationId).toBe('getUserCopy');
    expect(doubled.paths['/copy/users/{userId}#unlockUserCopy'].post.operationId).toBe('unlockUserCopy');
    expect(
      doubled.paths['/copy/users/{userId}'].get.responses[200].content['application/json'].schema,
    ).toEqual({
      $ref: '#/components/schemas/UserCopy',
    });
    expect(doubled.components.schemas.UserCopy.properties.name).toEqual({
      $ref: '#/components/schemas/NameCopy',
    });
  });
});
