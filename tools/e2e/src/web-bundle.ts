/**
 * Bundles a smoke entry point for a runtime that cannot read node_modules (an edge worker, a browser)
 * with esbuild, from the consumer project's installed packages: what a user's worker or front-end
 * build does. No Node built-in may be left in it, and none is polyfilled.
 */
import * as path from 'node:path';
import { build } from 'esbuild';

/** Bundles `entry` (a file in `consumerFolder`) to `<entry>.bundle.js` beside it, for `conditions`; returns that file. */
export async function bundleForWeb(
  consumerFolder: string,
  entry: string,
  conditions: string[],
): Promise<string> {
  const file = path.join(consumerFolder, entry.replace(/\.mjs$/, '.bundle.js'));
  // platform 'browser': esbuild refuses to resolve a Node built-in instead of leaving it in.
  await build({
    entryPoints: [path.join(consumerFolder, entry)],
    absWorkingDir: consumerFolder,
    outfile: file,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions,
    target: 'es2022',
    logLevel: 'silent',
  });
  return file;
}
