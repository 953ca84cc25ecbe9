import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One typed entry of a package's `exports` map, and the report that describes it. */
export interface EntryPoint {
  /** The subpath as users import it: `.` or `./internal`. */
  subpath: string;
  /** Absolute path of the declaration file its `types` condition names. */
  declarationPath: string;
  /** Report file name without extension: `core` for `.`, `core-internal` for `./internal`. */
  reportName: string;
  /** Whether a change to this entry needs a changeset: not for `internal` subpaths, outside semver. */
  public: boolean;
}

interface PackageJson {
  name: string;
  exports?: Record<string, string | { types?: string }>;
}

/** Every entry of the `exports` map that has a `types` condition: everything a user can import with types. */
export function entryPoints(packageFolder: string): { packageName: string; entries: EntryPoint[] } {
  const manifest = JSON.parse(readFileSync(join(packageFolder, 'package.json'), 'utf8')) as PackageJson;
  const unscoped = manifest.name.replace(/^@[^/]+\//, '');
  const entries = Object.entries(manifest.exports ?? {}).flatMap(([subpath, target]) => {
    if (typeof target !== 'object' || typeof target.types !== 'string') return [];
    const suffix = subpath === '.' ? '' : `-${subpath.replace(/^\.\//, '').replace(/[^\w]+/g, '-')}`;
    return [
      {
        subpath,
        declarationPath: join(packageFolder, target.types),
        reportName: `${unscoped}${suffix}`,
        public: !/(^|\/)internal(\/|$)/.test(subpath),
      },
    ];
  });
  return { packageName: manifest.name, entries };
}
