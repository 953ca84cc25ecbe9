import { describe, expect, it } from 'vitest';
import { compileFilter } from './compile-filter.js';
import { FilterError } from './filter-expression.js';
import { parseFilter } from './parse-filter.js';

describe('parseFilter', () => {
  it('binds and tighter than or, and honours parentheses', () => {
    expect(parseFilter('a eq "1" or b eq "2" and c eq "3"')).toMatchObject({
      type: 'or',
      right: { type: 'and' },
    });
    expect(parseFilter('(a eq "1" or b eq "2") and c eq "3"')).toMatchObject({
      type: 'and',
      left: { type: 'or' },
    });
  });

  it('reads escaped strings, numbers, booleans, null and pr', () => {
    expect(parseFilter('name eq "say \\"hi\\""')).toMatchObject({ value: 'say "hi"' });
    expect(parseFilter('count GE 10')).toMatchObject({ operator: 'ge', value: 10 });
    expect(parseFilter('enabled eq true')).toMatchObject({ value: true });
    expect(parseFilter('title eq null')).toMatchObject({ value: null });
    expect(parseFilter('title pr')).toMatchObject({ operator: 'pr' });
  });

  it('throws FilterError on syntax errors', () => {
    for (const bad of [
      '',
      'a',
      'a eq',
      'a eq "x',
      'a zz "x"',
      '(a eq "x"',
      'a eq "x")',
      'not a eq "x"',
      'emails[type eq "work"]',
    ]) {
      expect(() => parseFilter(bad), bad).toThrow(FilterError);
    }
  });
});

describe('compileFilter', () => {
  const supported = { 'name.family': ['eq', 'ew'], tags: ['eq'] } as const;
  const people = [
    { name: { family: 'Lovelace' }, tags: ['math', 'poetry'] },
    { name: { family: 'Hopper' }, tags: ['navy'] },
  ];

  it('matches attribute names and strings without regard to case, and multi-valued attributes', () => {
    expect(people.filter(compileFilter(parseFilter('NAME.FAMILY ew "LACE"'), supported, []))).toHaveLength(1);
    expect(people.filter(compileFilter(parseFilter('tags eq "navy"'), supported, []))).toEqual([people[1]]);
  });

  it('refuses unsupported attributes and operators', () => {
    expect(() => compileFilter(parseFilter('nickname eq "x"'), supported, [])).toThrow(/not supported/);
    expect(() => compileFilter(parseFilter('name.family sw "x"'), supported, [])).toThrow(/sw operator/);
  });

  it('falls back to the given operators on any attribute when the list has no rules', () => {
    expect(
      people.filter(compileFilter(parseFilter('name.family sw "hop"'), undefined, ['eq', 'sw'])),
    ).toHaveLength(1);
    expect(() => compileFilter(parseFilter('name.family co "o"'), undefined, ['eq', 'sw'])).toThrow(
      FilterError,
    );
  });
});
