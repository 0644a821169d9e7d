// Backups of the database file and restoring one. No electron import: runs under plain Node.
//
// A backup is a complete SQLite file in <dataDir>/backups named
// prelim-tracker-<UTC timestamp>-<reason>.db. It is written under a ".partial" name and
// renamed when complete, so a half-written backup never looks like a finished one.
//
// Two ways of copying a live database are used:
// - better-sqlite3's online backup API (`db.backup(file)`, asynchronous, copies page by page
//   without blocking other connections for long) for manual and before-restore backups;
// - `VACUUM INTO` (synchronous) where the caller cannot wait: the start-up backup and the
//   backup taken in openDatabase's `beforeMigrate` hook, which runs synchronously right
//   before the migration transaction. VACUUM INTO writes a consistent, compacted copy.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BACKUP_FILE_PATTERN, BACKUP_REASONS, type BackupInfo, type BackupReason } from '../../shared/api/backup-api';
import { AppError } from '../errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, loadJsonImport, upgradeExport } from '../transfer/json-dump';
import { dumpTables, type TableDump } from './table-dump';
import { inspect, inTransaction, migrate, type Db, type OpenOptions } from './open';

export { BACKUP_REASONS, type BackupInfo, type BackupReason };

/** How many of the most recent backups are always kept. */
export const KEEP_LATEST = 10;
/** Besides those, the newest backup of each of the last this-many days (UTC) is kept. */
export const KEEP_DAILY_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

function stamp(date: Date): string {
  // 2026-11-25T06:55:00.123Z -> 2026-11-25T06-55-00-123Z (no ':' so the name is valid everywhere)
  return date.toISOString().replace(/[:.]/g, '-');
}

function parseStamp(s: string): Date {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(s);
  return m ? new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`) : new Date(NaN);
}

export function backupFileName(reason: BackupReason, date: Date): string {
  return `prelim-tracker-${stamp(date)}-${reason}.db`;
}

/** Reads a backup's reason and time from its file name; null when the name is not one of ours. */
export function parseBackupFileName(name: string): { reason: BackupReason; createdAt: Date } | null {
  const m = new RegExp(BACKUP_FILE_PATTERN).exec(name);
  if (!m) return null;
  const createdAt = parseStamp(m[1]!);
  if (Number.isNaN(createdAt.getTime())) return null;
  return { reason: m[2] as BackupReason, createdAt };
}

/** A file name whose time no backup in dir has yet (two backups in the same millisecond get consecutive stamps, so they sort in order). */
function freshTarget(dir: string, reason: BackupReason, now: Date): string {
  const taken = new Set(fs.readdirSync(dir).map((n) => /^prelim-tracker-([^Z]+Z)-/.exec(n)?.[1]));
  let t = now.getTime();
  while (taken.has(stamp(new Date(t)))) t += 1;
  return path.join(dir, backupFileName(reason, new Date(t)));
}

function infoFor(file: string): BackupInfo {
  const parsed = parseBackupFileName(path.basename(file))!;
  return { file: path.basename(file), reason: parsed.reason, createdAt: parsed.createdAt.toISOString(), size: fs.statSync(file).size };
}

/** Copies the open database into dir with the online backup API, then applies retention. */
export async function backupDatabase(db: Db, dir: string, reason: BackupReason, now: Date = new Date()): Promise<BackupInfo> {
  const { target, partial } = startBackup(dir, reason, now);
  try {
    await db.backup(partial);
  } catch (err) {
    failBackup(dir, partial, err);
  }
  return finishBackup(dir, target, partial, now);
}

/** The same as backupDatabase, synchronously (VACUUM INTO): for start-up and before migrations. */
export function backupDatabaseSync(db: Db, dir: string, reason: BackupReason, now: Date = new Date()): BackupInfo {
  const { target, partial } = startBackup(dir, reason, now);
  try {
    db.prepare('VACUUM INTO ?').run(partial);
  } catch (err) {
    failBackup(dir, partial, err);
  }
  return finishBackup(dir, target, partial, now);
}

// A backup is written to <name>.partial and renamed when complete, so a half-written one never looks finished.
function startBackup(dir: string, reason: BackupReason, now: Date): { target: string; partial: string } {
  fs.mkdirSync(dir, { recursive: true });
  const target = freshTarget(dir, reason, now);
  return { target, partial: `${target}.partial` };
}

function finishBackup(dir: string, target: string, partial: string, now: Date): BackupInfo {
  try {
    fs.renameSync(partial, target);
  } catch (err) {
    failBackup(dir, partial, err);
  }
  const info = infoFor(target);
  pruneBackups(dir, now);
  return info;
}

function failBackup(dir: string, partial: string, err: unknown): never {
  fs.rmSync(partial, { force: true });
  throw new AppError('database', `The backup could not be written to ${dir} (${(err as Error).message}). Your data was not changed.`);
}

/** Every finished backup in dir, newest first. */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => parseBackupFileName(n) !== null)
    .map((n) => infoFor(path.join(dir, n)))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.file.localeCompare(a.file)));
}

/** Keeps the newest KEEP_LATEST backups plus the newest one of each of the last KEEP_DAILY_DAYS UTC days; deletes the rest. Returns the deleted names. */
export function pruneBackups(dir: string, now: Date = new Date()): string[] {
  const all = listBackups(dir);
  const keep = new Set(all.slice(0, KEEP_LATEST).map((b) => b.file));
  const seenDays = new Set<string>();
  for (const b of all) {
    const created = new Date(b.createdAt);
    if (now.getTime() - created.getTime() >= KEEP_DAILY_DAYS * DAY_MS) continue;
    const day = b.createdAt.slice(0, 10);
    if (seenDays.has(day)) continue;
    seenDays.add(day);
    keep.add(b.file);
  }
  const deleted: string[] = [];
  for (const b of all) {
    if (keep.has(b.file)) continue;
    fs.rmSync(path.join(dir, b.file), { force: true });
    deleted.push(b.file);
  }
  return deleted;
}

export type BackupCheck = { ok: true; userVersion: number } | { ok: false; message: string };

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const q = (id: string) => `"${id.replace(/"/g, '""')}"`;

