import {
  FilterError,
  type FilterExpression,
  type FilterOperator,
  type FilterValue,
} from './filter-expression.js';

type Token =
  | { kind: 'open' | 'close'; at: number }
  | { kind: 'word'; text: string; at: number }
  | { kind: 'string'; text: string; at: number };

const operators = new Set<string>(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le', 'pr']);

/**
 * Parses a SCIM filter: `attribute op value` comparisons (`pr` takes no value) joined by `and`/`or`
 * (`and` binds tighter) and grouped by parentheses. Keywords are case-insensitive; strings are in
 * double quotes with `\"` and `\\` escapes. `not` and `[...]` value filters are refused.
 */
export function parseFilter(source: string): FilterExpression {
  const tokens = tokenize(source);
  let position = 0;

  const peek = (): Token | undefined => tokens[position];
  const fail = (message: string): never => {
    throw new FilterError(message);
  };

  const parseOr = (): FilterExpression => {
    let left = parseAnd();
    while (isKeyword(peek(), 'or')) {
      position++;
      left = { type: 'or', left, right: parseAnd() };
    }
    return left;
  };

  const parseAnd = (): FilterExpression => {
    let left = parseFactor();
    while (isKeyword(peek(), 'and')) {
      position++;
      left = { type: 'and', left, right: parseFactor() };
    }
    return left;
  };

  const parseFactor = (): FilterExpression => {
    const token = peek();
    if (!token) return fail('The filter ends where a comparison was expected.');
    if (token.kind === 'open') {
      position++;
      const inner = parseOr();
      if (peek()?.kind !== 'close')
        fail(`A closing parenthesis is missing for the one at position ${token.at + 1}.`);
      position++;
      return inner;
    }
    if (token.kind !== 'word') return fail(`Unexpected ${describe(token)} at position ${token.at + 1}.`);
    if (token.text.toLowerCase() === 'not') return fail('The not operator is not supported.');
    if (!/^[A-Za-z_][\w.$:-]*$/.test(token.text)) fail(`"${token.text}" is not an attribute name.`);
    position++;
    const operatorToken = peek();
    if (operatorToken?.kind !== 'word' || !operators.has(operatorToken.text.toLowerCase())) {
      return fail(`An operator (eq, sw, ew, co, …) is expected after ${token.text}.`);
    }
    position++;
    const operator = operatorToken.text.toLowerCase() as FilterOperator;
    if (operator === 'pr') return { type: 'comparison', attribute: token.text, operator, value: null };
    return { type: 'comparison', attribute: token.text, operator, value: parseValue() };
  };

  const parseValue = (): FilterValue => {
    const token = peek();
    if (!token) return fail('The filter ends where a value was expected.');
    position++;
    if (token.kind === 'string') return token.text;
    if (token.kind === 'word') {
      const lower = token.text.toLowerCase();
      if (lower === 'true' || lower === 'false') return lower === 'true';
      if (lower === 'null') return null;
      if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(token.text)) return Number(token.text);
      return fail(`The value ${token.text} must be a quoted string, a number, true, false or null.`);
    }
    return fail(`Unexpected ${describe(token)} at position ${token.at + 1}.`);
  };

  const expression = parseOr();
  const rest = peek();
  if (rest) fail(`Unexpected ${describe(rest)} at position ${rest.at + 1}.`);
  return expression;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const character = source[index] ?? '';
    if (/\s/.test(character)) {
      index++;
    } else if (character === '(' || character === ')') {
      tokens.push({ kind: character === '(' ? 'open' : 'close', at: index });
      index++;
    } else if (character === '"') {
      const start = index;
      let text = '';
      index++;
      for (;;) {
        const next = source[index];
        if (next === undefined)
          throw new FilterError(`The string starting at position ${start + 1} is not closed.`);
        index++;
        if (next === '"') break;
        if (next === '\\') {
          const escaped = source[index];
          if (escaped === undefined)
            throw new FilterError(`The string starting at position ${start + 1} is not closed.`);
          text += escaped;
          index++;
        } else {
          text += next;
        }
      }
      tokens.push({ kind: 'string', text, at: start });
    } else if (character === '[' || character === ']') {
      throw new FilterError('Complex attribute filters ([...]) are not supported by the emulator.');
    } else {
      const start = index;
      while (index < source.length && !/[\s()"[\]]/.test(source[index] ?? '')) index++;
      tokens.push({ kind: 'word', text: source.slice(start, index), at: start });
    }
  }
  return tokens;
}

function isKeyword(token: Token | undefined, keyword: string): boolean {
  return token?.kind === 'word' && token.text.toLowerCase() === keyword;
}

function describe(token: Token): string {
  if (token.kind === 'string') return `string "${token.text}"`;
  if (token.kind === 'word') return `"${token.text}"`;
  return token.kind === 'open' ? '"("' : '")"';
}
