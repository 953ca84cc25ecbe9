import { describe, expect, it } from 'vitest';
import type { CommandParameter } from './command-table.js';
import { parseKeyValues } from './key-values.js';

const parameters: CommandParameter[] = [
  { name: 'limit', required: false, type: 'integer' },
  { name: 'filter', required: false, type: 'string' },
  { name: 'expand', required: false, type: 'population|none' },
  { name: 'enabled', required: false, type: 'boolean' },
];

describe('parseKeyValues', () => {
  it('converts values to the parameter types of the spec', () => {
    expect(
      parseKeyValues(
        '--query',
        ['limit=5', 'filter=a eq "b=c"', 'expand=population', 'enabled=false'],
        parameters,
      ),
    ).toEqual({ limit: 5, filter: 'a eq "b=c"', expand: 'population', enabled: false });
  });

  it('refuses unknown names, malformed pairs and values of the wrong type, naming them', () => {
    expect(() => parseKeyValues('--query', ['size=5'], parameters)).toThrow(
      '--query: this operation has no parameter "size" (it takes: limit, filter, expand, enabled)',
    );
    expect(() => parseKeyValues('--query', ['limit'], parameters)).toThrow(
      '--query: expected name=value, got "limit"',
    );
    expect(() => parseKeyValues('--query', ['limit=1.5'], parameters)).toThrow(
      '--query limit: expected an integer',
    );
    expect(() => parseKeyValues('--query', ['enabled=yes'], parameters)).toThrow('expected true or false');
    expect(() => parseKeyValues('--query', ['expand=all'], parameters)).toThrow(
      'expected one of population, none',
    );
  });
});
