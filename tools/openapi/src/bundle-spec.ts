import { bundle, createConfig, type Plugin } from '@redocly/openapi-core';
import type { OpenApiDocument } from './openapi-types.js';

/** Options of {@link bundleSpec}. */
export interface BundleOptions {
  /**
   * Inline every `$ref` instead of gathering named parts under `components`. The result may then
   * hold shared objects (a schema used twice is one object), and recursive schemas stay references.
   * @default false
   * @example bundleSpec('spec/management/openapi.yaml', { dereference: true })
   */
  dereference?: boolean;
}

/**
 * Redocly resolves `$ref`s only in nodes it knows the type of, and an extension is untyped. This
 * teaches it that a media type's `x-pingone-action` may carry `responses` (an action whose answer
 * differs from its operation's), so their relative file references are bundled like any others.
 */
const actionResponses: Plugin = {
  id: 'pingone-action-responses',
  typeExtension: {
    oas3(types) {
      const mediaType = types.MediaType ?? { properties: {} };
      return {
        ...types,
        PingOneAction: { properties: { responses: 'Responses' }, additionalProperties: {} },
        MediaType: {
          ...mediaType,
          properties: { ...mediaType.properties, 'x-pingone-action': 'PingOneAction' },
        },
      };
    },
  },
};

/**
 * Resolves a split spec (a root document whose `$ref`s point at files beside it) into one document.
 * Schemas the root names in `components` keep those names, which is what names generated types;
 * a reference that cannot be resolved fails here rather than in whoever reads the result.
 */
export async function bundleSpec(
  rootDocument: string,
  options: BundleOptions = {},
): Promise<OpenApiDocument> {
  const config = await createConfig({}, { plugins: [actionResponses] });
  const result = await bundle({
    ref: rootDocument,
    config,
    dereference: options.dereference ?? false,
    removeUnusedComponents: false,
  });
  // The bundler reports what it could not resolve as errors and leaves the `$ref` in place.
  const unresolved = result.problems.filter((problem) => problem.severity === 'error');
  if (unresolved.length > 0) {
    const where = unresolved.map(
      (problem) => `${problem.location[0]?.source.absoluteRef}: ${problem.message}`,
    );
    throw new Error(`Cannot bundle ${rootDocument}:\n${where.join('\n')}`);
  }
  return result.bundle.parsed as OpenApiDocument;
}
