import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { OpenApiDocument } from '@pingone-sdk/openapi';
import { afterAll, describe, expect, it } from 'vitest';
import { generateService, readmeWithCoverage, shippedSpec, shippedSpecPath } from './generate.js';
import { operationIdsPath, writeOperationIds } from './operation-ids.js';
import { findServices, repositoryRoot } from './services.js';
import { loadServiceDocument } from './spec-document.js';

const scratch = mkdtempSync(join(tmpdir(), 'pingone-sdk-drift-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function readTree(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(relative(folder, path), readFileSync(path, 'utf8'));
    }
  }
  return files;
}

describe.each(findServices())('generated code of $name', (service) => {
  let document: OpenApiDocument | undefined;

  it('matches what the spec generates today (run `pnpm generate` and commit the result if this fails)', async () => {
    const fresh = join(scratch, service.name);
    document = await generateService(service, fresh);
    const expected = readTree(fresh);
    const committed = readTree(service.outputPath);
    const stale = [...new Set([...expected.keys(), ...committed.keys()])].filter(
      (file) => expected.get(file) !== committed.get(file),
    );
    expect(
      stale.map((file) => relative(repositoryRoot, join(service.outputPath, file))),
      'generated files differ from the spec: run `pnpm generate` and commit the regenerated files',
    ).toEqual([]);
  }, 120_000);

  it('has an up-to-date coverage table in its README (run `pnpm generate` if this fails)', async () => {
    const expected = readmeWithCoverage(service, document ?? (await loadServiceDocument(service.name)));
    if (expected === undefined) return;
    const readmePath = join(repositoryRoot, 'packages', service.name, 'README.md');
    expect(readFileSync(readmePath, 'utf8'), `${relative(repositoryRoot, readmePath)} is stale`).toBe(
      expected,
    );
  });

  it('ships the bundled spec as openapi.json (run `pnpm generate` if this fails)', async () => {
    const path = shippedSpecPath(service);
    expect(readFileSync(path, 'utf8'), `${relative(repositoryRoot, path)} is stale`).toBe(
      await shippedSpec(service),
    );
  });

  it('is byte-identical when generated twice from the same spec', async () => {
    // The first generation is the drift check's own, in the same scratch folder.
    const again = join(scratch, `${service.name}-again`);
    await generateService(service, again);
    expect(readTree(again)).toEqual(readTree(join(scratch, service.name)));
  }, 120_000);
});

describe('operationIds of the emulator', () => {
  it('list every operation of every service (run `pnpm generate` if this fails)', async () => {
    const documents = new Map<string, OpenApiDocument>();
    for (const service of findServices())
      documents.set(service.name, await loadServiceDocument(service.name));
    const fresh = join(scratch, 'operation-ids.ts');
    writeOperationIds(documents, fresh);
    expect(
      readFileSync(operationIdsPath, 'utf8'),
      'tools/emulator/src/generated/operation-ids.ts is stale',
    ).toBe(readFileSync(fresh, 'utf8'));
  }, 120_000);
});
