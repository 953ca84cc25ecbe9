import { describe, expect, it } from 'vitest';
import { bumpBetween, compareVersions, parseVersion, type SemanticVersion } from './semantic-version.js';

function version(text: string): SemanticVersion {
  const parsed = parseVersion(text);
  if (parsed === undefined) throw new Error(`not a version: ${text}`);
  return parsed;
}

describe('semantic versions', () => {
  it('orders numerically and puts prereleases first', () => {
    const sorted = ['1.10.0', '1.9.0', '1.0.0', '1.0.0-next.10', '1.0.0-next.2', '0.9.9'].sort(
      (left, right) => compareVersions(version(left), version(right)),
    );
    expect(sorted).toEqual(['0.9.9', '1.0.0-next.2', '1.0.0-next.10', '1.0.0', '1.9.0', '1.10.0']);
  });

  it('rejects what is not a version', () => {
    expect(parseVersion('latest')).toBeUndefined();
  });

  it('names the bump between a release and the current version', () => {
    expect(bumpBetween(version('1.2.3'), version('2.0.0'))).toBe('major');
    expect(bumpBetween(version('1.2.3'), version('1.3.0'))).toBe('minor');
    expect(bumpBetween(version('1.2.3'), version('1.2.4'))).toBe('patch');
    expect(bumpBetween(version('1.2.3'), version('1.2.3'))).toBe('none');
  });
});
