// Hostile database files offered to Restore (issue 11): look-alikes, planted triggers and
// views, changed schemas, broken links, damaged pages, data the app's rules refuse. Each is
// refused with its reason; the live data, the live file's schema and the chosen file stay as
// they were, and the app keeps working.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupDatabase } from '../../electron/db/backup';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { openServices } from '../../electron/services';
import { institution, track } from '../fixtures';
import { dumpDb, openTestServices, sha256, tempDir } from './helpers';

/** A real backup of a database with one institution and its track, then changed by edit (with a raw connection). */
async function plantedBackup(dir: string, name: string, edit: (db: Database.Database) => void): Promise<string> {
  const src = path.join(dir, `${name}-source.db`);
  const services = openServices({ databasePath: src, mode: 'browser' });
  const file = path.join(dir, `${name}.db`);
  try {
    const saved = await services.dispatch('institutions.save', { institution: institution({ name: 'Planted Hospital' }), tracks: [track('preliminary', { nrmpCode: '4321440P0' })] });
    if (!saved.ok) throw new Error(saved.error.message);
    await services.db.backup(file);
  } finally {
    services.close();
  }
  const raw = new Database(file);
  try {
    edit(raw);
  } finally {
    raw.close();
  }
  return file;
}

type Maker = [name: string, make: (dir: string) => Promise<string> | string, reason: RegExp];

const makers: Maker[] = [
  [
    'a look-alike: only app_meta and the current user_version',
    (dir) => {
      const f = path.join(dir, 'lookalike.db');
      const db = new Database(f);
      db.exec(`CREATE TABLE app_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO app_meta VALUES ('app_id', 'prelim-tracker');`);
      db.pragma(`user_version = ${LATEST_SCHEMA_VERSION}`);
      db.close();
      return f;
    },
    /was not written by Prelim Tracker: (the table "\w+" is missing|the columns or links of the table "app_meta")/,
  ],
  ['a real backup with a planted trigger', (dir) => plantedBackup(dir, 'trigger', (db) => db.exec(`CREATE TRIGGER rewrite AFTER UPDATE ON institution BEGIN UPDATE institution SET notes = 'owned'; END;`)), /has a trigger "rewrite" that Prelim Tracker does not create/],
  ['a real backup with a planted view', (dir) => plantedBackup(dir, 'view', (db) => db.exec(`CREATE VIEW spy AS SELECT * FROM institution`)), /has a view "spy" that Prelim Tracker does not create/],
  ['an extra table', (dir) => plantedBackup(dir, 'table', (db) => db.exec(`CREATE TABLE extra (x)`)), /has a table "extra" that Prelim Tracker does not create/],
  ['a missing table', (dir) => plantedBackup(dir, 'dropped', (db) => db.exec(`PRAGMA foreign_keys = OFF; DROP TABLE prep_card`)), /the table "prep_card" is missing/],
  ['an extra column', (dir) => plantedBackup(dir, 'column', (db) => db.exec(`ALTER TABLE institution ADD COLUMN evil TEXT`)), /columns or links of the table "institution"/],
  ['an extra index', (dir) => plantedBackup(dir, 'index', (db) => db.exec(`CREATE INDEX evil_index ON institution(city)`)), /has a index "evil_index"/],
  ['a missing index', (dir) => plantedBackup(dir, 'noindex', (db) => db.exec(`DROP INDEX institution_name`)), /index "institution_name" is missing/],
  ['a changed index', (dir) => plantedBackup(dir, 'changedindex', (db) => db.exec(`DROP INDEX institution_name; CREATE INDEX institution_name ON institution(city)`)), /index "institution_name" is not the one/],
  [
    'a row pointing to a missing row',
    (dir) =>
      plantedBackup(dir, 'fk', (db) => {
        db.pragma('foreign_keys = OFF');
        db.exec('UPDATE program SET institution_id = 999');
      }),
    /point to missing rows of "institution"/,
  ],
  ['a newer user_version', (dir) => plantedBackup(dir, 'newer', (db) => db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)), /newer version of Prelim Tracker/],
  ['user_version 0', (dir) => plantedBackup(dir, 'zero', (db) => db.pragma('user_version = 0')), /has no schema version/],
  ['another application id', (dir) => plantedBackup(dir, 'appid', (db) => db.exec(`UPDATE app_meta SET value = 'someone-else' WHERE key = 'app_id'`)), /is not a Prelim Tracker database/],
  ['a state the editor would not store', (dir) => plantedBackup(dir, 'badstate', (db) => db.exec(`UPDATE institution SET state = 'zz'`)), /Nothing was restored: .*state/i],
  ['a text file named .db', (dir) => (fs.writeFileSync(path.join(dir, 'text.db'), 'hello '.repeat(1000)), path.join(dir, 'text.db')), /not an SQLite file/],
  ['an empty file', (dir) => (fs.writeFileSync(path.join(dir, 'empty.db'), ''), path.join(dir, 'empty.db')), /is empty/],
  ['a zip file named .db', (dir) => (fs.writeFileSync(path.join(dir, 'zip.db'), Buffer.from('504b0304140000000800', 'hex')), path.join(dir, 'zip.db')), /not an SQLite file/],
  [
    'a backup cut in half',
    async (dir) => {
      const f = await plantedBackup(dir, 'half', () => undefined);
      const bytes = fs.readFileSync(f);
      fs.writeFileSync(f, bytes.subarray(0, Math.floor(bytes.length / 2)));
      return f;
    },
    /(damaged|could not be read|not written by Prelim Tracker)/,
  ],
  [
    'a damaged page',
    async (dir) => {
      const f = await plantedBackup(dir, 'pages', () => undefined);
      const bytes = fs.readFileSync(f);
      bytes.fill(0x41, 4096 * 3, 4096 * 3 + 2000); // scribble over a b-tree page
      fs.writeFileSync(f, bytes);
      return f;
    },
    /(damaged|could not be read|not written by Prelim Tracker)/,
  ],
];

