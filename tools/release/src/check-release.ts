import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ChangeLevel, compareLevels, highestLevel } from './change-level.js';
import { classifySpecChanges } from './classify-spec-changes.js';
import { git } from './git.js';
import { loadSpecDocument, type SpecLoader } from './load-spec-document.js';
import { type DeclaredBump, readPendingChangesets } from './pending-changesets.js';
import { latestReleaseTag, type ReleaseTag } from './release-tags.js';
import { changedSince, existsAt, extractAt, readAt } from './repository-paths.js';
import { bumpBetween, parseVersion } from './semantic-version.js';
import { formatChange } from './spec-change.js';
import { type SurfaceFile, surfacePath, typeCheckSurfaces } from './surface-check.js';
import {
  listPublishedPackages,
  listWorkspacePackageNames,
  type PublishedPackage,
} from './workspace-packages.js';

export interface ReleaseCheckOptions {
  /** The repository to check (its working tree, against its tags). */
  repository: string;
  /** How to read a spec folder into one document; the generator's own bundling by default. */
  loadSpec?: SpecLoader;
  /** Type-check the public-surface tests (needs built packages). Default true. */
  checkSurfaces?: boolean;
}

export interface ReleaseCheckResult {
  /** One readable paragraph per problem; the check passes when there are none. */
  failures: string[];
  /** What was compared and found fine, for the log. */
  notes: string[];
}

/** Something that happened to a package since its last release, and the bump it calls for. */
interface Reason {
  level: ChangeLevel;
  text: string;
}

/** Long lists of spec changes are cut here; the level still counts every one of them. */
const listedChanges = 12;

async function specReason(
  options: Required<ReleaseCheckOptions>,
  scratch: string,
  release: ReleaseTag,
  service: string,
): Promise<Reason | undefined> {
  const folder = `spec/${service}`;
  if (!changedSince(options.repository, release.tag, folder)) return undefined;
  const before = extractAt(options.repository, release.tag, folder, join(scratch, release.tag))
    ? await options.loadSpec(join(scratch, release.tag, folder))
    : {};
  const after = await options.loadSpec(join(options.repository, folder));
  const changes = classifySpecChanges(before, after);
  if (changes.length === 0) return undefined;
  const listed = changes.slice(0, listedChanges).map(formatChange);
  if (changes.length > listedChanges) listed.push(`and ${changes.length - listedChanges} more`);
  return {
    level: highestLevel(changes.map((change) => change.level)),
    text: `${folder} changed since ${release.tag}: ${listed.join(', ')}`,
  };
}

function declaredLevel(item: PublishedPackage, release: ReleaseTag, pending: DeclaredBump | undefined) {
  const current = parseVersion(item.version);
  // A "Version Packages" pull request has consumed the changesets and raised the version already.
  const applied = current === undefined ? 'none' : bumpBetween(release.version, current);
  return highestLevel([pending?.level ?? 'none', applied]);
}

function failureFor(
  item: PublishedPackage,
  reasons: Reason[],
  declared: ChangeLevel,
  pending?: DeclaredBump,
) {
  const required = highestLevel(reasons.map((reason) => reason.level));
  const what = reasons.map((reason) => reason.text).join('; ');
  const already =
    declared === 'none'
      ? ''
      : ` (${pending === undefined ? 'the version in package.json' : pending.files.join(', ')} only declares ${declared})`;
  return `${what}; add a changeset: \`pnpm changeset\` and choose ${required} for ${item.name}${already}`;
}

/** A surface test to type-check: today's file, or the copy from a release tag. */
interface SurfaceEntry extends SurfaceFile {
  label: string;
  released?: ReleaseTag;
}

/** What changed in a generated package's inputs and outputs since its release. */
async function generatedReasons(
  options: Required<ReleaseCheckOptions>,
  scratch: string,
  item: PublishedPackage & { service: string },
  release: ReleaseTag,
): Promise<Reason[]> {
  const reasons: Reason[] = [];
  const spec = await specReason(options, scratch, release, item.service);
  if (spec !== undefined) reasons.push(spec);
  const generated = `${item.relativeDirectory}/src/generated`;
  if (
    existsAt(options.repository, release.tag, generated) &&
    changedSince(options.repository, release.tag, generated)
  ) {
    reasons.push({ level: 'patch', text: `${generated} changed since ${release.tag}` });
  }
  return reasons;
}

