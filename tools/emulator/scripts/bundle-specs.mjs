#!/usr/bin/env node
// Bundles every curated spec (spec/<service>/openapi.yaml) into one JSON document per service at
// tools/emulator/specs/<service>.json, which the emulator reads at start. Run by `build`, by the
// test setup and by the `emulator` script, so the emulator always serves the spec as it is now.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const specRoot = join(here, '..', '..', '..', 'spec');
const outputDirectory = join(here, '..', 'specs');

/** Bundles each service; returns the names that failed (their previous bundle, if any, is kept). */
export function bundleSpecs({ quiet = false } = {}) {
  if (!existsSync(specRoot)) return []; // a published copy ships its bundles and has no spec/ to read
  const require = createRequire(import.meta.url);
  const redocly = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
  mkdirSync(outputDirectory, { recursive: true });
  const failures = [];
  for (const service of readdirSync(specRoot)) {
    const root = join(specRoot, service, 'openapi.yaml');
    if (!existsSync(root)) continue;
    const target = join(outputDirectory, `${service}.json`);
    // Written beside the target and renamed, so a running emulator never reads half a file.
    const temporary = join(outputDirectory, `.${service}.${process.pid}.json`);
    try {
      execFileSync(process.execPath, [redocly, 'bundle', root, '--output', temporary, '--ext', 'json'], {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      });
      renameSync(temporary, target);
    } catch (error) {
      rmSync(temporary, { force: true });
      failures.push(service);
      const output = quiet ? '' : String(error?.stderr ?? '');
      process.stderr.write(
        `bundle-specs: could not bundle spec/${service}; keeping the previous bundle\n${output}`,
      );
    }
  }
  return failures;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  bundleSpecs();
}
