import { git } from './git.js';
import { compareVersions, parseVersion, type SemanticVersion } from './semantic-version.js';

/** A release as changesets tags it: `<package name>@<version>`, e.g. `@pingone-sdk/management@1.2.0`. */
export interface ReleaseTag {
  tag: string;
  version: SemanticVersion;
  versionText: string;
}

/** The highest released version of a package among the tags reachable from HEAD, if any. */
export function latestReleaseTag(repository: string, packageName: string): ReleaseTag | undefined {
  // Only tags merged into HEAD: a tag on another branch is not what this branch builds on.
  const output = git(repository, ['tag', '--list', `${packageName}@*`, '--merged', 'HEAD']);
  let latest: ReleaseTag | undefined;
  for (const tag of output.split('\n').filter(Boolean)) {
    const versionText = tag.slice(packageName.length + 1);
    const version = parseVersion(versionText);
    if (version === undefined) continue;
    if (latest === undefined || compareVersions(version, latest.version) > 0)
      latest = { tag, version, versionText };
  }
  return latest;
}
