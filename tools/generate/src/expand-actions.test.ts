import { describe, expect, it } from 'vitest';
import { expandActions } from './expand-actions.js';

const passwordPath = '/environments/{environmentId}/users/{userId}/password';
const document = {
  openapi: '3.1.0',
  paths: {
    [passwordPath]: {
      parameters: [{ name: 'userId', in: 'path', required: true }],
      put: {
        operationId: 'setUserPassword',
        tags: ['User passwords'],
        requestBody: {
          content: {
            'application/vnd.pingidentity.password.set+json': {
              schema: { $ref: '#/components/schemas/PasswordSet' },
            },
            'application/vnd.pingidentity.password.forceChange': { schema: { type: 'object' } },
          },
        },
        responses: { '200': { description: 'ok' }, default: { description: 'error' } },
        'x-pingone-actions': [
          {
            operationId: 'unlockUserPassword',
            summary: 'Unlock a password',
            contentType: 'application/vnd.pingidentity.password.unlock+json',
            schema: { type: 'object' },
            emptyBody: true,
          },
          {
            operationId: 'forceUserPasswordChange',
            summary: 'Force a password change',
            contentType: 'application/vnd.pingidentity.password.forceChange',
            schema: { type: 'object' },
          },
        ],
      },
    },
  },
};

describe('expandActions', () => {
  const expanded = expandActions(document) as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
  };

  it('gives each action its own operation under <path>#<operationId> with only its media type', () => {
    const action = expanded.paths[`${passwordPath}#forceUserPasswordChange`];
    expect(action?.parameters).toEqual(document.paths[passwordPath].parameters);
    expect(action?.put).toMatchObject({
      operationId: 'forceUserPasswordChange',
      tags: ['User passwords'],
      requestBody: { required: true, content: { 'application/vnd.pingidentity.password.forceChange': {} } },
      responses: { '200': { description: 'ok' }, default: { description: 'error' } },
    });
  });

  it('leaves the base operation with its own media types and without the extension', () => {
    const base = expanded.paths[passwordPath]?.put as Record<string, unknown>;
    expect(base['x-pingone-actions']).toBeUndefined();
    expect(Object.keys((base.requestBody as { content: object }).content)).toEqual([
      'application/vnd.pingidentity.password.set+json',
    ]);
  });

  it('does not modify its input', () => {
    expect(document.paths[passwordPath].put['x-pingone-actions']).toHaveLength(2);
  });

  it('makes the body optional for actions that take no input', () => {
    const action = expanded.paths[`${passwordPath}#unlockUserPassword`]?.put as {
      requestBody: { required: boolean };
    };
    expect(action.requestBody.required).toBe(false);
  });
});