/** A database's schema as the checks compare it: tables with their columns and foreign keys; indexes, triggers and views with their SQL. */
interface SchemaShape {
  tables: Map<string, string>;
  others: Map<string, string>;
}

function schemaShape(db: Db): SchemaShape {
  const rows = db.prepare(`SELECT type, name, tbl_name AS tbl, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`).all() as { type: string; name: string; tbl: string; sql: string | null }[];
  const tables = new Map<string, string>();
  const others = new Map<string, string>();
  for (const r of rows) {
    if (r.type === 'table') {
      const cols = db.prepare(`PRAGMA table_xinfo(${q(r.name)})`).all();
      const fks = db.prepare(`PRAGMA foreign_key_list(${q(r.name)})`).all();
      tables.set(r.name, JSON.stringify({ cols, fks, withoutRowid: /WITHOUT\s+ROWID\s*;?\s*$/i.test(r.sql ?? '') }));
    } else {
      others.set(`${r.type} "${r.name}"`, JSON.stringify({ tbl: r.tbl, sql: r.sql }));
    }
  }
  return { tables, others };
}

const expectedShapes = new Map<number, SchemaShape>();

/** The schema the migrations give a database of this version (what this app writes). */
function expectedShape(version: number): SchemaShape {
  let shape = expectedShapes.get(version);
  if (!shape) {
    const mem = new Database(':memory:');
    try {
      migrate(mem, MIGRATIONS.filter((m) => m.version <= version));
      shape = schemaShape(mem);
    } finally {
      mem.close();
    }
    expectedShapes.set(version, shape);
  }
  return shape;
}

/** The first way found's schema differs from what this app writes at that version, in words; null when it is the same. */
function schemaDifference(found: SchemaShape, expected: SchemaShape): string | null {
  for (const name of found.tables.keys()) if (!expected.tables.has(name)) return `it has a table "${name}" that Prelim Tracker does not create`;
  for (const name of expected.tables.keys()) if (!found.tables.has(name)) return `the table "${name}" is missing`;
  for (const [name, shape] of found.tables) if (shape !== expected.tables.get(name)) return `the columns or links of the table "${name}" are not the ones Prelim Tracker creates`;
  for (const key of found.others.keys()) if (!expected.others.has(key)) return `it has a ${key} that Prelim Tracker does not create`;
  for (const key of expected.others.keys()) if (!found.others.has(key)) return `its ${key} is missing`;
  for (const [key, shape] of found.others) if (shape !== expected.others.get(key)) return `its ${key} is not the one Prelim Tracker creates`;
  return null;
}

/**
 * Whether file can be restored, read-only: an SQLite file that passes the integrity and
 * foreign-key checks, a Prelim Tracker database not from a newer version, whose schema is
 * exactly the one this app writes at its version (tables, columns, foreign keys, indexes; no
 * triggers or views of anyone else). The message says what is wrong.
 */
