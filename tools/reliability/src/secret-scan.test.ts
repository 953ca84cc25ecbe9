import { describe, expect, it } from 'vitest';
import { leakedSecrets } from './secret-scan.js';

// The matrix trusts this scan to see a leak wherever a user's logs could: prove it does.
describe('leakedSecrets', () => {
  const secret = 'S3CRET-value';

  it('finds a secret in the message, deep in the cause chain, in a hidden property and in log lines', () => {
    expect(leakedSecrets([secret], new Error(`failed with ${secret}`))).toEqual([secret]);
    const deep = new Error('outer', { cause: new Error('middle', { cause: new Error(`inner ${secret}`) }) });
    expect(leakedSecrets([secret], deep)).toEqual([secret]);
    const hidden = new Error('quiet');
    Object.defineProperty(hidden, 'request', { value: { headers: { authorization: `Bearer ${secret}` } } });
    expect(leakedSecrets([secret], hidden)).toEqual([secret]);
    const serialised = Object.assign(new Error('plain'), { body: { token: secret } });
    expect(leakedSecrets([secret], serialised)).toEqual([secret]);
    expect(leakedSecrets([secret], undefined, [`→ GET /users?token=${secret}`])).toEqual([secret]);
  });

  it('reports nothing for a clean error, and survives cycles', () => {
    const cyclic = new Error('cyclic') as Error & { self?: unknown };
    cyclic.self = cyclic;
    expect(leakedSecrets([secret], cyclic, ['← 200 GET /users'])).toEqual([]);
  });
});
