import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BumpLevel, compareLevels, isBumpLevel } from './change-level.js';

/** What the pending changesets in .changeset/ declare for one package. */
export interface DeclaredBump {
  level: BumpLevel;
  /** The changeset files that name the package, e.g. `.changeset/brave-owls-sing.md`. */
  files: string[];
}

/**
 * Reads the front matter of one changeset: `'<package>': <level>` lines between `---` fences
 * (the format `changeset add` writes; an empty front matter is an empty changeset).
 */
export function parseChangeset(text: string, file: string): Map<string, BumpLevel> {
  const match = /^---[ \t]*\r?\n([\s\S]*?)^---[ \t]*$/m.exec(text.trimStart());
  if (match === null) throw new Error(`${file}: no front matter (--- fences) found`);
  const bumps = new Map<string, BumpLevel>();
  for (const line of (match[1] ?? '').split(/\r?\n/)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const entry = /^\s*(['"]?)([^'"]+)\1\s*:\s*(['"]?)(\w+)\3\s*$/.exec(line);
    const level = entry?.[4];
    const name = entry?.[2];
    if (name === undefined || level === undefined || !isBumpLevel(level)) {
      throw new Error(`${file}: cannot read "${line.trim()}"; expected '<package>': patch | minor | major`);
    }
    bumps.set(name, level);
  }
  return bumps;
}

/** Every package named by a pending changeset, with the highest level declared for it. */
export function readPendingChangesets(changesetFolder: string): Map<string, DeclaredBump> {
  const declared = new Map<string, DeclaredBump>();
  if (!existsSync(changesetFolder)) return declared;
  const files = readdirSync(changesetFolder)
    .filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md')
    .sort();
  for (const name of files) {
    const file = join('.changeset', name);
    for (const [packageName, level] of parseChangeset(
      readFileSync(join(changesetFolder, name), 'utf8'),
      file,
    )) {
      const current = declared.get(packageName);
      if (current === undefined) declared.set(packageName, { level, files: [file] });
      else {
        current.files.push(file);
        if (compareLevels(level, current.level) > 0) current.level = level;
      }
    }
  }
  return declared;
}
