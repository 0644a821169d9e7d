import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupDatabase, backupFileName, checkBackupFile, KEEP_LATEST, listBackups, parseBackupFileName, pruneBackups } from '../../electron/db/backup';
import { MIGRATIONS, LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { openDatabase, schemaVersion } from '../../electron/db/open';
import { openServices } from '../../electron/services';
import { institution, seedExampleProfile, track } from '../fixtures';
import { dumpDb, openTestServices, tempDir } from './helpers';
import { displayPath } from '../../electron/paths';

async function withPrograms() {
  const t = openTestServices();
  await t.call('profile.save', seedExampleProfile());
  await t.call('institutions.save', { institution: institution({ name: 'Lakeview Regional' }), tracks: [track('preliminary', { nrmpCode: '1234440P0' })] });
  const backupDir = path.join(path.dirname(t.file), 'backups');
  return { ...t, backupDir };
}

const institutionNames = (db: Database.Database) => db.prepare('SELECT name FROM institution ORDER BY name').pluck().all();

describe('backing up', () => {
  it('writes a complete, valid copy with the same rows, named by time and reason', async () => {
    const { db, backupDir } = await withPrograms();
    const info = await backupDatabase(db, backupDir, 'manual', new Date('2026-11-25T06:55:00.123Z'));
    expect(info.file).toBe('prelim-tracker-2026-11-25T06-55-00-123Z-manual.db');
    expect(info).toMatchObject({ reason: 'manual', createdAt: '2026-11-25T06:55:00.123Z' });
    expect(info.size).toBeGreaterThan(0);
    expect(fs.readdirSync(backupDir)).toEqual([info.file]); // no .partial left behind
    expect(checkBackupFile(path.join(backupDir, info.file))).toEqual({ ok: true, userVersion: LATEST_SCHEMA_VERSION });
    const copy = new Database(path.join(backupDir, info.file), { readonly: true });
    try {
      expect(dumpDb(copy)).toEqual(dumpDb(db));
    } finally {
      copy.close();
    }
  });

  it('gives two backups in the same millisecond different names', async () => {
    const { db, backupDir } = await withPrograms();
    const at = new Date('2026-11-25T06:55:00.000Z');
    const a = await backupDatabase(db, backupDir, 'manual', at);
    const b = await backupDatabase(db, backupDir, 'manual', at);
    expect(a.file).not.toBe(b.file);
    expect(listBackups(backupDir).map((x) => x.file)).toEqual([b.file, a.file]);
  });

  it('lists only finished backups, newest first, and ignores other files', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, backupFileName('startup', new Date('2026-11-20T10:00:00Z'))), 'x');
    fs.writeFileSync(path.join(dir, backupFileName('manual', new Date('2026-11-21T10:00:00Z'))), 'xy');
    fs.writeFileSync(path.join(dir, `${backupFileName('manual', new Date('2026-11-22T10:00:00Z'))}.partial`), 'half');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    expect(listBackups(dir)).toEqual([
      { file: 'prelim-tracker-2026-11-21T10-00-00-000Z-manual.db', reason: 'manual', createdAt: '2026-11-21T10:00:00.000Z', size: 2 },
      { file: 'prelim-tracker-2026-11-20T10-00-00-000Z-startup.db', reason: 'startup', createdAt: '2026-11-20T10:00:00.000Z', size: 1 },
    ]);
    expect(listBackups(path.join(dir, 'missing'))).toEqual([]);
    expect(parseBackupFileName('prelim-tracker-2026-13-45T10-00-00-000Z-manual.db')).toBeNull();
  });
});

