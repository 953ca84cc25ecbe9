import { type ChangeReport, report } from './change-report.js';
import { isObject, type JsonObject, resolve, schemaName } from './openapi-document.js';

/**
 * Which way data flows decides what breaks. A request schema may accept more than before but not
 * less; a response schema may promise more than before but not less. Either way, any change that can
 * stop code written against the previous release from compiling is major.
 */
export type Direction = 'request' | 'response';

interface FlatSchema {
  schema: JsonObject;
  reference?: string;
}

/** Merges `allOf` members into one schema, so `allOf: [Base, {properties}]` compares like one object. */
function flatten(document: JsonObject, value: unknown, depth = 0): FlatSchema {
  const { value: schema, reference } = resolve(document, value);
  const named = reference === undefined ? {} : { reference };
  if (!Array.isArray(schema.allOf) || depth > 16) return { schema, ...named };
  const { allOf, ...own } = schema;
  const merged: JsonObject = {};
  const properties: JsonObject = {};
  const required = new Set<string>();
  for (const part of [...allOf.map((member) => flatten(document, member, depth + 1).schema), own]) {
    for (const [key, entry] of Object.entries(part)) {
      if (key === 'properties' && isObject(entry)) Object.assign(properties, entry);
      else if (key === 'required' && Array.isArray(entry))
        for (const name of entry) required.add(String(name));
      else merged[key] = entry;
    }
  }
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.size > 0) merged.required = [...required];
  return { schema: merged, ...named };
}

/** The JSON types a schema allows; undefined means any. `nullable` (3.0 style) adds `null`. */
function typesOf(schema: JsonObject): Set<string> | undefined {
  let types: string[] | undefined;
  if (typeof schema.type === 'string') types = [schema.type];
  else if (Array.isArray(schema.type)) types = schema.type.map(String);
  else if (isObject(schema.properties)) types = ['object'];
  else if (isObject(schema.items)) types = ['array'];
  if (types === undefined) return undefined;
  if (schema.nullable === true) types.push('null');
  return new Set(types);
}

function allowsType(types: Set<string> | undefined, type: string): boolean {
  return types === undefined || types.has(type) || (type === 'integer' && types.has('number'));
}

/** True when every value `inner` allows is also allowed by `outer`. */
function typesWithin(inner: Set<string> | undefined, outer: Set<string> | undefined): boolean {
  if (outer === undefined) return true;
  if (inner === undefined) return false;
  return [...inner].every((type) => allowsType(outer, type));
}

function showTypes(types: Set<string> | undefined): string {
  return types === undefined ? 'any' : [...types].sort().join(' | ');
}

function sameTypes(left: Set<string> | undefined, right: Set<string> | undefined): boolean {
  return showTypes(left) === showTypes(right);
}

function enumOf(schema: JsonObject): string[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value));
  if ('const' in schema) return [JSON.stringify(schema.const)];
  return undefined;
}

function isHidden(property: unknown, document: JsonObject, direction: Direction): boolean {
  // readOnly fields are never sent and writeOnly fields never returned, so hey-api leaves them out of
  // the request (`…Writable`) or response type; they cannot break callers on that side.
  const flag = direction === 'request' ? 'readOnly' : 'writeOnly';
  return (isObject(property) && property[flag] === true) || resolve(document, property).value[flag] === true;
}

function visibleProperties(document: JsonObject, schema: JsonObject, direction: Direction) {
  const properties = isObject(schema.properties) ? schema.properties : {};
  return new Map(
    Object.entries(properties).filter(([, property]) => !isHidden(property, document, direction)),
  );
}

function requiredOf(schema: JsonObject): Set<string> {
  return new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
}

function variantsOf(document: JsonObject, schema: JsonObject): Map<string, unknown> | undefined {
  const list = Array.isArray(schema.oneOf)
    ? schema.oneOf
    : Array.isArray(schema.anyOf)
      ? schema.anyOf
      : undefined;
  if (list === undefined) return undefined;
  // Named variants match by name, inline ones by position.
  return new Map(
    list.map((variant, index) => [
      schemaName(resolve(document, variant).reference) ?? `#${index + 1}`,
      variant,
    ]),
  );
}

class SchemaComparer {
  constructor(
    private readonly target: ChangeReport,
    private readonly direction: Direction,
  ) {}

  compare(before: unknown, after: unknown, location: string): void {
    const old = flatten(this.target.before, before);
    const next = flatten(this.target.after, after);
    if (old.reference !== undefined && next.reference !== undefined) {
      const key = `${this.direction} ${old.reference} ${next.reference}`;
      if (this.target.compared.has(key)) return;
      this.target.compared.add(key);
      // A named schema is an exported type: report its changes under its own name.
      if (old.reference === next.reference) location = schemaName(next.reference) ?? location;
    }
    this.compareTypes(old.schema, next.schema, location);
    this.compareEnums(old.schema, next.schema, location);
    this.compareProperties(old.schema, next.schema, location);
    this.compareVariants(old.schema, next.schema, location);
    if (old.schema.items !== undefined && next.schema.items !== undefined) {
      this.compare(old.schema.items, next.schema.items, `${location}[]`);
    }
    if (isObject(old.schema.additionalProperties) && isObject(next.schema.additionalProperties)) {
      this.compare(old.schema.additionalProperties, next.schema.additionalProperties, `${location}[key]`);
    }
  }

