import { loadServiceDocument } from '@pingone-sdk/generate/spec-document';
import { describe, expect, it } from 'vitest';
import { errorCodesByStatus, errorDetailCodesByStatus } from './error-codes.js';

type Schemas = Record<string, { enum?: string[]; 'x-pingone-codes-by-status'?: Record<string, string[]> }>;

const documents = {
  management: await loadServiceDocument('management'),
  images: await loadServiceDocument('images'),
};

describe.each(['management', 'images'] as const)('error codes of spec/%s', (service) => {
  const schemas = (documents[service] as unknown as { components: { schemas: Schemas } }).components.schemas;

  it.each([
    ['ErrorCode', errorCodesByStatus],
    ['ErrorDetailCode', errorDetailCodesByStatus],
  ] as const)('%s lists by status exactly what the error classes are typed with', (name, table) => {
    const schema = schemas[name];
    expect(schema?.['x-pingone-codes-by-status']).toEqual(
      Object.fromEntries(Object.entries(table).map(([status, codes]) => [status, [...codes]])),
    );
    expect(new Set(schema?.enum)).toEqual(new Set(Object.values(table).flat()));
  });
});
