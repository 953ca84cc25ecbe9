import { createRequire } from 'node:module';

/** The package's version, read from its package.json at run time. */
export const version: string = (createRequire(import.meta.url)('../package.json') as { version: string })
  .version;
