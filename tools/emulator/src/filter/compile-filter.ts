import {
  FilterError,
  type FilterExpression,
  type FilterOperator,
  type FilterValue,
} from './filter-expression.js';

export type Predicate = (resource: Record<string, unknown>) => boolean;

/** What a list whose spec names no `x-pingone-collection` filters accepts, on any attribute. */
export const defaultFilterOperators: readonly FilterOperator[] = ['eq', 'sw'];

/**
 * Checks a parsed filter against what the list supports and turns it into a predicate.
 * `supported` maps attribute paths to operators; attribute names match case-insensitively, as in
 * SCIM. Without `supported`, any attribute accepts `fallbackOperators`. String comparisons ignore case.
 */
export function compileFilter(
  expression: FilterExpression,
  supported: Readonly<Record<string, readonly FilterOperator[]>> | undefined,
  fallbackOperators: readonly FilterOperator[] = defaultFilterOperators,
): Predicate {
  const byLowerCase = new Map<string, [string, readonly FilterOperator[]]>();
  for (const [attribute, operators] of Object.entries(supported ?? {})) {
    byLowerCase.set(attribute.toLowerCase(), [attribute, operators]);
  }

  const compile = (node: FilterExpression): Predicate => {
    if (node.type !== 'comparison') {
      const left = compile(node.left);
      const right = compile(node.right);
      return node.type === 'and'
        ? (resource) => left(resource) && right(resource)
        : (resource) => left(resource) || right(resource);
    }
    let path = node.attribute;
    let operators = fallbackOperators;
    if (supported) {
      const entry = byLowerCase.get(node.attribute.toLowerCase());
      if (!entry) {
        throw new FilterError(
          `Filtering on ${node.attribute} is not supported; supported attributes: ${Object.keys(supported).join(', ')}.`,
        );
      }
      [path, operators] = entry;
    }
    if (!operators.includes(node.operator)) {
      throw new FilterError(
        `The ${node.operator} operator is not supported on ${node.attribute}; supported: ${operators.join(', ')}.`,
      );
    }
    const parts = path.split('.');
    const test = comparison(node.operator, node.value);
    return (resource) => valuesAt(resource, parts).some(test);
  };

  return compile(expression);
}

/** Values at a dotted path; arrays on the way fan out, as SCIM multi-valued attributes do. */
function valuesAt(resource: unknown, parts: readonly string[]): unknown[] {
  let current: unknown[] = [resource];
  for (const part of parts) {
    const next: unknown[] = [];
    for (const value of current) {
      if (Array.isArray(value)) {
        for (const entry of value) pushProperty(next, entry, part);
      } else {
        pushProperty(next, value, part);
      }
    }
    current = next;
  }
  return current.flatMap((value) => (Array.isArray(value) ? value : [value]));
}

function pushProperty(target: unknown[], value: unknown, part: string): void {
  if (typeof value === 'object' && value !== null) {
    const property = (value as Record<string, unknown>)[part];
    if (property !== undefined) target.push(property);
  }
}

function comparison(operator: FilterOperator, expected: FilterValue): (actual: unknown) => boolean {
  const lowerExpected = typeof expected === 'string' ? expected.toLowerCase() : undefined;
  const lower = (actual: unknown) => (typeof actual === 'string' ? actual.toLowerCase() : undefined);
  switch (operator) {
    case 'eq':
      return (actual) =>
        lowerExpected !== undefined ? lower(actual) === lowerExpected : actual === expected;
    case 'ne':
      return (actual) =>
        lowerExpected !== undefined ? lower(actual) !== lowerExpected : actual !== expected;
    case 'co':
      return (actual) => lowerExpected !== undefined && (lower(actual)?.includes(lowerExpected) ?? false);
    case 'sw':
      return (actual) => lowerExpected !== undefined && (lower(actual)?.startsWith(lowerExpected) ?? false);
    case 'ew':
      return (actual) => lowerExpected !== undefined && (lower(actual)?.endsWith(lowerExpected) ?? false);
    case 'pr':
      return (actual) => actual !== null && actual !== undefined;
    default:
      return (actual) => order(operator, actual, expected);
  }
}

function order(operator: FilterOperator, actual: unknown, expected: FilterValue): boolean {
  if (typeof actual !== typeof expected || (typeof actual !== 'string' && typeof actual !== 'number'))
    return false;
  const left = actual as string | number;
  const right = expected as string | number;
  if (operator === 'gt') return left > right;
  if (operator === 'ge') return left >= right;
  if (operator === 'lt') return left < right;
  return left <= right;
}
