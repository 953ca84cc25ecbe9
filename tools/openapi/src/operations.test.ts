import { describe, expect, it } from 'vitest';
import type { OpenApiDocument } from './openapi-types.js';
import { expandActions, listActions, listOperations } from './operations.js';

const passwordPath = '/environments/{environmentId}/users/{userId}/password';
const document: OpenApiDocument = {
  openapi: '3.1.0',
  paths: {
    [passwordPath]: {
      parameters: [
        { name: 'userId', in: 'path', required: true },
        { $ref: '#/components/parameters/limit' } as never,
      ],
      put: {
        operationId: 'setUserPassword',
        tags: ['User passwords'],
        parameters: [{ name: 'X-Trace', in: 'header' }],
        requestBody: {
          content: {
            'application/vnd.pingidentity.password.set+json': {
              schema: { $ref: '#/components/schemas/PasswordSet' },
            },
            'application/vnd.pingidentity.password.unlock+json': {
              schema: { type: 'object' },
              'x-pingone-action': {
                operationId: 'unlockUserPassword',
                summary: 'Unlock a password',
                emptyBody: true,
              },
            },
            'application/vnd.pingidentity.password.forceChange': {
              schema: { type: 'object' },
              'x-pingone-action': {
                operationId: 'forceUserPasswordChange',
                summary: 'Force a change',
                status: 202,
              },
            },
          },
        },
        responses: { '200': { description: 'ok' }, default: { description: 'error' } },
      },
    },
  },
  components: { parameters: { limit: { name: 'limit', in: 'query' } } },
};

describe('listOperations', () => {
  it('lists each operation once with path-item parameters resolved and merged into its own', () => {
    const [operation, ...rest] = listOperations(document);
    expect(rest).toEqual([]);
    expect(operation?.id).toBe('setUserPassword');
    expect([...(operation?.parameters.keys() ?? [])]).toEqual([
      'path:userId',
      'query:limit',
      'header:x-trace',
    ]);
  });
});

describe('listActions', () => {
  it('finds the media types marked as actions, with their schema and content type', () => {
    const operation = document.paths?.[passwordPath]?.put ?? {};
    expect(
      listActions(document, operation).map((action) => [action.operationId, action.contentType]),
    ).toEqual([
      ['unlockUserPassword', 'application/vnd.pingidentity.password.unlock+json'],
      ['forceUserPasswordChange', 'application/vnd.pingidentity.password.forceChange'],
    ]);
  });
});

describe('expandActions', () => {
  const expanded = expandActions(document) as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
  };

  it('gives each action its own operation under <path>#<operationId> with only its media type', () => {
    const action = expanded.paths[`${passwordPath}#forceUserPasswordChange`];
    expect(action?.parameters).toEqual(document.paths?.[passwordPath]?.parameters);
    expect(action?.put).toMatchObject({
      operationId: 'forceUserPasswordChange',
      tags: ['User passwords'],
      requestBody: {
        required: true,
        content: { 'application/vnd.pingidentity.password.forceChange': { schema: { type: 'object' } } },
      },
      responses: { '202': { description: 'ok' }, default: { description: 'error' } },
    });
  });

  it('leaves the base operation with its own media types only', () => {
    const base = expanded.paths[passwordPath]?.put as { requestBody: { content: object } };
    expect(Object.keys(base.requestBody.content)).toEqual(['application/vnd.pingidentity.password.set+json']);
  });

  it('does not modify its input', () => {
    expect(Object.keys(document.paths?.[passwordPath]?.put?.requestBody?.content ?? {})).toHaveLength(3);
  });

  it('makes the body optional for actions that take no input', () => {
    const action = expanded.paths[`${passwordPath}#unlockUserPassword`]?.put as {
      requestBody: { required: boolean };
    };
    expect(action.requestBody.required).toBe(false);
  });
});
