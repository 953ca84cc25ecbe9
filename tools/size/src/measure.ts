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
  /** The entry chunk's code. */
  code: string;
  /** The code of the chunks loaded later, through `import()`. */
  lazyChunks: string[];
}

/**
 * Bundles like an application bundler would: ESM, tree-shaken, minified, for any runtime, with code
 * behind a dynamic `import()` split into chunks of its own. What is measured is the entry chunk: the code
 * that loads before the first call.
 */
export async function measure(scenario: Scenario): Promise<Measurement> {
  const result = await build({
    stdin: { contents: scenario.source, resolveDir: import.meta.dirname, loader: 'ts' },
    bundle: true,
    splitting: true,
    outdir: 'out',
    entryNames: 'entry',
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const entry = result.outputFiles.find((file) => file.path.endsWith('entry.js'));
  const code = entry?.contents ?? new Uint8Array();
  return {
    name: scenario.name,
    minifiedBytes: code.byteLength,
    gzippedBytes: gzipSync(code, { level: 9 }).byteLength,
    code: entry?.text ?? '',
    lazyChunks: result.outputFiles.filter((file) => file !== entry).map((file) => file.text),
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
  authSignIn: {
    name: 'auth: createAuthClient + PKCE sign-in functions',
    source: `export { buildAuthorizeUrl, createAuthClient, createPkce, exchangeAuthorizationCode } from '@pingone-sdk/auth';`,
  },
  authVerify: {
    name: 'auth: createAuthClient + verifyAccessToken',
    source: `export { createAuthClient, verifyAccessToken } from '@pingone-sdk/auth';`,
  },
  wholePackage: {
    name: 'whole @pingone-sdk/management + core',
    source: `export * from '@pingone-sdk/management';
export * from '@pingone-sdk/core';`,
  },
} satisfies Record<string, Scenario>;
