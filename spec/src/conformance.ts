import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isObject, listOperations, type OpenApiDocument } from '@pingone-sdk/openapi';
import { bundleSpec } from '@pingone-sdk/openapi/bundle';
import { parse } from 'yaml';

/** spec/ (this package's folder). */
export const specRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The repository root. */
export const repositoryRoot = resolve(specRoot, '..');
/** The shared reference folder, `../shared/reference` beside the repository unless overridden. */
export const referenceRoot = process.env.PINGONE_REFERENCE_DIR
  ? resolve(process.env.PINGONE_REFERENCE_DIR)
  : resolve(repositoryRoot, '..', 'shared', 'reference');

/** How one curated service is compared with the reference. */
export interface ServiceConformance {
  /** Folder under spec/, e.g. `management`. */
  service: string;
  /** Reference documents, relative to the reference folder; an operation may match any of them. */
  references: string[];
  /** Rewrites a reference path before comparison, e.g. to drop a `/v1` artefact. */
  normalizeReferencePath?: (path: string) => string;
}

/** One operation reduced to what the rules compare. */
export interface OperationFacts {
  method: string;
  path: string;
  /** Path with parameter names erased and any `#fragment` removed. */
  shape: string;
  operationId: string | undefined;
  externalDocsUrl: string | undefined;
  requiredPath: string[];
  requiredQuery: string[];
}

/** Erases parameter names and a trailing `#fragment` (used to tell same-URL operations apart). */
export function pathShape(path: string): string {
  return path
    .replace(/#.*$/, '')
    .replace(/\{[^}]*\}/g, '{}')
    .replace(/\/+$/, '');
}

/** Every operation of an OpenAPI document, with path-item parameters merged into it. */
export function operationsOf(
  document: OpenApiDocument,
  normalizePath: (path: string) => string = (p) => p,
): OperationFacts[] {
  return listOperations(document).map(({ method, pathKey, operation, parameters }) => {
    const path = normalizePath(pathKey);
    const required = (location: string) =>
      [...parameters.values()]
        .filter((p) => p.in === location && (p.required === true || location === 'path'))
        .map((p) => p.name)
        .sort();
    const externalDocs = isObject(operation.externalDocs) ? operation.externalDocs : undefined;
    return {
      method,
      path,
      shape: pathShape(path),
      operationId: typeof operation.operationId === 'string' ? operation.operationId : undefined,
      externalDocsUrl: typeof externalDocs?.url === 'string' ? externalDocs.url : undefined,
      requiredPath: required('path'),
      requiredQuery: required('query'),
    };
  });
}

/** Bundles a split curated spec into one JSON document, exactly as the generator reads it. */
export function bundleCurated(service: string): Promise<OpenApiDocument> {
  return bundleSpec(join(specRoot, service, 'openapi.yaml'));
}

/** Loads a reference document with a YAML 1.2 parser (the management reference contains TABs). */
export function loadReference(relativePath: string): OpenApiDocument {
  const file = join(referenceRoot, relativePath);
  return parse(readFileSync(file, 'utf8'), { maxAliasCount: -1 }) as OpenApiDocument;
}

export function referenceAvailable(config: ServiceConformance): boolean {
  return config.references.every((reference) => existsSync(join(referenceRoot, reference)));
}

function sameList(left: string[], right: string[]): boolean {
  return left.length === right.length && left.every((value, index) => value === right[index]);
}

function describeOperation(operation: OperationFacts): string {
  return `${operation.operationId ?? '(no operationId)'} ${operation.method.toUpperCase()} ${operation.path}`;
}

/**
 * Compares curated operations with reference operations and returns one readable line per problem
 * (an empty list means the service conforms). Path parameters are compared by position, not name: the
 * curated spec names them in camelCase with `Id` (`imageId` where the reference has `imgID`), and the
 * matching path shape already lines them up. Query parameters are compared by name, as sent on the wire.
 */
export function findConformanceProblems(curated: OperationFacts[], reference: OperationFacts[]): string[] {
  const byKey = new Map<string, OperationFacts[]>();
  for (const operation of reference) {
    const key = `${operation.method} ${operation.shape}`;
    byKey.set(key, [...(byKey.get(key) ?? []), operation]);
  }
  const problems: string[] = [];
  for (const operation of curated) {
    const candidates = byKey.get(`${operation.method} ${operation.shape}`) ?? [];
    if (candidates.length === 0) {
      if (!operation.externalDocsUrl) {
        problems.push(
          `${describeOperation(operation)}: no ${operation.method.toUpperCase()} ${operation.shape} in the reference and no externalDocs.url citing a source`,
        );
      }
      continue;
    }
    const curatedQuery = operation.requiredQuery;
    const agrees = candidates.some(
      (candidate) =>
        operation.requiredPath.length === candidate.requiredPath.length &&
        sameList(curatedQuery, candidate.requiredQuery),
    );
    if (!agrees) {
      const candidate = candidates[0] as OperationFacts;
      problems.push(
        `${describeOperation(operation)}: required parameters differ from the reference's ${candidate.operationId ?? candidate.path}` +
          ` (path: ours [${operation.requiredPath.join(', ')}] vs [${candidate.requiredPath.join(', ')}];` +
          ` query: ours [${curatedQuery.join(', ')}] vs [${candidate.requiredQuery.join(', ')}])`,
      );
    }
  }
  return problems;
}
