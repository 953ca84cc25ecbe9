/** This package's version, sent in the User-Agent. `pnpm version-packages` rewrites it (scripts/sync-version.mjs). */
export const version = '0.0.0';
