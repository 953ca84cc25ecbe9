import { describe, expect, it } from 'vitest';
import { exampleOf, literal, operationDocs, withOperationDocs } from './operation-docs.js';

const document = {
  paths: {
    '/environments/{environmentId}/users/{userId}': {
      parameters: [
        { name: 'environmentId', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'userId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
      ],
      patch: {
        operationId: 'updateUser',
        parameters: [
          { name: 'expand', in: 'query', required: true, example: 'population', schema: { type: 'string' } },
        ],
        requestBody: {
          content: { 'application/json': { schema: { $ref: '#/components/schemas/UserUpdate' } } },
        },
      },
    },
    '/environments/{environmentId}/images': {
      post: {
        operationId: 'createImage',
        requestBody: {
          content: { 'image/png': { schema: { contentMediaType: 'application/octet-stream' } } },
        },
      },
    },
  },
  components: {
    schemas: {
      UserUpdate: {
        type: 'object',
        required: ['username', 'kind', 'id'],
        properties: {
          id: { type: 'string', readOnly: true, description: 'Set by PingOne.' },
          username: { type: 'string', example: "o'brien", description: 'A unique name. Second sentence.' },
          kind: { $ref: '#/components/schemas/Kind' },
          nickname: { type: 'string' },
        },
      },
      Kind: { type: 'string', enum: ['HUMAN', 'SERVICE'], description: 'What the account is for.' },
    },
  },
};

describe('exampleOf', () => {
  it('prefers the example, then const, enum and default, then builds objects from required fields', () => {
    expect(exampleOf(document, { $ref: '#/components/schemas/UserUpdate' })).toEqual({
      username: "o'brien",
      kind: 'HUMAN',
    });
    expect(exampleOf(document, { type: 'string', format: 'email' })).toBe('ada@example.com');
    expect(exampleOf(document, { type: 'array', items: { type: 'integer', minimum: 5 } })).toEqual([5]);
    expect(exampleOf(document, { oneOf: [{ const: 'A' }, { const: 'B' }] })).toBe('A');
    expect(
      exampleOf(document, {
        allOf: [{ type: 'object', required: ['a'], properties: { a: { type: 'boolean' } } }],
      }),
    ).toEqual({ a: true });
  });
});

describe('literal', () => {
  it('writes TypeScript, quoting keys only where needed and escaping quotes', () => {
    expect(literal({ a: "it's", 'b-c': [1, null] })).toBe(
      "{\n  a: 'it\\'s',\n  'b-c': [\n    1,\n    null,\n  ],\n}",
    );
  });
});

describe('operationDocs', () => {
  const docs = operationDocs(document);

  it('lists the writable body fields with their first sentence, required ones marked', () => {
    expect(docs.get('updateUser')?.slice(0, 5)).toEqual([
      'Body fields:',
      '',
      '- `username` (required): A unique name.',
      '- `kind` (required): What the account is for.',
      '- `nickname`',
    ]);
  });

  it('gives a call with path parameters (not environmentId), required query and a valid body', () => {
    expect(docs.get('updateUser')?.join('\n')).toContain(`@example
\`\`\`ts
const { data } = await updateUser({
  client,
  path: {
    userId: '5caa81af-ec05-41ff-a709-c7378007a99c',
  },
  query: {
    expand: 'population',
  },
  body: {
    username: 'o\\'brien',
    kind: 'HUMAN',
  },
});
\`\`\``);
  });

  it('shows a binary body as a Blob of its media type', () => {
    expect(docs.get('createImage')).toContain("  body: new Blob([bytes], { type: 'image/png' }),");
  });

  it('appends the lines to the comment above the function, or writes one', () => {
    const source =
      '/**\n * Update a user\n */\nexport const updateUser = 1;\nexport const createImage = 2;\n';
    const documented = withOperationDocs(source, docs);
    expect(documented).toMatch(/^\/\*\*\n \* Update a user\n \*\n \* Body fields:\n/);
    expect(documented).toMatch(/ \*\/\nexport const updateUser = 1;\n\/\*\*\n \* @example\n/);
  });
});
