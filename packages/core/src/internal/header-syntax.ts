import { InvalidArgumentError } from '../errors.js';

// RFC 9110: a field name is a token; a value may hold neither line breaks nor NUL (they would split the header).
const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const forbiddenInValue = /[\0\r\n]/;

/** Refuses a header fetch would reject, naming it, before anything is sent; returns the value. */
export function checkHeader(name: string, value: unknown): string {
  if (!token.test(name)) {
    throw new InvalidArgumentError(
      `headers[${JSON.stringify(name)}]`,
      'a header name made of token characters',
    );
  }
  if (typeof value !== 'string' || forbiddenInValue.test(value)) {
    throw new InvalidArgumentError(`headers.${name}`, 'a string without line breaks or NUL characters');
  }
  return value;
}
