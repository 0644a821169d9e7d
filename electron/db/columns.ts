// Maps between camelCase domain objects and snake_case rows, one spec per table, so each
// repository states its columns once.
import { AppError } from '../errors';
export type ColumnKind = 'text' | 'int' | 'real' | 'bool' | 'json' | 'nullableText';

export type ColumnSpec<T> = { [K in keyof T]?: ColumnKind };

const snakeCache = new Map<string, string>();

/** camelCase -> snake_case, cached: rows are mapped thousands of times with the same keys. */
export function snake(key: string): string {
  let col = snakeCache.get(key);
  if (col === undefined) {
    col = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    snakeCache.set(key, col);
  }
  return col;
}

type SqlValue = string | number | null;

export function toRow<T extends object>(obj: T, spec: ColumnSpec<T>): Record<string, SqlValue> {
  const row: Record<string, SqlValue> = {};
  for (const [key, kind] of Object.entries(spec) as [keyof T & string, ColumnKind][]) {
    const v = obj[key] as unknown;
    const col = snake(key);
    switch (kind) {
      case 'bool':
        row[col] = v ? 1 : 0;
        break;
      case 'json':
        row[col] = JSON.stringify(v ?? []);
        break;
      case 'nullableText':
        row[col] = v === '' || v === undefined ? null : (v as string | null);
        break;
      default:
        row[col] = (v ?? null) as SqlValue;
    }
  }
  return row;
}

export function fromRow<T extends object>(row: Record<string, unknown>, spec: ColumnSpec<T>): T {
  const obj: Record<string, unknown> = {};
  for (const [key, kind] of Object.entries(spec) as [string, ColumnKind][]) {
    const v = row[snake(key)];
    switch (kind) {
      case 'bool':
        obj[key] = v === 1;
        break;
      case 'json':
        obj[key] = typeof v === 'string' ? JSON.parse(v) : [];
        break;
      case 'nullableText':
        obj[key] = v ?? '';
        break;
      default:
        obj[key] = v ?? null;
    }
  }
  return obj as T;
}

/** A row as better-sqlite3's raw mode returns it: its values in the statement's column order. */
export type RawRow = readonly unknown[];

/**
 * A test of whether `obj` is what `fromRow(row, spec)` makes of a raw row (values in the
 * order of `columns`, the statement's column names), column by column, allocating nothing
 * but the JSON text of 'json' columns. A cache of mapped rows can then keep only its
 * objects, not the rows they came from (a row object costs ~2 KB), and still tell which
 * rows changed. "Same" is exact; "changed" may also be said of a row that maps to an equal
 * object (e.g. JSON written with other spacing), which only costs mapping it again.
 */
export function rowMatcher<T extends object>(spec: ColumnSpec<T>, columns: readonly string[]): (obj: T, values: RawRow) => boolean {
  const checks = (Object.entries(spec) as [string, ColumnKind][]).map(([key, kind]) => {
    const at = columns.indexOf(snake(key));
    if (at < 0) throw new Error(`rowMatcher: no column ${snake(key)} in the statement.`);
    return { key, kind, at };
  });
  return (obj, values) => {
    const o = obj as Record<string, unknown>;
    for (const { key, kind, at } of checks) {
      const v = values[at];
      const mine = o[key];
      switch (kind) {
        case 'bool':
          if ((v === 1) !== mine) return false;
          break;
        case 'json':
          if (typeof v === 'string' ? JSON.stringify(mine) !== v : !(Array.isArray(mine) && mine.length === 0)) return false;
          break;
        case 'nullableText':
          if ((v ?? '') !== mine) return false;
          break;
        default:
          if ((v ?? null) !== mine) return false;
      }
    }
    return true;
  };
}

export function columnNames<T>(spec: ColumnSpec<T>): string[] {
  return Object.keys(spec).map(snake);
}

/** A spec that names every field of T, so the compiler checks that a row maps to a whole T. */
export type FullColumnSpec<T> = { [K in keyof T]-?: ColumnKind };

/** One row-to-object function per table, from a spec that lists every field once. */
export function rowMapper<T extends object>(spec: FullColumnSpec<T>): (row: Record<string, unknown>) => T {
  return (row) => fromRow<T>(row, spec);
}

/** What a save takes for a table's domain type: its fields without the ones the database sets, and the id when editing. */
export type SaveFields<T, Omitted extends keyof T = never> = Omit<T, 'id' | 'createdAt' | 'updatedAt' | Omitted> & { id?: number | undefined };

/** The refusal for a row that is gone, saying what to do: "`what` `id` does not exist (it may have been deleted); `todo`." */
export function notFound(what: string, id: number, todo = 'reload the page'): AppError {
  return new AppError('not_found', `${what} ${id} does not exist (it may have been deleted); ${todo}.`);
}

/** A getter by id: the row mapped by `map`, or a `notFound(what, id, todo)` refusal. */
export function oneById<T>(stmt: { get(id: number): unknown }, map: (row: Record<string, unknown>) => T, what: string, todo?: string): (id: number) => T {
  return (id) => {
    const row = stmt.get(id) as Record<string, unknown> | undefined;
    if (!row) throw notFound(what, id, todo);
    return map(row);
  };
}

/** The one row of a single-row table (id = 1) mapped by `map`, or `fallback()` before it is first written. */
export function singleRow<T>(stmt: { get(): unknown }, map: (row: Record<string, unknown>) => T, fallback: () => T): T {
  const row = stmt.get() as Record<string, unknown> | undefined;
  return row ? map(row) : fallback();
}