  private compareTypes(old: JsonObject, next: JsonObject, location: string): void {
    const before = typesOf(old);
    const after = typesOf(next);
    if (sameTypes(before, after)) return;
    const change = `${showTypes(before)} → ${showTypes(after)}`;
    if (this.direction === 'request' && typesWithin(before, after)) {
      report(this.target, 'minor', `request ${location} accepts more types: ${change}`);
    } else {
      report(this.target, 'major', `${this.direction} ${location} type changed: ${change}`);
    }
  }

  private compareEnums(old: JsonObject, next: JsonObject, location: string): void {
    const before = enumOf(old);
    const after = enumOf(next);
    const side = `${this.direction} ${location}`;
    if (before === undefined && after === undefined) return;
    if (before === undefined) {
      // A free value narrowed to a list: requests lose values; responses become a literal union
      // against which comparisons with other strings stop compiling.
      report(this.target, 'major', `${side} narrowed to the values ${(after ?? []).join(', ')}`);
      return;
    }
    if (after === undefined) {
      const level = this.direction === 'request' ? 'minor' : 'major';
      report(this.target, level, `${side} no longer limited to ${before.join(', ')}`);
      return;
    }
    const removed = before.filter((value) => !after.includes(value));
    const added = after.filter((value) => !before.includes(value));
    // Removing a value breaks both sides (a caller's literal or comparison no longer type-checks).
    if (removed.length > 0)
      report(this.target, 'major', `${side} enum values removed: ${removed.join(', ')}`);
    // Response enums are open for extension: PingOne adds values, and callers must tolerate unknown
    // ones; a new value is a feature (minor), as it is for requests.
    if (added.length > 0) report(this.target, 'minor', `${side} enum values added: ${added.join(', ')}`);
  }

  private compareProperties(old: JsonObject, next: JsonObject, location: string): void {
    const before = visibleProperties(this.target.before, old, this.direction);
    const after = visibleProperties(this.target.after, next, this.direction);
    if (before.size === 0 && after.size === 0) return;
    const beforeRequired = requiredOf(old);
    const afterRequired = requiredOf(next);
    const side = this.direction;
    for (const [name, property] of before) {
      const field = `${location}.${name}`;
      const counterpart = after.get(name);
      if (counterpart === undefined) {
        report(this.target, 'major', `${side} field ${field} removed`);
        continue;
      }
      const wasRequired = beforeRequired.has(name);
      const isRequired = afterRequired.has(name);
      if (!wasRequired && isRequired) {
        // Callers must now send it (major); readers can now rely on it (minor).
        report(this.target, side === 'request' ? 'major' : 'minor', `${side} field ${field} is now required`);
      } else if (wasRequired && !isRequired) {
        // Readers can no longer rely on it (major); callers may now leave it out (minor).
        report(this.target, side === 'request' ? 'minor' : 'major', `${side} field ${field} is now optional`);
      }
      this.compare(property, counterpart, field);
    }
    for (const name of after.keys()) {
      if (before.has(name)) continue;
      const field = `${location}.${name}`;
      if (side === 'request' && afterRequired.has(name)) {
        report(this.target, 'major', `request field ${field} added as required`);
      } else {
        report(this.target, 'minor', `${side} field ${field} added`);
      }
    }
  }

  private compareVariants(old: JsonObject, next: JsonObject, location: string): void {
    const before = variantsOf(this.target.before, old);
    const after = variantsOf(this.target.after, next);
    if (before === undefined && after === undefined) return;
    if (before === undefined || after === undefined) {
      report(
        this.target,
        'major',
        `${this.direction} ${location} changed between a union and a single shape`,
      );
      return;
    }
    for (const [name, variant] of before) {
      const counterpart = after.get(name);
      if (counterpart === undefined)
        report(this.target, 'major', `${this.direction} ${location} variant ${name} removed`);
      else this.compare(variant, counterpart, `${location}<${name}>`);
    }
    // Like an enum value: a new variant is a feature on either side.
    for (const name of after.keys()) {
      if (!before.has(name))
        report(this.target, 'minor', `${this.direction} ${location} variant ${name} added`);
    }
  }
}

/** Reports every difference between two schemas that changes what a caller of the SDK may write. */
export function compareSchemas(
  target: ChangeReport,
  direction: Direction,
  before: unknown,
  after: unknown,
  location: string,
): void {
  new SchemaComparer(target, direction).compare(before, after, location);
}
