// Migration v8 -> v9: seasons arrive; what a database held is the 2027 Match (the only
// season earlier versions knew), its date corrections become the 2027 season's, and the
// one-active-season rule holds even for writes that bypass the API.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/db/open';
import { MIGRATIONS } from '../../electron/db/migrations';
import { tempDir } from './helpers';

describe('migration v8 -> v9', () => {
  it('makes the 2027 Match the active season and keeps corrections as 2027 ones', () => {
    const file = path.join(tempDir(), 'v8.db');
    const v8 = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 8) });
    v8.exec(`INSERT INTO season_correction (event_id, date, time, note, updated_at) VALUES ('rol-deadline', '2027-03-04', '21:00', 'NRMP', 'x');
             INSERT INTO letter_writer (id, name, location, is_surgeon, created_at, updated_at) VALUES (1, 'Dr. A', 'us', 1, 'x', 'x');
             INSERT INTO letter (id, writer_id, stage, created_at, updated_at) VALUES (1, 1, 'uploaded', 'x', 'x');`);
    v8.close();
    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 9) });
    try {
      expect(schemaVersion(db)).toBe(9);
      expect(db.prepare('SELECT match_year, status, started_at FROM season').all()).toEqual([{ match_year: 2027, status: 'active', started_at: null }]);
      expect(db.prepare('SELECT match_year, event_id, date, time, note FROM season_correction').all()).toEqual([{ match_year: 2027, event_id: 'rol-deadline', date: '2027-03-04', time: '21:00', note: 'NRMP' }]);
      expect(db.prepare('SELECT carried_from FROM letter WHERE id = 1').pluck().get()).toBeNull();
      // One active season; an ended season has its end date; a correction per season and event.
      expect(() => db.prepare(`INSERT INTO season (match_year, status, started_at) VALUES (2028, 'active', 'x')`).run()).toThrow(/UNIQUE/);
      expect(() => db.prepare(`INSERT INTO season (match_year, status, started_at) VALUES (2026, 'past', 'x')`).run()).toThrow(/CHECK/);
      expect(() => db.prepare(`INSERT INTO season (match_year, status, started_at) VALUES (1999, 'past', 'x')`).run()).toThrow(/CHECK/);
      db.prepare(`INSERT INTO season_correction (match_year, event_id, date, time, note, updated_at) VALUES (2028, 'rol-deadline', '2028-03-01', '21:00', '', 'x')`).run();
      expect(() => db.prepare(`INSERT INTO season_correction (match_year, event_id, date, time, note, updated_at) VALUES (2028, 'rol-deadline', '2028-03-02', '21:00', '', 'x')`).run()).toThrow(/UNIQUE|PRIMARY/);
      expect(() => db.prepare(`INSERT INTO season_archive (match_year, schema_version, image) VALUES (2030, 9, x'00')`).run()).toThrow(/FOREIGN KEY/);
    } finally {
      db.close();
    }
  });
});
