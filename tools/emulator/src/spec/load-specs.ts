import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenApiDocument } from '@pingone-sdk/openapi';

/** The package's specs/ directory; the same depth from src/spec/ (tests) and dist/spec/ (built). */
const packageSpecDirectory = fileURLToPath(new URL('../../specs/', import.meta.url));
const bundleScript = fileURLToPath(new URL('../../scripts/bundle-specs.mjs', import.meta.url));

/** Reads every bundled spec (`<service>.json`) of a directory, bundling them first when none exist. */
export function loadSpecs(directory: string = packageSpecDirectory): Map<string, OpenApiDocument> {
  if (directory === packageSpecDirectory && !hasBundles(directory) && existsSync(bundleScript)) {
    execFileSync(process.execPath, [bundleScript], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const specs = new Map<string, OpenApiDocument>();
  if (!existsSync(directory)) return specs;
  for (const file of readdirSync(directory)) {
    if (!file.endsWith('.json') || file.startsWith('.')) continue;
    const document = JSON.parse(readFileSync(join(directory, file), 'utf8')) as OpenApiDocument;
    specs.set(file.slice(0, -'.json'.length), document);
  }
  return specs;
}

function hasBundles(directory: string): boolean {
  return existsSync(directory) && readdirSync(directory).some((file) => file.endsWith('.json'));
}
