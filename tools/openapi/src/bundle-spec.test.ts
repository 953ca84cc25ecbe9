import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleSpec } from './bundle-spec.js';
import { listActions, listOperations } from './operations.js';

const management = resolve(dirname(fileURLToPath(import.meta.url)), '../../../spec/management/openapi.yaml');

describe('bundleSpec', () => {
  it('names action schemas after the root components, which is what names generated types', async () => {
    const document = await bundleSpec(management);
    const createUser = listOperations(document).find((operation) => operation.id === 'createUser');
    const [importUser] = listActions(document, createUser?.operation ?? {});
    expect(importUser).toMatchObject({
      operationId: 'importUser',
      contentType: 'application/vnd.pingidentity.user.import+json',
      schema: { $ref: '#/components/schemas/UserImport' },
    });
    const listUsers = listOperations(document).find((operation) => operation.id === 'listUsers');
    expect(listUsers?.operation['x-pingone-collection']?.unique).toEqual(['username']);
  });

  it('bundles the file references of an action’s own responses', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'bundle-spec-'));
    try {
      const root = join(folder, 'openapi.yaml');
      writeFileSync(
        root,
        [
          'openapi: 3.1.0',
          'info: { title: t, version: "1" }',
          'paths:',
          '  /things:',
          '    post:',
          '      operationId: createThing',
          '      requestBody:',
          '        content:',
          '          application/json: { schema: { $ref: ./schemas.yaml#/Thing } }',
          '          application/vnd.example.sort+json:',
          '            schema: { $ref: ./schemas.yaml#/Thing }',
          '            x-pingone-action:',
          '              operationId: sortThings',
          '              summary: Sort',
          '              responses:',
          '                "200":',
          '                  description: The order.',
          '                  content: { application/json: { schema: { $ref: ./schemas.yaml#/Order } } }',
          '      responses:',
          '        "201": { description: Made. }',
          'components:',
          '  schemas:',
          '    Thing: { $ref: ./schemas.yaml#/Thing }',
          '    Order: { $ref: ./schemas.yaml#/Order }',
          '',
        ].join('\n'),
      );
      writeFileSync(join(folder, 'schemas.yaml'), 'Thing: { type: object }\nOrder: { type: array }\n');
      const document = await bundleSpec(root);
      const createThing = listOperations(document).find((operation) => operation.id === 'createThing');
      const [sortThings] = listActions(document, createThing?.operation ?? {});
      expect(sortThings?.responses?.['200']?.content?.['application/json']?.schema).toEqual({
        $ref: '#/components/schemas/Order',
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('fails on a reference it cannot resolve, naming it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'bundle-spec-'));
    try {
      const root = join(folder, 'openapi.yaml');
      writeFileSync(
        root,
        'openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths:\n  /a:\n    $ref: ./paths/missing.yaml#/a\n',
      );
      await expect(bundleSpec(root)).rejects.toThrow(/Cannot bundle .*openapi\.yaml/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
