#!/usr/bin/env node
// Bundles every curated spec (spec/<service>/openapi.yaml) into one JSON document per service at
// tools/emulator/specs/<service>.json, which the emulator reads at start. Run by `build`, by the
// test setup and by the `emulator` script, so the emulator always serves the spec as it is now.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const specRoot = join(here, '..', '..', '..', 'spec');
const outputDirectory = join(here, '..', 'specs');

/** Bundles each service; resolves to the names that failed (their previous bundle, if any, is kept). */
export async function bundleSpecs({ quiet = false } = {}) {
  if (!existsSync(specRoot)) return []; // a published copy ships its bundles and has no spec/ to read
  // Only a workspace checkout bundles, so the bundler stays a development dependency.
  const { bundleSpec } = await import('@pingone-sdk/openapi/bundle');
  mkdirSync(outputDirectory, { recursive: true });
  const failures = [];
  for (const service of readdirSync(specRoot)) {
    const root = join(specRoot, service, 'openapi.yaml');
    if (!existsSync(root)) continue;
    const target = join(outputDirectory, `${service}.json`);
    // Written beside the target and renamed, so a running emulator never reads half a file.
    const temporary = join(outputDirectory, `.${service}.${process.pid}.json`);
    try {
      writeFileSync(temporary, JSON.stringify(await bundleSpec(root)));
      renameSync(temporary, target);
    } catch (error) {
      rmSync(temporary, { force: true });
      failures.push(service);
      const output = quiet ? '' : String(error?.message ?? error);
      process.stderr.write(
        `bundle-specs: could not bundle spec/${service}; keeping the previous bundle\n${output}\n`,
      );
    }
  }
  return failures;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await bundleSpecs();
}
