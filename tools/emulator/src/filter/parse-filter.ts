import { type Filter, parse } from 'scim2-parse-filter';
import { FilterError, type FilterExpression } from './filter-expression.js';

/**
 * Parses a SCIM filter with `scim2-parse-filter` (RFC 7644 §3.4.2.2: every operator PingOne uses,
 * `and` binding tighter than `or`, parentheses, dotted attribute paths, escaped strings), then keeps
 * what PingOne's lists accept: comparisons joined by `and`/`or`. `not (...)` and `attr[...]` value
 * filters parse but are refused here, as PingOne refuses them on the lists the emulator serves.
 * Literals are JSON's: `true`, `false` and `null` in lower case.
 */
export function parseFilter(source: string): FilterExpression {
  let parsed: Filter;
  try {
    parsed = parse(source);
  } catch (error) {
    throw new FilterError(`The filter is not valid SCIM (${(error as Error).message.trim()}).`);
  }
  return toExpression(parsed);
}

function toExpression(filter: Filter): FilterExpression {
  switch (filter.op) {
    case 'and':
    case 'or': {
      const [first, ...rest] = (filter as { filters: Filter[] }).filters.map(toExpression);
      if (!first) throw new FilterError(`An empty ${filter.op} is not a filter.`);
      const type = filter.op;
      return rest.reduce<FilterExpression>((left, right) => ({ type, left, right }), first);
    }
    case 'not':
      throw new FilterError('The not operator is not supported in this filter.');
    case '[]':
      throw new FilterError(
        `Value filters (${(filter as { attrPath: string }).attrPath}[...]) are not supported here.`,
      );
    case 'pr':
      return {
        type: 'comparison',
        attribute: (filter as { attrPath: string }).attrPath,
        operator: 'pr',
        value: null,
      };
    default: {
      const { attrPath, compValue } = filter as {
        attrPath: string;
        compValue: boolean | null | number | string;
      };
      return { type: 'comparison', attribute: attrPath, operator: filter.op as 'eq', value: compValue };
    }
  }
}