describe('restore refuses hostile database files', () => {
  it(`refuses each of ${makers.length} hostile files with its reason and leaves the live data unchanged`, async () => {
    expect(makers.length).toBeGreaterThanOrEqual(10);
    const t = openTestServices();
    await t.call('institutions.save', { institution: institution({ name: 'Live Hospital', notes: 'mine' }), tracks: [track('preliminary', { nrmpCode: '1234440P0' })] });
    const dir = tempDir();
    const liveBefore = dumpDb(t.services.db);
    const schemaBefore = t.services.db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    const wrong: string[] = [];
    for (const [name, make, reason] of makers) {
      const file = await make(dir);
      const before = sha256(file);
      const r = await t.raw('backups.restore', { file });
      if (r.ok) wrong.push(`${name}: restored`);
      else if (!reason.test(r.error.message)) wrong.push(`${name}: "${r.error.message}"`);
      if (sha256(file) !== before) wrong.push(`${name}: the chosen file was changed`);
      if (JSON.stringify(dumpDb(t.services.db)) !== JSON.stringify(liveBefore)) wrong.push(`${name}: the live data changed`);
    }
    expect(wrong).toEqual([]);
    expect(t.services.db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()).toEqual(schemaBefore);
    expect(t.services.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The app still works, and an ordinary save does only what it says.
    const [program] = await t.call('programs.list');
    await t.call('institutions.save', { institution: { ...institution({ name: 'Live Hospital', notes: 'edited' }), id: program!.institution.id }, tracks: [track('preliminary', { nrmpCode: '1234440P0', id: program!.id })] });
    expect(t.services.db.prepare('SELECT notes FROM institution').pluck().all()).toEqual(['edited']);
  }, 120_000);

  it('still restores a real backup, in place: same connection, its lock held throughout', async () => {
    const t = openTestServices();
    await t.call('institutions.save', { institution: institution({ name: 'Kept' }), tracks: [track('preliminary', { nrmpCode: '1234440P0' })] });
    const backupDir = path.join(path.dirname(t.file), 'backups');
    const backup = await backupDatabase(t.services.db, backupDir, 'manual');
    const [program] = await t.call('programs.list');
    await t.call('programs.delete', { id: program!.id });
    const connection = t.services.db;
    const r = await t.call('backups.restore', { file: backup.file });
    expect(r.restored).toBe(backup.file);
    expect(t.services.db).toBe(connection); // never closed, so no other process could take the file
    expect((await t.call('programs.list')).map((p) => p.institution.name)).toEqual(['Kept']);
  });
});
