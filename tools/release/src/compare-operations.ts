import type { SpecOperation as Operation } from '@pingone-sdk/openapi';
import { type ChangeReport, report } from './change-report.js';
import { compareSchemas } from './compare-schemas.js';
import { asObject, isObject, type JsonObject, resolve } from './openapi-document.js';

function describeParameter(key: string): string {
  const [location, name] = key.split(':');
  return `${location} parameter ${name}`;
}

function compareParameters(target: ChangeReport, old: Operation, next: Operation): void {
  for (const [key, parameter] of old.parameters) {
    const counterpart = next.parameters.get(key);
    const what = `${describeParameter(key)} of ${old.id}`;
    if (counterpart === undefined) {
      report(target, 'major', `${what} removed`);
      continue;
    }
    if (parameter.required !== true && counterpart.required === true) {
      report(target, 'major', `${what} is now required`);
    } else if (parameter.required === true && counterpart.required !== true) {
      report(target, 'minor', `${what} is now optional`);
    }
    compareSchemas(
      target,
      'request',
      parameter.schema,
      counterpart.schema,
      `${old.id}.${key.replace(':', '.')}`,
    );
  }
  for (const [key, parameter] of next.parameters) {
    if (old.parameters.has(key)) continue;
    const what = `${describeParameter(key)} of ${next.id}`;
    if (parameter.required === true) report(target, 'major', `${what} added as required`);
    else report(target, 'minor', `${what} added`);
  }
}

/** Compares the schemas of two `content` maps media type by media type. */
function compareContent(
  target: ChangeReport,
  direction: 'request' | 'response',
  before: JsonObject,
  after: JsonObject,
  what: string,
  location: string,
): void {
  const old = asObject(before.content);
  const next = asObject(after.content);
  for (const [mediaType, media] of Object.entries(old)) {
    const counterpart = next[mediaType];
    if (!isObject(counterpart)) {
      report(
        target,
        'major',
        `${what} no longer ${direction === 'request' ? 'accepts' : 'returns'} ${mediaType}`,
      );
      continue;
    }
    compareSchemas(target, direction, asObject(media).schema, counterpart.schema, location);
  }
  for (const mediaType of Object.keys(next)) {
    if (!(mediaType in old)) {
      report(target, 'minor', `${what} now ${direction === 'request' ? 'accepts' : 'returns'} ${mediaType}`);
    }
  }
}

function compareRequestBodies(target: ChangeReport, old: Operation, next: Operation): void {
  const what = `request body of ${old.id}`;
  const hadBody = isObject(old.operation.requestBody);
  const hasBody = isObject(next.operation.requestBody);
  if (!hadBody && !hasBody) return;
  const before = resolve(target.before, old.operation.requestBody).value;
  const after = resolve(target.after, next.operation.requestBody).value;
  if (!hasBody) {
    report(target, 'major', `${what} removed`);
    return;
  }
  if (!hadBody) {
    report(
      target,
      after.required === true ? 'major' : 'minor',
      `${what} added${after.required === true ? ' as required' : ''}`,
    );
    return;
  }
  if (before.required !== true && after.required === true) report(target, 'major', `${what} is now required`);
  if (before.required === true && after.required !== true) report(target, 'minor', `${what} is now optional`);
  compareContent(target, 'request', before, after, what, `${old.id}.body`);
}

/** The success response the generated function resolves with: the lowest 2xx status. */
function successResponse(document: JsonObject, operation: JsonObject) {
  const statuses = Object.keys(asObject(operation.responses))
    .filter((status) => status.startsWith('2'))
    .sort();
  const status = statuses[0];
  if (status === undefined) return undefined;
  return { status, response: resolve(document, asObject(operation.responses)[status]).value };
}

function compareResponses(target: ChangeReport, old: Operation, next: Operation): void {
  const before = successResponse(target.before, old.operation);
  const after = successResponse(target.after, next.operation);
  const what = `response of ${old.id}`;
  if (before === undefined && after === undefined) return;
  if (before === undefined || after === undefined) {
    report(
      target,
      before === undefined ? 'minor' : 'major',
      `${what} ${before === undefined ? 'added' : 'removed'}`,
    );
    return;
  }
  if (before.status !== after.status)
    report(target, 'patch', `${what}: status ${before.status} → ${after.status}`);
  compareContent(target, 'response', before.response, after.response, what, `${old.id}.response`);
}

/** Reports what changed in one operation that exists in both documents under the same operationId. */
export function compareOperation(target: ChangeReport, old: Operation, next: Operation): void {
  const found = target.changes.length;
  if (old.method !== next.method || old.path !== next.path) {
    report(
      target,
      'major',
      `operation ${old.id} moved from ${old.method.toUpperCase()} ${old.path} to ${next.method.toUpperCase()} ${next.path}`,
    );
  }
  compareParameters(target, old, next);
  compareRequestBodies(target, old, next);
  compareResponses(target, old, next);
  const unchanged =
    JSON.stringify(old.operation) === JSON.stringify(next.operation) &&
    JSON.stringify([...old.parameters]) === JSON.stringify([...next.parameters]);
  // Summaries and descriptions end up in the generated JSDoc: still a release, but a patch.
  if (target.changes.length === found && !unchanged) {
    report(target, 'patch', `operation ${old.id}: documentation or details changed`);
  }
}
