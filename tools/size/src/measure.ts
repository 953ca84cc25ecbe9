import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** What a user's module imports, written as the source of a module esbuild bundles. */
export interface Scenario {
  name: string;
  source: string;
  /**
   * esbuild's platform. `neutral` (the default) resolves only what runs everywhere; the anchors are built
   * for `browser`, since auth0 imports Node built-ins that only a browser build's `browser` field replaces.
   */
  platform?: 'neutral' | 'browser';
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
 * behind a dynamic `import()` split into chunks of its own. What is measured is the code that loads
 * before the first call: the entry chunk and every chunk it imports statically (code shared with a lazy
 * chunk is split out of the entry, but still loads with it).
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
    platform: scenario.platform ?? 'neutral',
    ...(scenario.platform === 'browser' ? {} : { mainFields: ['module', 'main'] }),
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  // Output paths as the metafile names them (relative to the working directory) of what loads up front.
  const outputs = result.metafile.outputs;
  const upFront = new Set<string>();
  const visit = (path: string) => {
    if (upFront.has(path)) return;
    upFront.add(path);
    for (const imported of outputs[path]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  const entryPath = Object.keys(outputs).find((path) => path.endsWith('entry.js'));
  if (entryPath) visit(entryPath);
  const loadsUpFront = (file: { path: string }) =>
    [...upFront].some((path) => file.path.endsWith(path.replace(/^.*?out\//, '/out/')));
  const entry = result.outputFiles.find((file) => file.path.endsWith('entry.js'));
  const eager = [entry, ...result.outputFiles.filter((file) => file !== entry && loadsUpFront(file))];
  const code = eager.map((file) => file?.text ?? '').join('\n');
  const bytes = new TextEncoder().encode(code);
  return {
    name: scenario.name,
    minifiedBytes: bytes.byteLength,
    gzippedBytes: gzipSync(bytes, { level: 9 }).byteLength,
    code,
    lazyChunks: result.outputFiles.filter((file) => !eager.includes(file)).map((file) => file.text),
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
  auth0: {
    name: 'anchor: auth0 v7 ManagementClient reading a user',
    source: `import { ManagementClient } from 'auth0';
export const readUser = (id: string) =>
  new ManagementClient({ domain: 'example.eu.auth0.com', clientId: 'id', clientSecret: 'secret' }).users.get(id);`,
    platform: 'browser',
  },
  octokit: {
    name: 'anchor: @octokit/core + auth-app, one request',
    source: `import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/core';
export const readRepository = (privateKey: string) =>
  new Octokit({ authStrategy: createAppAuth, auth: { appId: 1, privateKey, installationId: 2 } }).request(
    'GET /repos/{owner}/{repo}',
    { owner: 'octocat', repo: 'hello-world' },
  );`,
    platform: 'browser',
  },
  wholePackage: {
    name: 'whole @pingone-sdk/management + core',
    source: `export * from '@pingone-sdk/management';
export * from '@pingone-sdk/core';`,
  },
} satisfies Record<string, Scenario>;

/**
 * The service packages that run on the management client, and the call a user of each makes first.
 * Each bundle is createManagementClient + clientCredentials + that call, so it is budgeted like the
 * consumer bundle: a service package must cost no more than management does.
 */
export const serviceFirstCalls = {
  mfa: 'createFido2Policy',
  authorize: 'evaluateDecision',
  protect: 'createRiskEvaluation',
  verify: 'createUserVerifyTransaction',
  credentials: 'createUserCredential',
  davinci: 'deployDaVinciFlow',
} as const;

export type ServicePackage = keyof typeof serviceFirstCalls;

/** The first-call bundle of a service package, and the whole package for the tree-shaking check. */
export function serviceScenarios(service: ServicePackage): { firstCall: Scenario; wholePackage: Scenario } {
  const operation = serviceFirstCalls[service];
  return {
    firstCall: {
      name: `@pingone-sdk/${service}: createManagementClient + clientCredentials + ${operation}`,
      source: `export { createManagementClient } from '@pingone-sdk/management';
export { ${operation} } from '@pingone-sdk/${service}';
export { clientCredentials } from '@pingone-sdk/core';`,
    },
    wholePackage: {
      name: `whole @pingone-sdk/${service} + createManagementClient + core`,
      source: `export * from '@pingone-sdk/${service}';
export { createManagementClient } from '@pingone-sdk/management';
export * from '@pingone-sdk/core';`,
    },
  };
}
