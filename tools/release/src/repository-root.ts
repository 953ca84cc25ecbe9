import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file's place in tools/release/src. */
export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
