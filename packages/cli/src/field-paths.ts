/**
 * Users as flat rows: CSV columns are dotted field paths (`name.given`, `population.id`), the same for
 * export and import. Arrays and deeper values a column cannot hold travel as JSON text.
 */

type JsonObject = Record<string, unknown>;

/** The columns export writes, in this order, then any other field path a user has is left out. */
export const userColumns = [
  'id',
  'username',
  'email',
  'name.given',
  'name.family',
  'name.middle',
  'name.formatted',
  'nickname',
  'title',
  'primaryPhone',
  'mobilePhone',
  'locale',
  'preferredLanguage',
  'timezone',
  'accountId',
  'externalId',
  'type',
  'population.id',
  'enabled',
  'lifecycle.status',
  'createdAt',
  'updatedAt',
] as const;

/** The value at a dotted path, or undefined. */
export function valueAt(item: JsonObject, path: string): unknown {
  let node: unknown = item;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as JsonObject)[part];
  }
  return node;
}

/** A cell of a CSV row: strings as they are, other values as JSON. */
export function toCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** One user as CSV cells in `columns` order. */
export function toRow(item: JsonObject, columns: readonly string[]): string[] {
  return columns.map((column) => toCell(valueAt(item, column)));
}

/** Reads a cell back: `true`/`false` become booleans, JSON arrays and objects are parsed, empty is absent. */
function fromCell(cell: string): unknown {
  if (cell === '') return undefined;
  if (cell === 'true' || cell === 'false') return cell === 'true';
  if ((cell.startsWith('[') && cell.endsWith(']')) || (cell.startsWith('{') && cell.endsWith('}'))) {
    try {
      return JSON.parse(cell);
    } catch {
      return cell;
    }
  }
  return cell;
}

/** A CSV record (header → cell) as a nested object. */
export function fromRecord(record: Record<string, string>): JsonObject {
  const result: JsonObject = {};
  for (const [column, cell] of Object.entries(record)) {
    const value = fromCell(cell);
    if (value === undefined) continue;
    const parts = column.split('.');
    let node = result;
    for (const part of parts.slice(0, -1)) {
      if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
      node = node[part] as JsonObject;
    }
    node[parts[parts.length - 1] as string] = value;
  }
  return result;
}
