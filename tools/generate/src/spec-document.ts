import { join } from 'node:path';
import { bundleSpec } from './bundle-spec.js';
import { expandActions } from './expand-actions.js';
import { repositoryRoot } from './services.js';

/**
 * The document the generator feeds to hey-api for a service: the curated spec bundled into one
 * document, with every Content-Type action expanded into its own operation. Tests read it to know what
 * each generated function must send.
 */
export function loadServiceDocument(service: string): Record<string, unknown> {
  return expandActions(bundleSpec(join(repositoryRoot, 'spec', service, 'openapi.yaml')));
}
