import { describe, expect, it } from 'vitest';
import { added, diagnostic } from './measure-typecheck.js';

describe('diagnostic', () => {
  const output =
    'Lines of Definitions:       16791\nTypes:                         156\nTotal time:                 0.52s\n';

  it('reads counts and seconds from tsc --extendedDiagnostics', () => {
    expect(diagnostic(output, 'Lines of Definitions')).toBe(16791);
    expect(diagnostic(output, 'Total time')).toBe(0.52);
  });

  it('fails when tsc did not report the figure, rather than count it as zero', () => {
    expect(() => diagnostic(output, 'Instantiations')).toThrow(/no "Instantiations"/);
  });
});

describe('added', () => {
  it('subtracts the baseline from every figure', () => {
    const baseline = { seconds: 1, wallSeconds: 2, declarationLines: 10, types: 5, instantiations: 0 };
    const cost = { seconds: 1.5, wallSeconds: 3, declarationLines: 110, types: 8, instantiations: 4 };
    expect(added(cost, baseline)).toEqual({
      seconds: 0.5,
      wallSeconds: 1,
      declarationLines: 100,
      types: 3,
      instantiations: 4,
    });
  });
});
