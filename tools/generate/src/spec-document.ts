import { join } from 'node:path';
import { expandActions, type OpenApiDocument } from '@pingone-sdk/openapi';
import { bundleSpec } from '@pingone-sdk/openapi/bundle';
import { repositoryRoot } from './services.js';

/**
 * The document the generator feeds to hey-api for a service: the curated spec bundled into one
 * document, with every Content-Type action expanded into its own operation. Tests read it to know what
 * each generated function must send. `service` is a folder under spec/ (or a path relative to it).
 */
export async function loadServiceDocument(service: string): Promise<OpenApiDocument> {
  return expandActions(await bundleSpec(join(repositoryRoot, 'spec', service, 'openapi.yaml')));
}
