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
import { LATEST_SCHEMA_VERSION } from './migrations';
import { inspectDatabaseFile, openDatabase, type Db, type OpenOptions } from './open';

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

/** Whether file can be restored: a sound SQLite file, a Prelim Tracker database, not from a newer version. Opens it read-only. */
export function checkBackupFile(file: string, nativeBinding?: string): BackupCheck {
  const name = path.basename(file);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return { ok: false, message: `${name} was not found.` };
  if (fs.statSync(file).size === 0) return { ok: false, message: `${name} is empty: it is not a Prelim Tracker backup.` };
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      const result = db.pragma('integrity_check', { simple: true });
      if (result !== 'ok') return { ok: false, message: `${name} is damaged (integrity check: ${String(result)}). Choose another backup.` };
    } finally {
      db.close();
    }
    const info = inspectDatabaseFile(file, nativeBinding);
    if (!info.isOurs) return { ok: false, message: `${name} is not a Prelim Tracker database. Choose another file.` };
    if (info.userVersion > LATEST_SCHEMA_VERSION) {
      return { ok: false, message: `${name} was written by a newer version of Prelim Tracker (schema ${info.userVersion}; this version knows up to ${LATEST_SCHEMA_VERSION}). Update Prelim Tracker to restore it.` };
    }
    return { ok: true, userVersion: info.userVersion };
  } catch (err) {
    return { ok: false, message: `${name} could not be read as a database (${(err as Error).message}). Choose another backup.` };
  }
}

export interface RestoreOptions {
  /** The live database; it is closed during the restore. */
  db: Db;
  databasePath: string;
  /** The backup to bring back. */
  backupFile: string;
  backupDir: string;
  openOptions?: OpenOptions;
  now?: Date;
}

/**
 * Replaces the live database with backupFile. Checks the file first (nothing changes if
 * the check fails), backs up the current data ('before-restore'), copies the chosen file
 * with the backup API onto a temp file next to the live one, closes the live database,
 * renames the copy over it (dropping stale -wal/-shm) and reopens it with openDatabase,
 * which migrates an older backup. Returns the reopened database.
 */
export async function restoreDatabase(options: RestoreOptions): Promise<{ db: Db; safetyBackup: BackupInfo }> {
  const { db, databasePath, backupFile, backupDir } = options;
  const now = options.now ?? new Date();
  const nativeBinding = options.openOptions?.nativeBinding;
  if (path.resolve(backupFile) === path.resolve(databasePath)) throw new AppError('invalid_input', 'That is the database in use; choose a backup to restore.');
  const check = checkBackupFile(backupFile, nativeBinding);
  if (!check.ok) throw new AppError('invalid_input', `Nothing was restored: ${check.message}`);

  const safetyBackup = await backupDatabase(db, backupDir, 'before-restore', now);

  const staged = `${databasePath}.restoring`;
  fs.rmSync(staged, { force: true });
  const source = new Database(backupFile, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    await source.backup(staged);
  } catch (err) {
    fs.rmSync(staged, { force: true });
    throw new AppError('database', `Nothing was restored: the backup could not be copied (${(err as Error).message}).`);
  } finally {
    source.close();
  }

  // From here on the swap is synchronous: no other call can run in between.
  db.close();
  fs.renameSync(staged, databasePath);
  fs.rmSync(`${databasePath}-wal`, { force: true });
  fs.rmSync(`${databasePath}-shm`, { force: true });
  try {
    return { db: openDatabase(databasePath, options.openOptions), safetyBackup };
  } catch (err) {
    // Should not happen (the file passed the check); put the data back as it was.
    fs.copyFileSync(path.join(backupDir, safetyBackup.file), databasePath);
    fs.rmSync(`${databasePath}-wal`, { force: true });
    fs.rmSync(`${databasePath}-shm`, { force: true });
    throw new RestoreFailedError(`The backup could not be opened (${(err as Error).message}); your data was put back as it was.`, openDatabase(databasePath, options.openOptions));
  }
}

/** A restore that failed after the live database was closed: carries the reopened (unchanged) database. */
export class RestoreFailedError extends AppError {
  constructor(
    message: string,
    readonly db: Db,
  ) {
    super('database', message);
  }
}