describe('retention', () => {
  it('keeps the last 10 plus the newest backup of each of the last 7 days, and deletes the rest', () => {
    const dir = tempDir();
    const now = new Date('2026-11-25T12:00:00Z');
    const make = (iso: string) => {
      const name = backupFileName('startup', new Date(iso));
      fs.writeFileSync(path.join(dir, name), 'x');
      return name;
    };
    // 12 backups today (the 10 newest are kept by count; today's newest is among them).
    const today = Array.from({ length: 12 }, (_, i) => make(`2026-11-25T${String(i).padStart(2, '0')}:00:00Z`));
    // Two on each of the 6 days before: only the newest of each day is kept.
    const daily: string[] = [];
    const dropped: string[] = [];
    for (let d = 19; d <= 24; d++) {
      dropped.push(make(`2026-11-${d}T08:00:00Z`));
      daily.push(make(`2026-11-${d}T20:00:00Z`));
    }
    // Older than 7 days: deleted.
    dropped.push(make('2026-11-18T11:00:00Z'), make('2026-11-01T11:00:00Z'));
    const oldestTwoToday = today.slice(0, 2);

    const deleted = pruneBackups(dir, now);
    const kept = fs.readdirSync(dir).sort();
    expect(kept).toEqual([...today.slice(2), ...daily].sort());
    expect(kept).toHaveLength(KEEP_LATEST + 6);
    expect(deleted.sort()).toEqual([...oldestTwoToday, ...dropped].sort());
    // Pruning again changes nothing.
    expect(pruneBackups(dir, now)).toEqual([]);
  });

  it('keeps 10 old backups even when none is recent', () => {
    const dir = tempDir();
    for (let i = 1; i <= 12; i++) fs.writeFileSync(path.join(dir, backupFileName('manual', new Date(`2025-01-${String(i).padStart(2, '0')}T00:00:00Z`))), 'x');
    pruneBackups(dir, new Date('2026-11-25T12:00:00Z'));
    expect(listBackups(dir).map((b) => b.createdAt.slice(0, 10))).toEqual(Array.from({ length: 10 }, (_, i) => `2025-01-${String(12 - i).padStart(2, '0')}`));
  });
});

describe('checking a backup', () => {
  it('says what is wrong with a damaged file, a file that is not ours and one from a newer version', () => {
    const dir = tempDir();
    const garbage = path.join(dir, 'garbage.db');
    fs.writeFileSync(garbage, 'this is not an sqlite file at all, just some text'.repeat(200));
    expect(checkBackupFile(garbage)).toMatchObject({ ok: false, message: expect.stringMatching(/garbage\.db (could not be read as a database|is damaged|is not a Prelim Tracker database \(it is not an SQLite file\))/) });

    const other = path.join(dir, 'other.db');
    const o = new Database(other);
    o.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
    o.close();
    expect(checkBackupFile(other)).toEqual({ ok: false, message: 'other.db is not a Prelim Tracker database. Choose another file.' });

    const newer = path.join(dir, 'newer.db');
    openDatabase(newer).close();
    const n = new Database(newer);
    n.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    n.close();
    expect(checkBackupFile(newer)).toMatchObject({ ok: false, message: expect.stringContaining('newer version of Prelim Tracker') });

    expect(checkBackupFile(path.join(dir, 'missing.db'))).toEqual({ ok: false, message: 'missing.db was not found.' });
  });

  it('finds a damaged page with the integrity check', () => {
    const dir = tempDir();
    const file = path.join(dir, 'damaged.db');
    const db = openDatabase(file);
    db.exec('CREATE TABLE filler (x TEXT)');
    const insert = db.prepare('INSERT INTO filler VALUES (?)');
    for (let i = 0; i < 2000; i++) insert.run(`row ${i} `.repeat(20));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = fs.readFileSync(file);
    // Scribble over the middle of the file (past the header and schema pages).
    bytes.fill(0x41, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 8192);
    fs.writeFileSync(file, bytes);
    const r = checkBackupFile(file);
    expect(r.ok).toBe(false);
  });
});

