import { describe, expect, it } from 'vitest';
import { fromRecord, toRow, userColumns } from './field-paths.js';

describe('field paths', () => {
  it('round-trips a user through CSV cells', () => {
    const user = {
      username: 'ada',
      email: 'ada@example.com',
      name: { given: 'Ada', family: 'Lovelace' },
      population: { id: 'p1' },
      enabled: true,
    };
    const row = toRow(user, userColumns);
    const record = Object.fromEntries(userColumns.map((column, index) => [column, row[index] ?? '']));
    expect(fromRecord(record)).toEqual(user);
  });

  it('keeps an empty cell out of the object instead of sending an empty string', () => {
    expect(fromRecord({ username: 'ada', 'name.given': '' })).toEqual({ username: 'ada' });
  });

  it('reads JSON arrays back as arrays', () => {
    expect(fromRecord({ tags: '["a","b"]' })).toEqual({ tags: ['a', 'b'] });
  });
});
