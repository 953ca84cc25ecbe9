import { InvalidArgumentError } from '../errors.js';

// RFC 9110: a field name is a token; a value is visible characters, spaces, tabs and obs-text (0x80–0xFF).
// Line breaks and NUL would split the header; characters past 0xFF are no bytes fetch can send.
const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const forbiddenInValue = /[^\t\x20-\x7e\x80-\xff]/;

/** Refuses a header fetch would reject, naming it, before anything is sent; returns the value. */
export function checkHeader(name: string, value: unknown): string {
  if (!token.test(name)) {
    throw new InvalidArgumentError(
      `headers[${JSON.stringify(name)}]`,
      'a header name made of token characters',
    );
  }
  if (typeof value !== 'string' || forbiddenInValue.test(value)) {
    throw new InvalidArgumentError(
      `headers.${name}`,
      'a string of visible characters, spaces and tabs (no line breaks, control characters or characters past U+00FF)',
    );
  }
  return value;
}
