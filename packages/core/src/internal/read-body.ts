const ignore = () => {};
const utf8 = new TextDecoder();

/**
 * Reads a body whole, unless `milliseconds` pass first: then the download is cancelled (which releases its
 * connection) and the promise rejects with `onDeadline()`. Read through a reader of our own, since a body
 * that `text()` or `blob()` has locked can no longer be cancelled.
 */
export async function readBody(
  body: ReadableStream<Uint8Array<ArrayBuffer>>,
  milliseconds: number,
  onDeadline: () => Error,
): Promise<Uint8Array<ArrayBuffer>[]> {
  const reader = body.getReader();
  let late = false;
  const timer = setTimeout(() => {
    late = true;
    reader.cancel().catch(ignore);
  }, milliseconds);
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (late) throw onDeadline();
      if (done) return chunks;
      chunks.push(value);
    }
  } catch (error) {
    throw late ? onDeadline() : error;
  } finally {
    clearTimeout(timer);
  }
}

/** The chunks of a body as UTF-8 text (a leading byte order mark dropped, as `Response.text()` does). */
export function textOf(chunks: Uint8Array<ArrayBuffer>[]): string {
  // One shared decoder is safe: nothing else runs between these synchronous steps.
  let text = '';
  for (const chunk of chunks) text += utf8.decode(chunk, { stream: true });
  return text + utf8.decode();
}
