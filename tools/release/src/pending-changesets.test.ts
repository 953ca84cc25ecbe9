import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseChangeset, readPendingChangesets } from './pending-changesets.js';

describe('parseChangeset', () => {
  it('reads quoted and bare package names', () => {
    const text = `---\n'@pingone-sdk/core': minor\n"@pingone-sdk/auth": patch\n@pingone-sdk/images: major\n---\n\nText.\n`;
    expect(Object.fromEntries(parseChangeset(text, 'x.md'))).toEqual({
      '@pingone-sdk/core': 'minor',
      '@pingone-sdk/auth': 'patch',
      '@pingone-sdk/images': 'major',
    });
  });

  it('accepts an empty changeset', () => {
    expect(parseChangeset('---\n---\n\nDocs only.\n', 'x.md').size).toBe(0);
  });

  it('names the file and line it cannot read', () => {
    expect(() => parseChangeset("---\n'@pingone-sdk/core': huge\n---\n", '.changeset/x.md')).toThrow(
      `.changeset/x.md: cannot read "'@pingone-sdk/core': huge"`,
    );
    expect(() => parseChangeset('no front matter', '.changeset/x.md')).toThrow(
      '.changeset/x.md: no front matter',
    );
  });
});

describe('readPendingChangesets', () => {
  it('keeps the highest level per package and skips the README', () => {
    const folder = mkdtempSync(join(tmpdir(), 'pingone-sdk-changesets-'));
    try {
      writeFileSync(join(folder, 'README.md'), '# Changesets\n');
      writeFileSync(join(folder, 'config.json'), '{}');
      writeFileSync(join(folder, 'a.md'), "---\n'@pingone-sdk/core': patch\n---\n");
      writeFileSync(
        join(folder, 'b.md'),
        "---\n'@pingone-sdk/core': minor\n'@pingone-sdk/auth': patch\n---\n",
      );
      expect(Object.fromEntries(readPendingChangesets(folder))).toEqual({
        '@pingone-sdk/core': { level: 'minor', files: ['.changeset/a.md', '.changeset/b.md'] },
        '@pingone-sdk/auth': { level: 'patch', files: ['.changeset/b.md'] },
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
