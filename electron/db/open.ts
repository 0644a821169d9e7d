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

/** Reads user_version and whether the file holds our tables, without writing anything. */
export function inspectDatabaseFile(file: string, nativeBinding?: string): { userVersion: number; isOurs: boolean; empty: boolean } {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
    let isOurs = false;
    if (tables.includes('app_meta')) {
      const id = db.prepare(`SELECT value FROM app_meta WHERE key = 'app_id'`).pluck().get();
      isOurs = id === APP_ID;
    }
    return { userVersion, isOurs, empty: tables.length === 0 };
  } finally {
    db.close();
  }
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  const known = latestVersion(migrations);
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};

  if (fs.existsSync(file) && fs.statSync(file).size > 0) {
    let info: ReturnType<typeof inspectDatabaseFile>;
    try {
      info = inspectDatabaseFile(file, options.nativeBinding);
    } catch (err) {
      throw new AppError('database', `${file} could not be read as a database (${(err as Error).message}). Choose another file; this one was left unchanged.`);
    }
    if (info.userVersion > known) throw new DatabaseTooNewError(file, info.userVersion, known);
    if (!info.empty && !info.isOurs) throw new NotOurDatabaseError(file);
  } else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  }

  const db = new Database(file, binding);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    migrate(db, migrations, options.beforeMigrate);
    return db;
  } catch (err) {
    db.close();
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
