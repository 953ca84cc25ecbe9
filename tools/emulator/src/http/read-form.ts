import { invalidData } from './api-error.js';

/**
 * A `multipart/form-data` body as an object of its parts, so that it is validated like JSON. A file
 * part becomes a string holding its bytes one character per byte (latin1), which the spec's
 * `type: string, format: binary` accepts; `Buffer.from(value, 'latin1')` gives the bytes back.
 */
export async function readForm(raw: Buffer, contentType: string): Promise<Record<string, string>> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw invalidData([
      { code: 'INVALID_VALUE', target: 'body', message: 'The multipart body is malformed.' },
    ]);
  }
  const parts: Record<string, string> = {};
  for (const [name, value] of form) {
    parts[name] =
      typeof value === 'string' ? value : Buffer.from(await value.arrayBuffer()).toString('latin1');
  }
  return parts;
}
