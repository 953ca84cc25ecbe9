const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * Makes `JSON.stringify` and Node's `util.inspect` show only a label for an object that holds secrets
 * in its closure. Works without importing node:util, so it stays runtime-neutral.
 */
export function concealFromInspection<T extends object>(target: T, label: string): T {
  const describe = () => `[${label}]`;
  Object.defineProperties(target, {
    toJSON: { value: describe, enumerable: false },
    [inspectSymbol]: { value: describe, enumerable: false },
  });
  return target;
}
