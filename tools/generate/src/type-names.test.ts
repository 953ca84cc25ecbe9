import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findServices } from './services.js';
import { typeName } from './type-names.js';

describe('typeName', () => {
  it('gives schemas named like a global type a Body suffix and leaves the rest alone', () => {
    expect(typeName('Error')).toBe('ErrorBody');
    expect(typeName('Response')).toBe('ResponseBody');
    expect(typeName('User')).toBe('User');
    expect(typeName('Image')).toBe('Image');
  });

  it.each(findServices())('leaves no generated type of $name hiding a global', (service) => {
    const types = readFileSync(join(service.outputPath, 'types.gen.ts'), 'utf8');
    const exported = [...types.matchAll(/^export type (\w+)/gm)].map((match) => match[1] as string);
    expect(exported.filter((name) => typeName(name) !== name)).toEqual([]);
  });
});
