import { listOperations, type OpenApiDocument, type SpecOperation } from '@pingone-sdk/openapi';
import { compareLevels } from './change-level.js';
import { createChangeReport, report } from './change-report.js';
import { compareOperation } from './compare-operations.js';
import { asObject, type JsonObject } from './openapi-document.js';
import type { SpecChange } from './spec-change.js';

/** Operations by id: the id names the generated function, so a renamed id is a removed function. */
function operationsById(document: JsonObject): Map<string, SpecOperation> {
  return new Map(listOperations(document as OpenApiDocument).map((operation) => [operation.id, operation]));
}

function componentSchemaNames(document: JsonObject): Set<string> {
  return new Set(Object.keys(asObject(asObject(document.components).schemas)));
}

/**
 * Lists what changed between two bundled (and action-expanded) documents of one service, each change
 * with the version bump it calls for. Major first; an empty list means the documents are equal.
 *
 * - minor: an operation, optional parameter or field, enum value, union variant or named type added;
 *   a request accepting more (a wider type, a field no longer required).
 * - major: an operation removed or moved to another method or path; a parameter, request field or
 *   body newly required; a field, parameter, enum value or named type removed; a type changed or a
 *   request type narrowed; a response field made optional.
 * - patch: anything else that differs (descriptions, examples, constraints, error responses).
 */
export function classifySpecChanges(before: JsonObject, after: JsonObject): SpecChange[] {
  const target = createChangeReport(before, after);
  const oldOperations = operationsById(before);
  const newOperations = operationsById(after);
  for (const [id, operation] of oldOperations) {
    const counterpart = newOperations.get(id);
    if (counterpart === undefined) {
      report(
        target,
        'major',
        `operation ${id} removed (was ${operation.method.toUpperCase()} ${operation.path})`,
      );
    } else {
      compareOperation(target, operation, counterpart);
    }
  }
  for (const [id, operation] of newOperations) {
    if (!oldOperations.has(id)) {
      report(target, 'minor', `operation ${id} added (${operation.method.toUpperCase()} ${operation.path})`);
    }
  }
  // Every component schema is an exported type of the generated package.
  const oldNames = componentSchemaNames(before);
  const newNames = componentSchemaNames(after);
  for (const name of oldNames) if (!newNames.has(name)) report(target, 'major', `type ${name} removed`);
  for (const name of newNames) if (!oldNames.has(name)) report(target, 'minor', `type ${name} added`);
  if (target.changes.length === 0 && JSON.stringify(before) !== JSON.stringify(after)) {
    report(target, 'patch', 'descriptions or other details changed');
  }
  const unique = [...new Map(target.changes.map((change) => [change.message, change])).values()];
  // Array.prototype.sort is stable: within a level, changes keep the order they were found in.
  return unique.sort((left, right) => compareLevels(right.level, left.level));
}
