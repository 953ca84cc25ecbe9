/**
 * The public surface of @pingone-sdk/openapi, written the way the repository's tools use it.
 * Never run: tools/release type-checks it against the build, and the copy from the last release tag
 * must still compile against the next build, or the release is major.
 */
import {
  type CollectionExtension,
  expandActions,
  follow,
  isObject,
  listActions,
  listOperations,
  type OpenApiDocument,
  type RequestAction,
  readPointer,
  referenceName,
  resolveReference,
  type SpecOperation,
} from '@pingone-sdk/openapi';

export function readSpec(document: OpenApiDocument): string[] {
  const operations: SpecOperation[] = listOperations(expandActions(document));
  const names: string[] = [];
  for (const { id, method, path, pathKey, operation, parameters } of operations) {
    const actions: RequestAction[] = listActions(document, operation);
    const collection: CollectionExtension | undefined = operation['x-pingone-collection'];
    names.push(id, method, path, pathKey, String(parameters.size), String(actions.length));
    names.push(...(collection?.unique ?? []), String(collection?.maximumCount ?? ''));
  }
  const schema = follow(document, { $ref: '#/components/schemas/User' });
  names.push(referenceName(schema.reference) ?? '', String(isObject(readPointer(document, '/paths'))));
  names.push(String(isObject(resolveReference(document, { $ref: '#/info' }))));
  return names;
}
