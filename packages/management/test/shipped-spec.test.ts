import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { listActions, listOperations, type OpenApiDocument } from '@pingone-sdk/openapi';
import { describe, expect, it } from 'vitest';
import * as management from '../src/index.js';

// Resolved by package name, so the `exports` entry users import is what is tested.
const specPath = createRequire(import.meta.url).resolve('@pingone-sdk/management/openapi.json');
const spec = JSON.parse(readFileSync(specPath, 'utf8')) as OpenApiDocument & { openapi: string };
/** Exported functions that are not operations of the spec. */
const helpers = new Set(['createManagementClient', 'detectCertificateEncoding']);

describe('@pingone-sdk/management/openapi.json', () => {
  it('is one self-contained OpenAPI 3.1 document', () => {
    expect(spec.openapi).toMatch(/^3\.1\./);
    const external = readFileSync(specPath, 'utf8').match(/"\$ref": "(?!#)[^"]*"/g);
    expect(external, 'every $ref points inside the document').toBeNull();
  });

  it('describes exactly the operations the package exports', () => {
    // Each operation, each Content-Type action, and each `Accept` alternative is a function of its own.
    const operationIds = listOperations(spec).flatMap(({ operation }) => [
      ...(operation.operationId ? [operation.operationId] : []),
      ...listActions(spec, operation).map((action) => action.operationId),
      ...((operation['x-pingone-accepts'] ?? []) as { operationId: string }[]).map(
        (accept) => accept.operationId,
      ),
    ]);
    const exported = Object.entries(management)
      .filter(([name, value]) => typeof value === 'function' && !helpers.has(name))
      .map(([name]) => name);
    expect(operationIds.sort()).toEqual(exported.sort());
  });
});
