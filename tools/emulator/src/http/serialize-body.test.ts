import { describe, expect, it } from 'vitest';
import { serializeBody } from './serialize-body.js';

describe('serializeBody', () => {
  it('matches JSON.stringify for collections and plain bodies', () => {
    const item = { id: 'a', name: { given: 'Ada' }, list: [1, 2] };
    const page = {
      _links: { self: { href: 'x' } },
      _embedded: { users: [item, { id: 'b' }] },
      count: 2,
      size: 2,
    };
    expect(serializeBody(page)).toBe(JSON.stringify(page));
    expect(serializeBody(page)).toBe(JSON.stringify(page));
    expect(serializeBody({ id: 'plain', skipped: undefined })).toBe(JSON.stringify({ id: 'plain' }));
    expect(JSON.parse(serializeBody({ _embedded: { users: [] }, count: 0 }))).toEqual({
      _embedded: { users: [] },
      count: 0,
    });
  });
});
