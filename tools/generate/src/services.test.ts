import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashSpecFolder, specFiles } from './services.js';

const root = mkdtempSync(join(tmpdir(), 'pingone-sdk-services-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe('the files and hash of a service spec', () => {
  write('shared/responses.yaml', 'Error:\n  $ref: ./schemas/common.yaml#/Error\n');
  write('shared/schemas/common.yaml', 'Error: { type: object }\n');
  write('shared/schemas/unused.yaml', 'Other: { type: object }\n');
  write('service/openapi.yaml', 'paths:\n  $ref: "./paths/things.yaml#/paths"\n');
  write('service/paths/things.yaml', 'x: { $ref: ../../shared/responses.yaml#/Error }\n');

  it('takes in the files of other folders it refers to, transitively, and only those', () => {
    expect(specFiles(join(root, 'service')).map((file) => file.slice(root.length + 1))).toEqual([
      'service/openapi.yaml',
      'service/paths/things.yaml',
      'shared/responses.yaml',
      'shared/schemas/common.yaml',
    ]);
  });

  it('changes when a shared file it uses changes, and not when an unused one does', () => {
    const before = hashSpecFolder(join(root, 'service'));
    write('shared/schemas/unused.yaml', 'Other: { type: string }\n');
    expect(hashSpecFolder(join(root, 'service'))).toBe(before);
    write('shared/schemas/common.yaml', 'Error: { type: object, required: [code] }\n');
    expect(hashSpecFolder(join(root, 'service'))).not.toBe(before);
  });
});
