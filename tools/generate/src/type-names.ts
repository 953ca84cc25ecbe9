/**
 * Names of the standard library's global types (ECMAScript and the web platform) that a schema may
 * share. A generated type with one of these names would hide the global in every file importing it
 * (`Error` from a package is not the `Error` a `catch` block sees), so it gets a `Body` suffix instead:
 * the spec's `Error` schema becomes `ErrorBody`. Fixed here rather than read from `globalThis`, so the
 * output does not depend on the Node version that runs the generator.
 */
const globalTypeNames = new Set([
  'Array',
  'ArrayBuffer',
  'Blob',
  'Boolean',
  'DataView',
  'Date',
  'Error',
  'Event',
  'File',
  'FormData',
  'Function',
  'Headers',
  'Iterator',
  'Map',
  'Number',
  'Object',
  'Promise',
  'Proxy',
  'Record',
  'RegExp',
  'Request',
  'Response',
  'Set',
  'String',
  'Symbol',
  'URL',
  'WeakMap',
  'WeakSet',
]);

/** The generated type name of a schema. */
export function typeName(name: string): string {
  return globalTypeNames.has(name) ? `${name}Body` : name;
}
