import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { operationDocs, withOperationDocs } from './operation-docs.js';
import { thinOperations } from './thin-operations.js';

const clientOptionsType = /^export type ClientOptions = \{[\s\S]*?^\};\n\n?/m;

/**
 * The steps after hey-api has written a service's files: thin operations with their docs, and no
 * `ClientOptions` (a base URL type no code reads: the core picks the host from the region).
 */
export function tidyGenerated(outputPath: string, document: Record<string, unknown>): void {
  const edit = (file: string, change: (text: string) => string) => {
    const path = join(outputPath, file);
    writeFileSync(path, change(readFileSync(path, 'utf8')));
  };
  edit('sdk.gen.ts', (text) => withOperationDocs(thinOperations(text), operationDocs(document)));
  edit('types.gen.ts', (text) => text.replace(clientOptionsType, ''));
  edit('index.ts', (text) => text.replace(/\b(?:type Options|ClientOptions),\s*|,\s*type Options\b/g, ''));
}
