import type { FilterOperator } from '@pingone-sdk/openapi';

/** Comparison operators of SCIM filters (RFC 7644 §3.4.2.2); which ones a list accepts is in its spec. */
export type { FilterOperator };

export type FilterValue = string | number | boolean | null;

/** A parsed filter: comparisons joined by `and` / `or` (parentheses only shape the tree). */
export type FilterExpression =
  | { type: 'comparison'; attribute: string; operator: FilterOperator; value: FilterValue }
  | { type: 'and' | 'or'; left: FilterExpression; right: FilterExpression };

/** A filter PingOne would refuse: a syntax error, or an attribute or operator the list does not support. */
export class FilterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FilterError';
  }
}
