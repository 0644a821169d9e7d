// The one place the database is opened: checks the file is ours and not from a newer
// version before touching it, then WAL, foreign keys, a busy timeout, and migrations.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';

export type Db = Database.Database;

export const APP_ID = 'prelim-tracker';

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (the Electron build). */
  nativeBinding?: string;
  /** For tests: a different list of migrations. */
  migrations?: readonly Migration[];
  /** Called with the open database before pending migrations run (e.g. to back it up). */
  beforeMigrate?: (db: Db, from: number, to: number) => void;
  /** Who this process is, for the message another process gets when it finds the database in use ('desktop', 'browser'). */
  lockMode?: string;
}

export class DatabaseTooNewError extends AppError {
  constructor(file: string, found: number, known: number) {
    super(
      'database',
      `The database ${file} was written by a newer version of Prelim Tracker (schema ${found}; this version knows up to ${known}). Update Prelim Tracker to open it; the file was left unchanged.`,
    );
  }
}

export class NotOurDatabaseError extends AppError {
  constructor(file: string) {
    super('database', `${file} is an SQLite file but not a Prelim Tracker database. Choose another file; this one was left unchanged.`);
  }
}

function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/** What a database holds, read without writing anything. */
export function inspect(db: Db): { userVersion: number; isOurs: boolean; empty: boolean } {
  const userVersion = db.pragma('user_version', { simple: true }) as number;
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
  let isOurs = false;
  if (tables.includes('app_meta')) {
    const id = db.prepare(`SELECT value FROM app_meta WHERE key = 'app_id'`).pluck().get();
    isOurs = id === APP_ID;
  }
  return { userVersion, isOurs, empty: tables.length === 0 };
}

/** Reads user_version and whether the file holds our tables, without writing anything. */
export function inspectDatabaseFile(file: string, nativeBinding?: string): { userVersion: number; isOurs: boolean; empty: boolean } {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    return inspect(db);
  } finally {
    db.close();
  }
}

// One writer per database file. The connection that opens the database takes SQLite's own
// exclusive lock on the file (locking_mode = EXCLUSIVE, then an empty EXCLUSIVE transaction)
// and keeps it until it closes: an OS-level lock (fcntl on POSIX, LockFileEx on Windows) that
// the operating system releases when the process ends, even on kill -9, so it never goes
// stale. Any other process (the desktop app, browser mode, a second host) that opens the
// same file gets SQLITE_BUSY and a message naming the holder, read from a small note the
// holder writes next to the database (<file>.lock: pid, mode, start time). The note is only
// for the message; the lock itself is SQLite's.

/** Who holds a database: written to <file>.lock by the process that holds its lock. */
export interface LockHolder {
  pid: number;
  /** 'desktop' (the app's window) or 'browser' (npm run web); anything else is described by pid. */
  mode: string;
  startedAt: string;
}

export const lockNoteFile = (file: string) => `${file}.lock`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLockNote(file: string): LockHolder | null {
  try {
    const note = JSON.parse(fs.readFileSync(lockNoteFile(file), 'utf8')) as Partial<LockHolder>;
    if (typeof note.pid !== 'number' || !Number.isInteger(note.pid) || typeof note.mode !== 'string' || typeof note.startedAt !== 'string') return null;
    return isAlive(note.pid) ? (note as LockHolder) : null;
  } catch {
    return null;
  }
}

function describeHolder(holder: LockHolder | null): string {
  if (!holder) return 'Another program has it open (another Prelim Tracker window, browser mode, or a database tool). Close that program, then try again.';
  const since = holder.startedAt.replace('T', ' ').slice(0, 16);
  if (holder.mode === 'desktop') return `The Prelim Tracker desktop app (process ${holder.pid}, started ${since} UTC) has it open. Quit it (File › Quit), then try again.`;
  if (holder.mode === 'browser') return `Prelim Tracker in browser mode (process ${holder.pid}, started ${since} UTC) has it open. Stop it with Ctrl+C in the terminal where "npm run web" runs (or end process ${holder.pid}), then try again.`;
  return `Another Prelim Tracker process (process ${holder.pid}, ${holder.mode}, started ${since} UTC) has it open. Close it (or end process ${holder.pid}), then try again.`;
}

export class DatabaseInUseError extends AppError {
  constructor(
    file: string,
    readonly holder: LockHolder | null,
  ) {
    super('database', `The database ${file} is already in use, and only one program may write to it at a time. ${describeHolder(holder)}`);
  }
}

