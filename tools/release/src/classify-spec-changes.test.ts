import { describe, expect, it } from 'vitest';
import { classifySpecChanges } from './classify-spec-changes.js';
import type { JsonObject } from './openapi-document.js';
import { formatChange } from './spec-change.js';

/** A small service: users with a shared `User` schema, as redocly bundles it. */
function service(change: (document: Fixture) => void = () => {}): JsonObject {
  const document: Fixture = {
    openapi: '3.1.0',
    info: { title: 'Users', version: '1' },
    paths: {
      '/users': {
        get: {
          operationId: 'listUsers',
          description: 'Lists users.',
          parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }],
          responses: {
            '200': {
              description: 'OK',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } },
            },
          },
        },
        post: {
          operationId: 'createUser',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/UserCreate' } } },
          },
          responses: {
            '201': {
              description: 'Created',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } },
            },
          },
        },
      },
      '/users/{userId}': {
        parameters: [{ name: 'userId', in: 'path', required: true, schema: { type: 'string' } }],
        delete: { operationId: 'deleteUser', responses: { '204': { description: 'Deleted' } } },
        get: {
          operationId: 'getUser',
          responses: {
            '200': {
              description: 'OK',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        User: {
          type: 'object',
          required: ['id', 'username'],
          properties: {
            id: { type: 'string', readOnly: true },
            username: { type: 'string' },
            nickname: { type: 'string' },
            status: { type: 'string', enum: ['ACTIVE', 'DISABLED'] },
          },
        },
        UserCreate: {
          type: 'object',
          required: ['username'],
          properties: {
            username: { type: 'string' },
            nickname: { type: 'string' },
            locale: { type: 'string', enum: ['en', 'fr'] },
          },
        },
      },
    },
  };
  change(document);
  return structuredClone(document) as JsonObject;
}

// Loose typing keeps the fixtures' edits short; the classifier itself reads them as unknown JSON.
// biome-ignore lint/suspicious/noExplicitAny: test fixture edits
type Fixture = any;

function classify(change: (document: Fixture) => void) {
  return classifySpecChanges(service(), service(change)).map(formatChange);
}

