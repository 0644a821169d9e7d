import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { MIGRATIONS } from '../../electron/db/migrations';
import { tempDir } from './helpers';

describe('migration 4 (interviews, rank list, prep card)', () => {
  it('upgrades a v3 database with applications, keeping them, and its tables refuse impossible rows', () => {
    const file = path.join(tempDir(), 'v3.db');
    const v3 = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 3) });
    v3.exec(`INSERT INTO institution (id, name, setting, research_heavy, visa_sponsorship, non_us_img_residents, internal_connection, created_at, updated_at) VALUES (1, 'Old Hospital', 'community', 0, 'j1', 'unknown', 0, 'x', 'x')`);
    v3.exec(`INSERT INTO program (id, institution_id, track, min_step2ck_kind, min_step1_kind, first_attempt_only, usce_required, created_at, updated_at) VALUES (1, 1, 'preliminary', 'strict', 'strict', 'unknown', 'unknown', 'x', 'x')`);
    v3.exec(`INSERT INTO application (id, program_id, status, status_date, created_at, updated_at) VALUES (1, 1, 'interviewed', '2026-11-03', 'x', 'x')`);
    expect(v3.pragma('user_version', { simple: true })).toBe(3);
    v3.close();

    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 4) });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(4);
      expect(db.prepare('SELECT status FROM application WHERE id = 1').pluck().get()).toBe('interviewed');
      const insertInterview = (cols: string, values: string) => () => db.exec(`INSERT INTO interview (application_id, duration_minutes, platform, created_at, updated_at${cols}) VALUES (1, 60, 'zoom', 'x', 'x'${values})`);
      expect(insertInterview(", local_start, time_zone", ", '2026-11-03T09:00', 'America/Chicago'")).not.toThrow();
      expect(insertInterview(', local_start', ", '2026-11-03T09:00'")).toThrow(/CHECK/);
      expect(insertInterview(", local_start, time_zone", ", '3 Nov 9am', 'UTC'")).toThrow(/CHECK/);
      expect(insertInterview(', completed', ', 1')).toThrow(/CHECK/);
      expect(insertInterview(", local_start, time_zone, completed, score", ", '2026-11-03T09:00', 'UTC', 1, 11")).toThrow(/CHECK/);
      expect(() => db.exec(`INSERT INTO rank_entry (application_id, position) VALUES (1, 301)`)).toThrow(/CHECK/);
      expect(() => db.exec(`INSERT INTO prep_card (id, ownership, reflection, evidence, reassurance, updated_at) VALUES (2, '', '', '', '', 'x')`)).toThrow(/CHECK/);
      db.exec(`INSERT INTO rank_entry (application_id, position) VALUES (1, 1)`);
      // Deleting the application removes its interviews and its rank.
      db.exec('DELETE FROM application WHERE id = 1');
      expect(db.prepare('SELECT count(*) FROM interview').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM rank_entry').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
