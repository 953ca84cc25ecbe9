/**
 * Bundles a smoke entry point for a runtime that cannot read node_modules (an edge worker, a browser)
 * with esbuild, from the consumer project's installed packages: what a user's worker or front-end
 * build does. No Node built-in may be left in it, and none is polyfilled.
 */
import * as path from 'node:path';
import { build } from 'esbuild';

export interface WebBundle {
  file: string;
  bytes: number;
}

/** Bundles `entry` (a file in `consumerFolder`) to `<entry>.bundle.js` beside it, for `conditions`. */
export async function bundleForWeb(
  consumerFolder: string,
  entry: string,
  conditions: string[],
): Promise<WebBundle> {
  const file = path.join(consumerFolder, entry.replace(/\.mjs$/, '.bundle.js'));
  const result = await build({
    entryPoints: [path.join(consumerFolder, entry)],
    absWorkingDir: consumerFolder,
    outfile: file,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions,
    target: 'es2022',
    logLevel: 'silent',
    metafile: true,
  });
  const output = Object.values(result.metafile.outputs)[0];
  return { file, bytes: output?.bytes ?? 0 };
}