export function checkBackupFile(file: string, nativeBinding?: string): BackupCheck {
  const name = path.basename(file);
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat || !stat.isFile()) return { ok: false, message: `${name} was not found.` };
  if (stat.size === 0) return { ok: false, message: `${name} is empty: it is not a Prelim Tracker backup.` };
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, head, 0, head.length, 0);
    } finally {
      fs.closeSync(fd);
    }
    if (!head.equals(SQLITE_HEADER)) return { ok: false, message: `${name} is not a Prelim Tracker database (it is not an SQLite file). Choose another file.` };
    const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      // Nothing the file defines (views, triggers, functions in its schema) may run while it is read.
      db.pragma('trusted_schema = OFF');
      db.pragma('cell_size_check = ON');
      const result = db.pragma('integrity_check', { simple: true });
      if (result !== 'ok') return { ok: false, message: `${name} is damaged (integrity check: ${String(result)}). Choose another backup.` };
      const info = inspect(db);
      if (!info.isOurs) return { ok: false, message: `${name} is not a Prelim Tracker database. Choose another file.` };
      if (info.userVersion > LATEST_SCHEMA_VERSION) {
        return { ok: false, message: `${name} was written by a newer version of Prelim Tracker (schema ${info.userVersion}; this version knows up to ${LATEST_SCHEMA_VERSION}). Update Prelim Tracker to restore it.` };
      }
      if (info.userVersion < 1) return { ok: false, message: `${name} is not a Prelim Tracker backup (it has no schema version). Choose another file.` };
      const difference = schemaDifference(schemaShape(db), expectedShape(info.userVersion));
      if (difference) return { ok: false, message: `${name} was not written by Prelim Tracker: ${difference}. Choose another backup.` };
      const broken = db.prepare('PRAGMA foreign_key_check').all() as { table: string; parent: string }[];
      if (broken.length > 0) return { ok: false, message: `${name} is damaged: ${broken.length} row(s) of "${broken[0]!.table}" point to missing rows of "${broken[0]!.parent}". Choose another backup.` };
      return { ok: true, userVersion: info.userVersion };
    } finally {
      db.close();
    }
  } catch (err) {
    return { ok: false, message: `${name} could not be read as a database (${(err as Error).message}). Choose another backup.` };
  }
}

export interface RestoreOptions {
  /** The live database: it stays open (and locked) throughout; its rows are replaced in one transaction. */
  db: Db;
  databasePath: string;
  /** The backup to bring back. */
  backupFile: string;
  backupDir: string;
  openOptions?: OpenOptions;
  now?: Date;
}

/**
 * Brings back the data of backupFile. The file is checked first (checkBackupFile: nothing
 * changes if it fails); its rows are read, brought to this version's schema in memory (an
 * older backup is migrated there), the current data is backed up ('before-restore'), and the
 * rows replace the live ones in one transaction through the same code as loading a full JSON
 * export, with the same checks (foreign keys, the screens' own rules). Any problem rolls the
 * whole restore back with the reason. The live file is never replaced or closed, so its
 * writer lock (db/open.ts) is held throughout: no other process can be using it.
 */
export async function restoreDatabase(options: RestoreOptions): Promise<{ db: Db; safetyBackup: BackupInfo }> {
  const { db, databasePath, backupFile, backupDir } = options;
  const now = options.now ?? new Date();
  const nativeBinding = options.openOptions?.nativeBinding;
  const name = path.basename(backupFile);
  if (path.resolve(backupFile) === path.resolve(databasePath)) throw new AppError('invalid_input', 'That is the database in use; choose a backup to restore.');
  const check = checkBackupFile(backupFile, nativeBinding);
  if (!check.ok) throw new AppError('invalid_input', `Nothing was restored: ${check.message}`);

  let tables: Record<string, TableDump>;
  try {
    const source = new Database(backupFile, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    let dump: Record<string, TableDump>;
    try {
      source.pragma('trusted_schema = OFF');
      dump = source.transaction(() => dumpTables(source))();
    } finally {
      source.close();
    }
    tables = upgradeExport({ format: EXPORT_FORMAT, formatVersion: EXPORT_FORMAT_VERSION, appVersion: '', schemaVersion: check.userVersion, exportedAt: '', tables: dump }, name);
  } catch (err) {
    throw new AppError('invalid_input', `Nothing was restored: ${err instanceof AppError ? err.message : `${name} could not be read (${(err as Error).message}).`}`);
  }

  const safetyBackup = await backupDatabase(db, backupDir, 'before-restore', now);
  try {
    inTransaction(db, () => loadJsonImport(db, tables, name));
  } catch (err) {
    throw new AppError('invalid_input', `Nothing was restored: ${err instanceof AppError ? err.message : `${name} could not be loaded (${(err as Error).message}).`}`);
  }
  return { db, safetyBackup };
}

/** Kept for callers that handle a restore failing after the live database was closed; restoreDatabase no longer closes it. */
export class RestoreFailedError extends AppError {
  constructor(
    message: string,
    readonly db: Db,
  ) {
    super('database', message);
  }
}
