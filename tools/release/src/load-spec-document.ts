import { join, relative } from 'node:path';
import { loadServiceDocument } from '@pingone-sdk/generate/spec-document';
import type { JsonObject } from './openapi-document.js';
import { repositoryRoot } from './repository-root.js';

/** Reads the split spec in a folder (the one holding openapi.yaml) into one document. */
export type SpecLoader = (specFolder: string) => JsonObject | Promise<JsonObject>;

/**
 * Loads a spec exactly as the generator does (bundled, then actions expanded), so that operation
 * names match the generated functions. `loadServiceDocument(service)` reads spec/<service>/openapi.yaml;
 * a path relative to spec/ lets it read any folder, such as the spec extracted from a release tag into
 * a temporary directory.
 */
export const loadSpecDocument: SpecLoader = (specFolder) =>
  loadServiceDocument(relative(join(repositoryRoot, 'spec'), specFolder));
