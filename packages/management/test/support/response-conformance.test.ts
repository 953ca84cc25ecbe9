import { loadServiceDocument } from '@pingone-sdk/generate/spec-document';
import { describe, expect, it } from 'vitest';
import { ResponseConformance } from './response-conformance.js';

const conformance = new ResponseConformance(await loadServiceDocument('management'));
const url = 'http://127.0.0.1:1/v1/environments/env-1/users/user-1';
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('ResponseConformance', () => {
  it('rejects a body that breaks the schema, naming the field', async () => {
    await expect(conformance.check('GET', url, json({ id: 42 }))).rejects.toThrow(
      /GET \/environments\/env-1\/users\/user-1 answered 200/,
    );
  });

  it('accepts an error body of the declared shape and rejects an unknown route', async () => {
    await expect(
      conformance.check('GET', url, json({ id: 'e-1', code: 'NOT_FOUND', message: 'Not found' }, 404)),
    ).resolves.toBeUndefined();
    await expect(conformance.check('GET', 'http://127.0.0.1:1/v1/nowhere', json({}))).rejects.toThrow(
      /no operation/,
    );
  });
});
