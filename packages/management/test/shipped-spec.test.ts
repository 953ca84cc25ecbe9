import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as management from '../src/index.js';

// Resolved by package name, so the `exports` entry users import is what is tested.
const specPath = createRequire(import.meta.url).resolve('@pingone-sdk/management/openapi.json');
const spec = JSON.parse(readFileSync(specPath, 'utf8')) as {
  openapi: string;
  paths: Record<
    string,
    Record<string, { operationId?: string; 'x-pingone-actions'?: { operationId: string }[] }>
  >;
};

describe('@pingone-sdk/management/openapi.json', () => {
  it('is one self-contained OpenAPI 3.1 document', () => {
    expect(spec.openapi).toMatch(/^3\.1\./);
    const external = readFileSync(specPath, 'utf8').match(/"\$ref": "(?!#)[^"]*"/g);
    expect(external, 'every $ref points inside the document').toBeNull();
  });

  it('describes exactly the operations the package exports', () => {
    const operationIds = Object.values(spec.paths).flatMap((item) =>
      Object.values(item).flatMap((operation) => [
        ...(operation.operationId ? [operation.operationId] : []),
        ...(operation['x-pingone-actions'] ?? []).map((action) => action.operationId),
      ]),
    );
    const exported = Object.entries(management)
      .filter(([name, value]) => typeof value === 'function' && name !== 'createManagementClient')
      .map(([name]) => name);
    expect(operationIds.sort()).toEqual(exported.sort());
  });
});