const isBusy = (err: unknown) => {
  const code = (err as { code?: unknown }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || (typeof code === 'string' && code.startsWith('SQLITE_BUSY'));
};

/** Takes the exclusive lock on db's file for the life of the connection, or throws DatabaseInUseError. */
function takeWriterLock(db: Db, file: string, mode: string): void {
  db.pragma('busy_timeout = 1000'); // a process that is just closing gets a moment
  db.pragma('locking_mode = EXCLUSIVE');
  try {
    db.exec('BEGIN EXCLUSIVE; COMMIT;');
  } catch (err) {
    if (isBusy(err)) throw new DatabaseInUseError(file, readLockNote(file));
    throw err;
  }
  try {
    const note: LockHolder = { pid: process.pid, mode, startedAt: new Date().toISOString() };
    fs.writeFileSync(lockNoteFile(file), `${JSON.stringify(note)}\n`);
  } catch {
    // The note only improves another process's message; the lock holds without it.
  }
}

/** Removes the lock note if it is this process's (call after closing the database). */
export function removeLockNote(file: string): void {
  try {
    const note = JSON.parse(fs.readFileSync(lockNoteFile(file), 'utf8')) as Partial<LockHolder>;
    if (note.pid === process.pid) fs.rmSync(lockNoteFile(file), { force: true });
  } catch {
    // no note, or not ours
  }
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  const known = latestVersion(migrations);
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  if (!existed) fs.mkdirSync(path.dirname(file), { recursive: true });

  let db: Db;
  try {
    db = new Database(file, binding);
  } catch (err) {
    throw new AppError('database', `${file} could not be opened (${(err as Error).message}). Choose another file; this one was left unchanged.`);
  }
  try {
    // The lock comes first, so nothing below races another process; taking it writes nothing.
    try {
      takeWriterLock(db, file, options.lockMode ?? `pid ${process.pid}`);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('database', `${file} could not be read as a database (${(err as Error).message}). Choose another file; this one was left unchanged.`);
    }
    if (existed) {
      let info: ReturnType<typeof inspect>;
      try {
        info = inspect(db);
      } catch (err) {
        throw new AppError('database', `${file} could not be read as a database (${(err as Error).message}). Choose another file; this one was left unchanged.`);
      }
      if (info.userVersion > known) throw new DatabaseTooNewError(file, info.userVersion, known);
      if (!info.empty && !info.isOurs) throw new NotOurDatabaseError(file);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    // Statement journals in memory: a write that fires the change-log triggers (migration 015)
    // keeps one per statement; on a connection without the exclusive lock (the benchmark's raw
    // insert, a database tool) temporary files made bulk inserts ~2x slower. Under this lock
    // it measured the same either way; it keeps this connection and the baseline alike.
    db.pragma('temp_store = MEMORY');
    migrate(db, migrations, options.beforeMigrate);
    return db;
  } catch (err) {
    db.close();
    if (!(err instanceof DatabaseInUseError)) removeLockNote(file);
    throw err;
  }
}

/** Runs every pending migration in one transaction; on any error none is applied. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS, beforeMigrate?: OpenOptions['beforeMigrate']): number {
  const from = db.pragma('user_version', { simple: true }) as number;
  const pending = [...migrations].sort((a, b) => a.version - b.version).filter((m) => m.version > from);
  if (pending.length === 0) return from;
  const to = pending[pending.length - 1]!.version;
  if (from > 0 && beforeMigrate) beforeMigrate(db, from, to);
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return to;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

const totalChanges = new WeakMap<Db, Database.Statement>();

/**
 * Changes whenever the data may have changed: a write on this connection (even one rolled
 * back) moves total_changes(), a commit by another connection moves data_version.
 */
export function writeStamp(db: Db): string {
  let stmt = totalChanges.get(db);
  if (!stmt) totalChanges.set(db, (stmt = db.prepare('SELECT total_changes()').pluck()));
  return `${String(stmt.get())}:${String(db.pragma('data_version', { simple: true }))}`;
}

/** Runs fn in one IMMEDIATE transaction (a write lock from the start, so no upgrade deadlocks). */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}

/**
 * Runs work (which may await, e.g. a generator run in slices) inside one IMMEDIATE
 * transaction opened by hand: BEGIN IMMEDIATE now, COMMIT when work resolves, ROLLBACK when
 * it throws, so all of it is written or none. Between slices the event loop answers other
 * calls; reads on this connection see the rows written so far. The caller must keep every
 * other write out until it settles (the dispatcher holds write calls, electron/api/dispatch.ts),
 * or it would join this transaction. After a ROLLBACK one no-op change moves writeStamp past
 * every stamp a read could have seen during the transaction (total_changes() is not rolled
 * back, so without it the stamp after the ROLLBACK could equal one seen mid-way), so no cache
 * keyed by the stamp keeps rows that were never committed.
 */
export async function inOpenTransaction<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (db.inTransaction) throw new Error('inOpenTransaction: a transaction is already open on this connection.');
  db.exec('BEGIN IMMEDIATE');
  let result: T;
  try {
    result = await work();
  } catch (err) {
    throw rolledBack(db, err);
  }
  try {
    db.exec('COMMIT');
  } catch (err) {
    throw rolledBack(db, err);
  }
  return result;
}

const rolledBackErrors = new WeakSet<object>();

/** Whether err ended an inOpenTransaction (its rows were rolled back, but reads may have seen them: announce the change). */
export function endedInRollback(err: unknown): boolean {
  return typeof err === 'object' && err !== null && rolledBackErrors.has(err);
}

function rolledBack(db: Db, err: unknown): unknown {
  // SQLite may have rolled back already (e.g. after SQLITE_FULL); then there is nothing to undo.
  if (db.inTransaction) db.exec('ROLLBACK');
  markChanged(db);
  if (typeof err === 'object' && err !== null) rolledBackErrors.add(err);
  return err;
}

/** A change that changes nothing (one row updated to its own value): moves writeStamp(db). */
function markChanged(db: Db): void {
  db.prepare(`UPDATE app_meta SET value = value WHERE key = 'app_id'`).run();
}