describe('restoring', () => {
  async function refused(makeFile: (dir: string) => string, message: RegExp) {
    const { raw, services, backupDir } = await withPrograms();
    const bad = makeFile(tempDir());
    const before = dumpDb(services.db);
    const r = await raw('backups.restore', { file: bad });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.message).toMatch(/^Nothing was restored: /);
      expect(r.error.message).toMatch(message);
    }
    expect(dumpDb(services.db)).toEqual(before);
    expect(listBackups(backupDir)).toEqual([]); // not even a before-restore backup
  }

  it('refuses a corrupt file and changes nothing', async () => {
    await refused((dir) => {
      const f = path.join(dir, 'corrupt.db');
      fs.writeFileSync(f, Buffer.alloc(8192, 7));
      return f;
    }, /corrupt\.db/);
  });

  it('refuses an SQLite file that is not ours and changes nothing', async () => {
    await refused((dir) => {
      const f = path.join(dir, 'budget.db');
      const o = new Database(f);
      o.exec('CREATE TABLE app_meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO app_meta VALUES (\'app_id\', \'someone-else\')');
      o.close();
      return f;
    }, /not a Prelim Tracker database/);
  });

  it('refuses a database from a newer version and changes nothing', async () => {
    await refused((dir) => {
      const f = path.join(dir, 'future.db');
      openDatabase(f).close();
      const n = new Database(f);
      n.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
      n.close();
      return f;
    }, /newer version/);
  });

  it('refuses a backup name that is not in the list', async () => {
    const { raw } = await withPrograms();
    const r = await raw('backups.restore', { file: 'prelim-tracker-2026-11-25T06-55-00-123Z-manual.db' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('brings back the old rows, keeps a before-restore backup, and later calls use the restored data', async () => {
    const { call, services, backupDir } = await withPrograms();
    const backup = await call('backups.create');
    expect(backup.reason).toBe('manual');
    const atBackup = dumpDb(services.db);
    await call('institutions.save', { institution: institution({ name: 'Added After Backup' }), tracks: [track('preliminary', { nrmpCode: '7777440P0' })] });
    const lakeview = (await call('programs.list')).find((p) => p.institution.name === 'Lakeview Regional')!;
    await call('institutions.delete', { id: lakeview.institution.id });
    expect(institutionNames(services.db)).toEqual(['Added After Backup']);

    const result = await call('backups.restore', { file: backup.file });
    expect(result.restored).toBe(backup.file);
    expect(result.safetyBackup.reason).toBe('before-restore');
    expect(result.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(dumpDb(services.db)).toEqual(atBackup);
    expect((await call('programs.list')).map((p) => p.institution.name)).toEqual(['Lakeview Regional']);
    expect(services.db.pragma('journal_mode', { simple: true })).toBe('wal');

    // The data from before the restore is in the before-restore backup.
    const list = await call('backups.list');
    expect(list.dir).toBe(displayPath(backupDir)); // shown without the absolute path
    expect(list.backups.map((b) => b.reason)).toEqual(['before-restore', 'manual']);
    const safety = new Database(path.join(backupDir, result.safetyBackup.file), { readonly: true });
    try {
      expect(institutionNames(safety)).toEqual(['Added After Backup']);
    } finally {
      safety.close();
    }

    // Writing after the restore goes to the restored database.
    await call('institutions.save', { institution: institution({ name: 'After Restore' }), tracks: [track('preliminary', { nrmpCode: '8888440P0' })] });
    expect(institutionNames(services.db)).toEqual(['After Restore', 'Lakeview Regional']);
  });

  it('restores a backup from an older version by an absolute path and migrates it', async () => {
    const dir = tempDir();
    const old = path.join(dir, 'from-v1.db');
    const v1 = openDatabase(old, { migrations: MIGRATIONS.slice(0, 1) });
    expect(schemaVersion(v1)).toBe(1);
    v1.close();
    const { call, services } = await withPrograms();
    const result = await call('backups.restore', { file: old });
    expect(result.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(schemaVersion(services.db)).toBe(LATEST_SCHEMA_VERSION);
    expect(await call('programs.list')).toEqual([]);
    expect(fs.existsSync(old)).toBe(true); // the chosen file itself is never modified
    const chosen = new Database(old, { readonly: true });
    expect(schemaVersion(chosen)).toBe(1);
    chosen.close();
  });
});

describe('automatic backups', () => {
  it('backs up at start-up when the database has data and backupDir is given, and not for a new file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'app.db');
    const backupDir = path.join(dir, 'backups');
    const first = openServices({ databasePath: file, mode: 'browser', backupDir });
    first.close();
    expect(listBackups(backupDir)).toEqual([]);
    const second = openServices({ databasePath: file, mode: 'browser', backupDir });
    try {
      const backups = listBackups(backupDir);
      expect(backups.map((b) => b.reason)).toEqual(['startup']);
      expect(checkBackupFile(path.join(backupDir, backups[0]!.file)).ok).toBe(true);
    } finally {
      second.close();
    }
  });

  it('takes no automatic backup without backupDir (tests)', async () => {
    const { file, services } = await withPrograms();
    services.close(); // one process opens a database once at a time (the writer lock)
    const again = openServices({ databasePath: file, mode: 'browser' });
    again.close();
    expect(fs.existsSync(path.join(path.dirname(file), 'backups'))).toBe(false);
  });

  it('backs up the old version before migrating it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'app.db');
    const backupDir = path.join(dir, 'backups');
    openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) }).close();
    const services = openServices({ databasePath: file, mode: 'browser', backupDir });
    try {
      expect(schemaVersion(services.db)).toBe(LATEST_SCHEMA_VERSION);
      const backups = listBackups(backupDir);
      expect(backups.map((b) => b.reason)).toEqual(['before-migration']);
      const copy = new Database(path.join(backupDir, backups[0]!.file), { readonly: true });
      try {
        expect(schemaVersion(copy)).toBe(1);
      } finally {
        copy.close();
      }
    } finally {
      services.close();
    }
  });
});
