import { InvalidArgumentError } from '@pingone-sdk/core';
import { requireText } from '@pingone-sdk/core/internal';

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused.
const controlCharacter = /[\u0000-\u001f\u007f]/;
/** What may not appear in the plain `filename="…"` parameter: anything outside printable ASCII, quotes, backslashes. */
const unsafeInQuotedName = /[^\u0020-\u007e]|["\\]/gu;

/** RFC 8187 `attr-char`s stay as they are; every other UTF-8 byte is percent-encoded. */
function encodeExtendedValue(text: string): string {
  return encodeURIComponent(text).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Builds the `Content-Disposition` header of an upload: `attachment; filename="logo.png"`.
 *
 * - Only the last segment of a path is kept (`brand/logo.png` → `logo.png`): the header names a file, not
 *   where it came from.
 * - Printable ASCII names are sent as they are. Names with other characters, quotes or backslashes get a
 *   plain fallback with each of those replaced by `_`, plus the exact name in an RFC 6266 / RFC 8187
 *   `filename*=UTF-8''…` parameter, which servers that understand it prefer.
 * - Control characters (line breaks included) are refused rather than cleaned, so that no name can add a
 *   header line.
 *
 * @throws {InvalidArgumentError} `filename` when the name is empty or holds control characters.
 * @example
 * attachmentDisposition('logo.png'); // 'attachment; filename="logo.png"'
 * attachmentDisposition('café.png'); // `attachment; filename="caf_.png"; filename*=UTF-8''caf%C3%A9.png`
 */
export function attachmentDisposition(filename: string): string {
  requireText(filename, 'filename');
  if (controlCharacter.test(filename)) {
    throw new InvalidArgumentError('filename', 'a file name without control characters or line breaks');
  }
  const name = filename.slice(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1).trim();
  // What is left after the directories ('reports/' leaves nothing) must be a name too.
  requireText(name, 'filename');
  const fallback = name.replace(unsafeInQuotedName, '_');
  if (fallback === name) return `attachment; filename="${name}"`;
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeExtendedValue(name)}`;
}
