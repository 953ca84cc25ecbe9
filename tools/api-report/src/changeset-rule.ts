/**
 * When a change to a package's public surface needs a changeset.
 *
 * 1. The base is the report as committed at the base revision: the merge-base with `main` on a branch,
 *    the first parent on `main` itself, or the revision in `API_REPORT_BASE`.
 * 2. A public report (not an `internal` subpath) that differs from its base needs a changeset that
 *    names the package and was added since the base (committed or not), unless the package's version
 *    changed since the base: that is the release commit, which consumes the changesets.
 * 3. A report the base does not have is new: the check starts from it and asks for nothing.
 * 4. Internal subpaths are reported and kept current, but are outside semver and need no changeset.
 */
export interface SurfaceChange {
  packageName: string;
  reportPath: string;
  public: boolean;
  /** The committed report at the base; undefined when the base has none. */
  baseReport: string | undefined;
  currentReport: string;
  /** The package's version at the base and now; they differ in the commit that releases it. */
  baseVersion: string | undefined;
  currentVersion: string;
}

/** The failure message for a change that lacks its changeset, or undefined when it is fine. */
export function missingChangeset(
  change: SurfaceChange,
  packagesNamedByNewChangesets: Set<string>,
): string | undefined {
  if (!change.public || change.baseReport === undefined) return undefined;
  if (change.baseReport === change.currentReport) return undefined;
  if (change.baseVersion !== undefined && change.baseVersion !== change.currentVersion) return undefined;
  if (packagesNamedByNewChangesets.has(change.packageName)) return undefined;
  return (
    `${change.reportPath} changed since the base but no changeset names ${change.packageName}: ` +
    'run `pnpm changeset`, choose the package and describe the change for users'
  );
}
