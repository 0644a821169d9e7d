// The database as plain tables, for the whole-database JSON export and import
// (electron/transfer/json-dump.ts owns the file format and its checks). Generic over the
// tables: the table list and columns come from sqlite_master and PRAGMA table_xinfo, rows
// are loaded in foreign-key order, so tables added by later migrations round-trip without
// changes here. A BLOB cell is written as { "$base64": "..." }.
import Database from 'better-sqlite3';
import { AppError } from '../errors';
import { MIGRATIONS } from './migrations';
import { migrate, type Db } from './open';
import { isDateYearInBounds, isRealIsoDate, MAX_DATE_YEAR, MIN_DATE_YEAR } from '../../shared/domain/bounds';

/** Tables that identify the database or keep track of its changes rather than hold the user's data. */
const SYSTEM_TABLES = new Set(['app_meta', 'program_change']);

type SqlValue = string | number | bigint | Buffer | null;
type JsonCell = string | number | null | { $base64: string };

export interface TableDump {
  columns: string[];
  rows: JsonCell[][];
}

interface TableInfo {
  name: string;
  columns: string[];
  withoutRowid: boolean;
  pk: string[];
  parents: string[];
}

const q = (id: string) => `"${id.replace(/"/g, '""')}"`;

/** The user's tables in an order where every table comes after the tables it references. */
export function userTables(db: Db): TableInfo[] {
  const rows = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string; sql: string }[];
  // Virtual tables (e.g. full-text search) and their shadow tables are derived data.
  const virtual = rows.filter((r) => /^CREATE\s+VIRTUAL/i.test(r.sql)).map((r) => r.name);
  const tables = rows
    .filter((r) => !SYSTEM_TABLES.has(r.name) && !virtual.some((v) => r.name === v || r.name.startsWith(`${v}_`)))
    .map((r): TableInfo => {
      const cols = db.prepare(`PRAGMA table_xinfo(${q(r.name)})`).all() as { name: string; pk: number; hidden: number }[];
      const stored = cols.filter((c) => c.hidden === 0);
      const fks = db.prepare(`PRAGMA foreign_key_list(${q(r.name)})`).all() as { table: string }[];
      return {
        name: r.name,
        columns: stored.map((c) => c.name),
        withoutRowid: /WITHOUT\s+ROWID\s*;?\s*$/i.test(r.sql),
        pk: stored.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
        parents: [...new Set(fks.map((f) => f.table))].filter((t) => t !== r.name),
      };
    });
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: TableInfo) => {
    if (state.get(t.name) === 'done' || state.get(t.name) === 'visiting') return; // a cycle: deferred foreign keys cover it
    state.set(t.name, 'visiting');
    for (const p of t.parents) {
      const parent = byName.get(p);
      if (parent) visit(parent);
    }
    state.set(t.name, 'done');
    ordered.push(t);
  };
  for (const t of tables) visit(t);
  return ordered;
}

function toJsonCell(v: SqlValue): JsonCell {
  if (Buffer.isBuffer(v)) return { $base64: v.toString('base64') };
  if (typeof v === 'bigint') return Number(v);
  return v;
}

function fromJsonCell(v: JsonCell): SqlValue {
  if (v !== null && typeof v === 'object') return Buffer.from(v.$base64, 'base64');
  return v;
}

function orderBy(t: TableInfo): string {
  if (t.withoutRowid) return t.pk.map(q).join(', ');
  return 'rowid';
}

export function dumpTables(db: Db): Record<string, TableDump> {
  const out: Record<string, TableDump> = {};
  for (const t of userTables(db)) {
    const rows = db.prepare(`SELECT ${t.columns.map(q).join(', ')} FROM ${q(t.name)} ORDER BY ${orderBy(t)}`).raw().all() as SqlValue[][];
    out[t.name] = { columns: t.columns, rows: rows.map((r) => r.map(toJsonCell)) };
  }
  return out;
}

/** A database as the migrations create it (what "empty" means: migrations may seed rows). */
function freshDump(upTo?: number): Record<string, TableDump> {
  const mem = new Database(':memory:');
  try {
    mem.pragma('foreign_keys = ON');
    migrate(mem, upTo === undefined ? MIGRATIONS : MIGRATIONS.filter((m) => m.version <= upTo));
    return dumpTables(mem);
  } finally {
    mem.close();
  }
}

/** Names of tables that hold more than a new database has. */
export function nonEmptyTables(db: Db): string[] {
  const fresh = freshDump();
  const current = dumpTables(db);
  return Object.keys(current).filter((t) => JSON.stringify(current[t]!.rows) !== JSON.stringify(fresh[t]?.rows ?? []));
}

