import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { fromRecord } from '../field-paths.js';

/** One input row: where it starts in the file, and the user it describes (or why it could not be read). */
export interface InputRow {
  line: number;
  user?: Record<string, unknown>;
  problem?: string;
}

/** Rows of a CSV file (header of field paths) or an NDJSON file, streamed, with their line numbers. */
export async function* readRows(file: string, format: 'csv' | 'ndjson'): AsyncGenerator<InputRow> {
  if (format === 'csv') {
    const parser = createReadStream(file).pipe(
      parse({ columns: true, info: true, skip_empty_lines: true, bom: true, trim: false }),
    );
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      // `info.lines` is the line where the record ends; records span lines only with quoted newlines.
      yield { line: info.lines, user: fromRecord(record) };
    }
    return;
  }
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') continue;
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        yield { line, problem: 'is not a JSON object' };
      } else {
        yield { line, user: value as Record<string, unknown> };
      }
    } catch (error) {
      yield { line, problem: `is not JSON: ${(error as Error).message}` };
    }
  }
}

/** `--format`, or the file's extension when not given. */
export function rowFormat(file: string, format: string | undefined): 'csv' | 'ndjson' | undefined {
  const chosen =
    format ??
    (file.toLowerCase().endsWith('.csv') ? 'csv' : /\.(nd)?jsonl?$/i.test(file) ? 'ndjson' : undefined);
  return chosen === 'csv' || chosen === 'ndjson' ? chosen : undefined;
}