/** Writes a package's surface test as it was at its release tag into the scratch folder. */
function releasedSurface(
  repository: string,
  scratch: string,
  item: PublishedPackage,
  release: ReleaseTag,
): SurfaceEntry | undefined {
  const text = readAt(repository, release.tag, surfacePath(item.shortName));
  if (text === undefined) return undefined;
  const folder = join(scratch, 'surface');
  mkdirSync(folder, { recursive: true });
  // Surface files are ESM, like users' code: their folder needs the module type.
  writeFileSync(join(folder, 'package.json'), '{ "type": "module" }\n');
  const path = join(folder, `${item.shortName}.released.ts`);
  writeFileSync(path, text);
  return {
    packageName: item.name,
    path,
    label: `${surfacePath(item.shortName)} of ${release.tag}`,
    released: release,
  };
}

/**
 * Type-checks every surface entry against the built packages. A current file that fails is a
 * failure; a released file that fails makes the change major for its package.
 */
function checkSurfaces(
  packages: PublishedPackage[],
  surfaces: SurfaceEntry[],
  failures: string[],
  reasons: Map<string, Reason[]>,
): void {
  const built = packages.filter((item) => existsSync(item.typesEntry));
  for (const item of packages) {
    if (!built.includes(item))
      failures.push(`${item.name} is not built (${item.typesEntry} missing): run \`pnpm build\``);
  }
  const checkable = surfaces.filter((file) => built.some((item) => item.name === file.packageName));
  const problems = typeCheckSurfaces(checkable, new Map(built.map((item) => [item.name, item.typesEntry])));
  for (const problem of problems)
    if (problem.file === undefined) failures.push(`surface check: ${problem.message}`);
  for (const file of checkable) {
    const found = problems.filter((problem) => problem.file === file.path).map((problem) => problem.message);
    if (found.length === 0) continue;
    const shown = found.slice(0, 3).join('; ') + (found.length > 3 ? `; and ${found.length - 3} more` : '');
    if (file.released === undefined)
      failures.push(`${file.label} does not type-check against the current build: ${shown}`);
    else
      reasons
        .get(file.packageName)
        ?.push({ level: 'major', text: `${file.label} no longer type-checks: ${shown}` });
  }
}

/**
 * The release check CI runs: for every published package, what changed since its last release tag
 * (spec changes classified, generated code touched, released surface tests broken) must be covered by
 * a pending changeset (or an already raised version) of at least that level.
 */
export async function checkRelease(input: ReleaseCheckOptions): Promise<ReleaseCheckResult> {
  const options: Required<ReleaseCheckOptions> = {
    loadSpec: loadSpecDocument,
    checkSurfaces: true,
    ...input,
  };
  const { repository } = options;
  const failures: string[] = [];
  const notes: string[] = [];
  if (git(repository, ['rev-parse', '--is-shallow-repository']) === 'true') {
    notes.push('warning: shallow clone; release tags may be missing (check out with fetch-depth: 0)');
  }
  const packages = listPublishedPackages(repository);
  const pending = readPendingChangesets(join(repository, '.changeset'));
  const known = listWorkspacePackageNames(repository);
  for (const [name, declared] of pending) {
    if (!known.has(name))
      failures.push(`${declared.files.join(', ')} names ${name}, which is not a workspace package`);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'pingone-sdk-release-'));
  try {
    const reasons = new Map<string, Reason[]>();
    const releases = new Map<string, ReleaseTag>();
    const surfaces: SurfaceEntry[] = [];
    for (const item of packages) {
      const label = surfacePath(item.shortName);
      const current = join(repository, label);
      if (existsSync(current)) surfaces.push({ packageName: item.name, path: current, label });
      else failures.push(`${item.name} has no public-surface test: write ${label}`);
      const release = latestReleaseTag(repository, item.name);
      if (release === undefined) {
        notes.push(`${item.name}: no previous release (no tag ${item.name}@*), nothing to compare against`);
        continue;
      }
      releases.set(item.name, release);
      const service = item.service;
      reasons.set(
        item.name,
        service === undefined ? [] : await generatedReasons(options, scratch, { ...item, service }, release),
      );
      const released = releasedSurface(repository, scratch, item, release);
      if (released !== undefined) surfaces.push(released);
    }
    if (options.checkSurfaces) checkSurfaces(packages, surfaces, failures, reasons);
    for (const [name, release] of releases) {
      const item = packages.find((each) => each.name === name);
      const own = reasons.get(name) ?? [];
      if (item === undefined || own.length === 0) {
        notes.push(`${name}: nothing released by ${release.tag} changed`);
        continue;
      }
      const required = highestLevel(own.map((reason) => reason.level));
      const declared = declaredLevel(item, release, pending.get(name));
      if (compareLevels(required, declared) > 0)
        failures.push(failureFor(item, own, declared, pending.get(name)));
      else notes.push(`${name}: ${required} changes since ${release.tag}, covered by a ${declared} bump`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { failures, notes };
}
