import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { $RefParser } from '@apidevtools/json-schema-ref-parser';
import { describe, expect, it } from 'vitest';
import { bundleSpec } from './bundle-spec.js';
import type { OpenApiDocument } from './openapi-types.js';
import { listActions, listOperations } from './operations.js';

const specRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../spec');
const services = readdirSync(specRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && readdirSync(join(specRoot, entry.name)).includes('openapi.yaml'))
  .map((entry) => entry.name);

function splitFiles(service: string): string[] {
  return readdirSync(join(specRoot, service), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml') && entry.name !== 'openapi.yaml')
    .map((entry) => join(entry.parentPath, entry.name));
}

function operationIds(document: OpenApiDocument): string[] {
  return listOperations(document)
    .map((operation) => operation.id)
    .sort();
}

function actionIds(document: OpenApiDocument): string[] {
  return listOperations(document)
    .flatMap((operation) => listActions(document, operation.operation).map((action) => action.operationId))
    .sort();
}

describe.each(services)('spec/%s', (service) => {
  const root = join(specRoot, service, 'openapi.yaml');

  it('writes no #/components pointer in a split file (it would point into the file itself)', () => {
    const offenders = splitFiles(service).filter((file) =>
      /\$ref:\s*["']?#\/components\//.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('dereferences with @apidevtools/json-schema-ref-parser', async () => {
    const parser = new $RefParser();
    const document = (await parser.dereference(root, {
      dereference: { circular: 'ignore' },
    })) as OpenApiDocument;
    // Only recursive schemas stay references, and each of them resolves.
    const remaining = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map(
      (match) => match[1] ?? '',
    );
    expect(remaining.length === 0 || parser.$refs.circular).toBe(true);
    for (const reference of new Set(remaining))
      expect(parser.$refs.exists(resolve(dirname(root), reference))).toBe(true);
  });

  it('bundles to the same operations and actions with json-schema-ref-parser as with redocly', async () => {
    const standard = (await new $RefParser().bundle(root)) as OpenApiDocument;
    const redocly = await bundleSpec(root);
    expect(operationIds(standard)).toEqual(operationIds(redocly));
    expect(operationIds(standard).length).toBeGreaterThan(0);
    expect(actionIds(standard)).toEqual(actionIds(redocly));
  });
});
