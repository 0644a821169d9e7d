import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError, NotOurDatabaseError, openDatabase, schemaVersion } from '../../electron/db/open';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/db/migrations';
import type { Migration } from '../../electron/db/migrations/types';
import { createProfileRepo } from '../../electron/db/repos/profile-repo';
import { seedExampleProfile } from '../fixtures';
import { sha256, tempDir } from './helpers';

describe('opening the database', () => {
  it('creates a new database at the latest schema with WAL, foreign keys and a busy timeout', () => {
    const file = path.join(tempDir(), 'nested', 'folder', 'app.db');
    const db = openDatabase(file);
    try {
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      // Versions strictly increase (gaps are allowed: helpers were given numbers in parallel).
      expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
      expect(MIGRATIONS.every((m, i) => i === 0 || m.version > MIGRATIONS[i - 1]!.version)).toBe(true);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type='table'`).pluck().all();
      expect(tables).toEqual(expect.arrayContaining(['app_meta', 'profile', 'usce_entry', 'institution', 'program', 'program_unfilled']));
      expect(db.prepare(`SELECT value FROM app_meta WHERE key='app_id'`).pluck().get()).toBe('prelim-tracker');
    } finally {
      db.close();
    }
  });

  it('keeps data across close and reopen', () => {
    const file = path.join(tempDir(), 'app.db');
    const db = openDatabase(file);
    createProfileRepo(db).save(seedExampleProfile(), new Date());
    db.close();
    const again = openDatabase(file);
    try {
      expect(createProfileRepo(again).get().profile).toEqual(seedExampleProfile());
    } finally {
      again.close();
    }
  });

  it('refuses a database written by a newer version and leaves the file byte-for-byte unchanged', () => {
    const file = path.join(tempDir(), 'future.db');
    const future = new Database(file);
    future.exec(`CREATE TABLE app_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO app_meta VALUES ('app_id','prelim-tracker'); CREATE TABLE future_table (x);`);
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    future.close();
    const before = sha256(file);
    const filesBefore = fs.readdirSync(path.dirname(file)).sort();

    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(file)).toThrow(/newer version of Prelim Tracker .*schema \d+; this version knows up to \d+.*left unchanged/);
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(filesBefore); // no -wal / -shm left behind
    const check = new Database(file, { readonly: true });
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });

  it('refuses an SQLite file that is not ours and leaves it unchanged', () => {
    const file = path.join(tempDir(), 'other.db');
    const other = new Database(file);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
    other.close();
    const before = sha256(file);
    expect(() => openDatabase(file)).toThrow(NotOurDatabaseError);
    expect(sha256(file)).toBe(before);
  });

  it('refuses a file that is not a database at all', () => {
    const file = path.join(tempDir(), 'notes.db');
    fs.writeFileSync(file, 'this is a text file, not SQLite\n'.repeat(50));
    const before = sha256(file);
    expect(() => openDatabase(file)).toThrow(/could not be read as a database/);
    expect(sha256(file)).toBe(before);
  });

  it('runs all pending migrations in one transaction: a failing one leaves the database as it was', () => {
    const file = path.join(tempDir(), 'mig.db');
    const good: Migration = { version: 1, name: 'one', up: (db) => db.exec('CREATE TABLE app_meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO app_meta VALUES (\'app_id\', \'prelim-tracker\'); CREATE TABLE a (x)') };
    const second: Migration = { version: 2, name: 'two', up: (db) => db.exec('CREATE TABLE b (y)') };
    const broken: Migration = { version: 3, name: 'broken', up: (db) => db.exec('CREATE TABLE c (z); INSERT INTO no_such_table VALUES (1)') };
    openDatabase(file, { migrations: [good] }).close();

    expect(() => openDatabase(file, { migrations: [good, second, broken] })).toThrow(/no_such_table/);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type='table'`).pluck().all();
      expect(tables).toContain('a');
      expect(tables).not.toContain('b');
      expect(tables).not.toContain('c');
    } finally {
      db.close();
    }
    const migrated = openDatabase(file, { migrations: [good, second] });
    expect(schemaVersion(migrated)).toBe(2);
    migrated.close();
  });

  it('calls beforeMigrate with the versions only when an existing database is upgraded', () => {
    const file = path.join(tempDir(), 'hook.db');
    const calls: [number, number][] = [];
    const one: Migration = { version: 1, name: 'one', up: (db) => db.exec(`CREATE TABLE app_meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO app_meta VALUES ('app_id','prelim-tracker')`) };
    const two: Migration = { version: 2, name: 'two', up: (db) => db.exec('CREATE TABLE t (x)') };
    openDatabase(file, { migrations: [one], beforeMigrate: (_db, from, to) => calls.push([from, to]) }).close();
    expect(calls).toEqual([]);
    openDatabase(file, { migrations: [one, two], beforeMigrate: (_db, from, to) => calls.push([from, to]) }).close();
    expect(calls).toEqual([[1, 2]]);
  });
});