function insertAll(db: Db, tables: Record<string, TableDump>, order: TableInfo[], fileName: string): void {
  const known = new Map(order.map((t) => [t.name, t]));
  for (const [name, dump] of Object.entries(tables)) {
    const info = known.get(name);
    if (!info) throw new AppError('invalid_input', `${fileName} has a table "${name}" this version of Prelim Tracker does not know. Nothing was changed.`);
    const unknown = dump.columns.filter((c) => !info.columns.includes(c));
    if (unknown.length) throw new AppError('invalid_input', `${fileName}: table "${name}" has columns this version does not know (${unknown.join(', ')}). Nothing was changed.`);
    for (const [i, r] of dump.rows.entries()) {
      if (r.length !== dump.columns.length) throw new AppError('invalid_input', `${fileName}: row ${i + 1} of "${name}" has ${r.length} values for ${dump.columns.length} columns. Export the file again.`);
    }
  }
  for (const t of order) {
    const dump = tables[t.name];
    if (!dump || dump.rows.length === 0) continue;
    const insert = db.prepare(`INSERT INTO ${q(t.name)} (${dump.columns.map(q).join(', ')}) VALUES (${dump.columns.map(() => '?').join(', ')})`);
    dump.rows.forEach((r, i) => {
      try {
        insert.run(r.map(fromJsonCell));
      } catch (err) {
        throw new AppError('invalid_input', `${fileName}: row ${i + 1} of "${t.name}" cannot be loaded (${(err as Error).message}). Nothing was changed.`);
      }
    });
  }
}


/** Every table's rows replaced by these (call inside a transaction); the foreign keys are checked once all are in. */
export function replaceAllTables(db: Db, tables: Record<string, TableDump>, fileName: string): void {
  const order = userTables(db);
  db.pragma('defer_foreign_keys = ON');
  for (const t of [...order].reverse()) db.prepare(`DELETE FROM ${q(t.name)}`).run();
  insertAll(db, tables, order, fileName);
  const broken = db.prepare('PRAGMA foreign_key_check').all() as { table: string; parent: string }[];
  if (broken.length > 0) {
    throw new AppError('invalid_input', `${fileName}: ${broken.length} row(s) of "${broken[0]!.table}" point to missing rows of "${broken[0]!.parent}". Export the file again. Nothing was changed.`);
  }
}

/**
 * Tables of an older schema version brought to this version's schema: loaded into a scratch
 * in-memory database of that version and migrated like a database would be.
 */
export function upgradeTables(tables: Record<string, TableDump>, fromVersion: number, fileName: string): Record<string, TableDump> {
  const mem = new Database(':memory:');
  try {
    mem.pragma('foreign_keys = ON');
    migrate(mem, MIGRATIONS.filter((m) => m.version <= fromVersion));
    mem.transaction(() => {
      for (const [t, dump] of Object.entries(freshDump(fromVersion))) if (dump.rows.length) mem.prepare(`DELETE FROM ${q(t)}`).run();
      insertAll(mem, tables, userTables(mem), fileName);
    })();
    migrate(mem, MIGRATIONS);
    return dumpTables(mem);
  } finally {
    mem.close();
  }
}

/** Columns holding a date (YYYY-MM-DD) or an instant (YYYY-MM-DDTHH:MM…): what the app writes there is always one. */
const DATE_COLUMN = /^(date|last_verified|respond_by|local_start)$|_(on|date|at)$/;

/**
 * Every date and instant the file brings must be one the app could have written: a real day
 * with a year from MIN_DATE_YEAR to MAX_DATE_YEAR (a 9999-12-31 would break reminders, the
 * agenda and .ics). The screens' schemas check most of them; this covers every date column.
 */
export function checkDateColumns(db: Db, fileName: string): void {
  for (const t of userTables(db)) {
    // Only TEXT columns: a flag such as hands_on (INTEGER) is not a date.
    const text = new Set((db.prepare(`PRAGMA table_xinfo(${q(t.name)})`).all() as { name: string; type: string }[]).filter((c) => /^TEXT$/i.test(c.type)).map((c) => c.name));
    for (const c of t.columns.filter((name) => DATE_COLUMN.test(name) && text.has(name))) {
      const values = db.prepare(`SELECT ${q(c)} FROM ${q(t.name)} WHERE ${q(c)} IS NOT NULL`).pluck().all() as unknown[];
      for (const v of values) {
        const day = typeof v === 'string' ? v.slice(0, 10) : '';
        if (typeof v !== 'string' || !isRealIsoDate(day) || !isDateYearInBounds(Number(day.slice(0, 4))) || (v.length > 10 && !/^T\d{2}:\d{2}/.test(v.slice(10)))) {
          throw new AppError('invalid_input', `${fileName}: "${t.name}" has ${JSON.stringify(String(v).slice(0, 40))} in "${c}", not a date from ${MIN_DATE_YEAR} to ${MAX_DATE_YEAR}. Export the file again. Nothing was changed.`);
        }
      }
    }
  }
}
