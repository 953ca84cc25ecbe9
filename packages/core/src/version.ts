/** This package's version, sent in the User-Agent. Kept equal to package.json by version.test.ts. */
export const version = '0.0.0';