describe('classifySpecChanges', () => {
  it('finds nothing between equal documents', () => {
    expect(classifySpecChanges(service(), service())).toEqual([]);
  });

  describe('operations', () => {
    it('an added operation is minor', () => {
      expect(
        classify((d) => {
          d.paths['/users/{userId}'].patch = {
            operationId: 'updateUser',
            responses: { '200': { description: 'OK' } },
          };
        }),
      ).toEqual(['operation updateUser added (PATCH /users/{userId}) (minor)']);
    });

    it('a removed operation is major', () => {
      expect(classify((d) => delete d.paths['/users/{userId}'].delete)).toEqual([
        'operation deleteUser removed (was DELETE /users/{userId}) (major)',
      ]);
    });

    it('an operation moved to another path or method is major', () => {
      expect(
        classify((d) => {
          d.paths['/users/{userId}'].post = d.paths['/users/{userId}'].delete;
          delete d.paths['/users/{userId}'].delete;
        }),
      ).toEqual(['operation deleteUser moved from DELETE /users/{userId} to POST /users/{userId} (major)']);
    });

    it('does not count the #operationId suffix that action expansion puts on paths as a move', () => {
      const expanded = service((d) => {
        d.paths['/users#createUser'] = { post: d.paths['/users'].post };
        delete d.paths['/users'].post;
      });
      expect(classifySpecChanges(service(), expanded).map(formatChange)).toEqual([
        'descriptions or other details changed (patch)',
      ]);
    });

    it('a description change is patch', () => {
      expect(classify((d) => (d.paths['/users'].get.description = 'Lists every user.'))).toEqual([
        'operation listUsers: documentation or details changed (patch)',
      ]);
    });

    it('a description change in a shared schema is patch', () => {
      expect(classify((d) => (d.components.schemas.User.description = 'A person.'))).toEqual([
        'descriptions or other details changed (patch)',
      ]);
    });

    it('a constraint the types cannot show (maxLength) is patch', () => {
      expect(classify((d) => (d.components.schemas.UserCreate.properties.username.maxLength = 128))).toEqual([
        'descriptions or other details changed (patch)',
      ]);
    });
  });

  describe('parameters', () => {
    it('a new required parameter is major, a new optional one minor', () => {
      expect(
        classify((d) => {
          d.paths['/users'].get.parameters.push({
            name: 'filter',
            in: 'query',
            required: true,
            schema: { type: 'string' },
          });
          d.paths['/users'].get.parameters.push({ name: 'order', in: 'query', schema: { type: 'string' } });
        }),
      ).toEqual([
        'query parameter filter of listUsers added as required (major)',
        'query parameter order of listUsers added (minor)',
      ]);
    });

    it('a parameter made required is major, made optional minor', () => {
      expect(classify((d) => (d.paths['/users'].get.parameters[0].required = true))).toEqual([
        'query parameter limit of listUsers is now required (major)',
      ]);
    });

    it('a removed parameter is major', () => {
      expect(classify((d) => (d.paths['/users'].get.parameters = []))).toEqual([
        'query parameter limit of listUsers removed (major)',
      ]);
    });

    it('a parameter type change is major', () => {
      expect(classify((d) => (d.paths['/users'].get.parameters[0].schema = { type: 'string' }))).toEqual([
        'request listUsers.query.limit type changed: integer → string (major)',
      ]);
    });

    it('matches header parameters case-insensitively', () => {
      const withHeader = (name: string) =>
        service((d) =>
          d.paths['/users'].get.parameters.push({ name, in: 'header', schema: { type: 'string' } }),
        );
      expect(classifySpecChanges(withHeader('X-Trace'), withHeader('x-trace')).map(formatChange)).toEqual([
        'operation listUsers: documentation or details changed (patch)',
      ]);
    });
  });

  describe('request bodies', () => {
    it('a field newly required is major', () => {
      expect(classify((d) => d.components.schemas.UserCreate.required.push('nickname'))).toEqual([
        'request field UserCreate.nickname is now required (major)',
      ]);
    });

    it('a field added as required is major, added as optional minor', () => {
      expect(
        classify((d) => {
          d.components.schemas.UserCreate.properties.email = { type: 'string' };
          d.components.schemas.UserCreate.properties.population = { type: 'string' };
          d.components.schemas.UserCreate.required.push('email');
        }),
      ).toEqual([
        'request field UserCreate.email added as required (major)',
        'request field UserCreate.population added (minor)',
      ]);
    });

    it('a field no longer required is minor', () => {
      expect(classify((d) => (d.components.schemas.UserCreate.required = []))).toEqual([
        'request field UserCreate.username is now optional (minor)',
      ]);
    });

    it('a removed field is major (callers sending it stop compiling)', () => {
      expect(classify((d) => delete d.components.schemas.UserCreate.properties.nickname)).toEqual([
        'request field UserCreate.nickname removed (major)',
      ]);
    });

    it('enum values removed from a request are major, added minor', () => {
      expect(
        classify((d) => (d.components.schemas.UserCreate.properties.locale.enum = ['en', 'de'])),
      ).toEqual([
        'request UserCreate.locale enum values removed: "fr" (major)',
        'request UserCreate.locale enum values added: "de" (minor)',
      ]);
    });

    it('a request value newly limited to an enum is major', () => {
      expect(classify((d) => (d.components.schemas.UserCreate.properties.nickname.enum = ['a']))).toEqual([
        'request UserCreate.nickname narrowed to the values "a" (major)',
      ]);
    });

    it('a changed type is major, a widened request type minor', () => {
      expect(classify((d) => (d.components.schemas.UserCreate.properties.nickname.type = 'integer'))).toEqual(
        ['request UserCreate.nickname type changed: string → integer (major)'],
      );
      expect(
        classify((d) => (d.components.schemas.UserCreate.properties.nickname.type = ['string', 'null'])),
      ).toEqual(['request UserCreate.nickname accepts more types: string → null | string (minor)']);
    });

    it('a body newly required is major', () => {
      const optional = service((d) => (d.paths['/users'].post.requestBody.required = false));
      expect(classifySpecChanges(optional, service()).map(formatChange)).toEqual([
        'request body of createUser is now required (major)',
      ]);
    });

    it('a media type no longer accepted is major', () => {
      expect(
        classify((d) => {
          const content = d.paths['/users'].post.requestBody.content;
          content['application/merge-patch+json'] = content['application/json'];
          delete content['application/json'];
        }),
      ).toEqual([
        'request body of createUser no longer accepts application/json (major)',
        'request body of createUser now accepts application/merge-patch+json (minor)',
      ]);
    });

    it('merges allOf members before comparing', () => {
      const composed = (required: string[]) =>
        service((d) => {
          d.components.schemas.UserCreate = {
            allOf: [
              { $ref: '#/components/schemas/Named' },
              { type: 'object', properties: { nickname: { type: 'string' } }, required },
            ],
          };
          d.components.schemas.Named = { type: 'object', properties: { username: { type: 'string' } } };
        });
      expect(classifySpecChanges(composed([]), composed(['nickname'])).map(formatChange)).toEqual([
        'request field UserCreate.nickname is now required (major)',
      ]);
    });

    it('ignores readOnly fields in requests', () => {
      const withReadOnly = (required: string[]) =>
        service((d) => {
          d.components.schemas.UserCreate.properties.createdAt = { type: 'string', readOnly: true };
          d.components.schemas.UserCreate.required = ['username', ...required];
        });
      expect(classifySpecChanges(withReadOnly([]), withReadOnly(['createdAt']))).toEqual([
        { level: 'patch', message: 'descriptions or other details changed' },
      ]);
    });
  });

  describe('responses', () => {
    it('a removed response field is major', () => {
      expect(classify((d) => delete d.components.schemas.User.properties.nickname)).toEqual([
        'response field User.nickname removed (major)',
      ]);
    });

    it('a required response field made optional is major, the reverse minor', () => {
      expect(classify((d) => (d.components.schemas.User.required = ['id']))).toEqual([
        'response field User.username is now optional (major)',
      ]);
      expect(classify((d) => d.components.schemas.User.required.push('nickname'))).toEqual([
        'response field User.nickname is now required (minor)',
      ]);
    });

    it('an added response field is minor', () => {
      expect(classify((d) => (d.components.schemas.User.properties.email = { type: 'string' }))).toEqual([
        'response field User.email added (minor)',
      ]);
    });

    it('enum values added to a response are minor, removed major', () => {
      expect(classify((d) => d.components.schemas.User.properties.status.enum.push('LOCKED'))).toEqual([
        'response User.status enum values added: "LOCKED" (minor)',
      ]);
      expect(classify((d) => (d.components.schemas.User.properties.status.enum = ['ACTIVE']))).toEqual([
        'response User.status enum values removed: "DISABLED" (major)',
      ]);
    });

    it('a response type made nullable is major', () => {
      expect(
        classify((d) => (d.components.schemas.User.properties.nickname.type = ['string', 'null'])),
      ).toEqual(['response User.nickname type changed: string → null | string (major)']);
    });

    it('a response that no longer returns its media type is major', () => {
      expect(
        classify((d) => {
          d.paths['/users/{userId}'].get.responses['200'] = { description: 'OK' };
        }),
      ).toEqual(['response of getUser no longer returns application/json (major)']);
    });

    it('a changed success status is patch', () => {
      expect(
        classify((d) => {
          d.paths['/users'].post.responses = { '200': d.paths['/users'].post.responses['201'] };
        }),
      ).toEqual(['response of createUser: status 201 → 200 (patch)']);
    });
  });

  describe('types and unions', () => {
    it('a removed named type is major, an added one minor', () => {
      expect(
        classify((d) => {
          d.components.schemas.Group = { type: 'object' };
        }),
      ).toEqual(['type Group added (minor)']);
      const withGroup = service((d) => (d.components.schemas.Group = { type: 'object' }));
      expect(classifySpecChanges(withGroup, service()).map(formatChange)).toEqual([
        'type Group removed (major)',
      ]);
    });

    it('a removed union variant is major, an added one minor', () => {
      const union = (...variants: string[]) =>
        service((d) => {
          for (const name of ['Oidc', 'Saml', 'Wsfed']) d.components.schemas[name] = { type: 'object' };
          d.paths['/users/{userId}'].get.responses['200'].content['application/json'].schema = {
            oneOf: variants.map((name) => ({ $ref: `#/components/schemas/${name}` })),
          };
        });
      expect(classifySpecChanges(union('Oidc', 'Saml'), union('Oidc', 'Wsfed')).map(formatChange)).toEqual([
        'response getUser.response variant Saml removed (major)',
        'response getUser.response variant Wsfed added (minor)',
      ]);
    });

    it('reports a shared schema once and survives recursive schemas', () => {
      const recursive = (extra: boolean) =>
        service((d) => {
          d.components.schemas.User.properties.manager = { $ref: '#/components/schemas/User' };
          if (extra) d.components.schemas.User.properties.title = { type: 'string' };
        });
      expect(classifySpecChanges(recursive(false), recursive(true)).map(formatChange)).toEqual([
        'response field User.title added (minor)',
      ]);
    });
  });

  it('lists major changes first', () => {
    const levels = classifySpecChanges(
      service(),
      service((d) => {
        d.components.schemas.User.properties.email = { type: 'string' };
        delete d.paths['/users/{userId}'].delete;
      }),
    ).map((change) => change.level);
    expect(levels).toEqual(['major', 'minor']);
  });
});
