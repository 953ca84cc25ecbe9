import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** What a user's module imports, written as the source of a module esbuild bundles. */
export interface Scenario {
  name: string;
  source: string;
}

export interface Measurement {
  name: string;
  minifiedBytes: number;
  gzippedBytes: number;
}

/** Bundles like an application bundler would: ESM, tree-shaken, minified, for any runtime. */
export async function measure(scenario: Scenario): Promise<Measurement> {
  const result = await build({
    stdin: { contents: scenario.source, resolveDir: import.meta.dirname, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return {
    name: scenario.name,
    minifiedBytes: code.byteLength,
    gzippedBytes: gzipSync(code, { level: 9 }).byteLength,
  };
}

/** The bundles the budgets talk about. `export` keeps what is imported alive, as a user's code would. */
export const scenarios = {
  oneOperationAlone: {
    name: 'getUser alone',
    source: `export { getUser } from '@pingone-sdk/management';`,
  },
  consumer: {
    name: 'createManagementClient + clientCredentials + getUser',
    source: `export { createManagementClient, getUser } from '@pingone-sdk/management';
export { clientCredentials } from '@pingone-sdk/core';`,
  },
  consumerPlusOne: {
    name: '… + listUsers',
    source: `export { createManagementClient, getUser, listUsers } from '@pingone-sdk/management';
export { clientCredentials } from '@pingone-sdk/core';`,
  },
  wholePackage: {
    name: 'whole @pingone-sdk/management + core',
    source: `export * from '@pingone-sdk/management';
export * from '@pingone-sdk/core';`,
  },
} satisfies Record<string, Scenario>;
