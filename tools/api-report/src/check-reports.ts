import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import parseChangesetFile from '@changesets/parse';
import { missingChangeset } from './changeset-rule.js';
import { type EntryPoint, entryPoints } from './entry-points.js';
import { extractReport } from './extract-report.js';
import { baseRevision, changesetsAddedSince, fileAt, repositoryRoot } from './git-base.js';

/** How a package's reports are checked; the defaults are the real ones, tests swap them. */
export interface CheckOptions {
  /** Rewrite the reports instead of failing on a difference. */
  update?: boolean;
  extract?: (packageFolder: string, entry: EntryPoint) => string;
  environment?: NodeJS.ProcessEnv;
}

/** The outcome for one package: the report files it covers and every failure, each with its fix. */
export interface CheckResult {
  packageName: string;
  reports: string[];
  failures: string[];
}

const readVersion = (text: string | undefined) =>
  text === undefined ? undefined : (JSON.parse(text) as { version?: string }).version;

/**
 * Checks the API reports in `<package>/api/` against the built declarations, then the changeset rule
 * (changeset-rule.ts) against the base revision.
 */
export function checkReports(packageFolder: string, options: CheckOptions = {}): CheckResult {
  const { update = false, extract = extractReport, environment = process.env } = options;
  const reportFolder = join(packageFolder, 'api');
  const { packageName, entries } = entryPoints(packageFolder);
  const fix = `pnpm --filter ${packageName} api-report --update`;
  const failures: string[] = [];

  mkdirSync(reportFolder, { recursive: true });
  const expected = new Set(entries.map((entry) => `${entry.reportName}.api.md`));
  for (const file of readdirSync(reportFolder)) {
    if (file.endsWith('.api.md') && !expected.has(file)) {
      failures.push(`api/${file} reports no entry of package.json's exports: delete it`);
    }
  }

  const reports = entries.map((entry) => {
    const path = join(reportFolder, `${entry.reportName}.api.md`);
    const current = extract(packageFolder, entry);
    if (update) writeFileSync(path, current);
    else if (!existsSync(path) || readFileSync(path, 'utf8') !== current) {
      failures.push(`api/${entry.reportName}.api.md differs from the built declarations: run \`${fix}\``);
    }
    return { entry, path, current };
  });

  const root = repositoryRoot(packageFolder);
  const base = root && baseRevision(root, environment);
  if (root && base) {
    const named = new Set(
      changesetsAddedSince(root, base).flatMap((text) =>
        parseChangesetFile(text).releases.map((release) => release.name),
      ),
    );
    const inRepository = (path: string) => relative(root, path).split('\\').join('/');
    const manifest = join(packageFolder, 'package.json');
    const baseVersion = readVersion(fileAt(root, base, inRepository(manifest)));
    const currentVersion = readVersion(readFileSync(manifest, 'utf8')) ?? '';
    for (const { entry, path, current } of reports) {
      const reportPath = inRepository(path);
      const failure = missingChangeset(
        {
          packageName,
          reportPath,
          public: entry.public,
          baseReport: fileAt(root, base, reportPath),
          currentReport: current,
          baseVersion,
          currentVersion,
        },
        named,
      );
      if (failure) failures.push(failure);
    }
  }
  return { packageName, reports: reports.map(({ path }) => relative(packageFolder, path)), failures };
}
