// Migration v5 -> v6: the readiness and calendar tables arrive, existing data stays, and the
// tables' constraints hold even for writes that bypass the API.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/db/open';
import { MIGRATIONS } from '../../electron/db/migrations';
import { tempDir } from './helpers';

describe('migration v5 -> v6', () => {
  it('adds the readiness and calendar tables, keeps programs, and enforces dates, flags and cascades', () => {
    const file = path.join(tempDir(), 'v5.db');
    const v5 = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 5) });
    expect(schemaVersion(v5)).toBe(5);
    v5.exec(`INSERT INTO institution (id, name, setting, research_heavy, visa_sponsorship, non_us_img_residents, internal_connection, created_at, updated_at)
             VALUES (1, 'Old Hospital', 'community', 0, 'j1', 'unknown', 0, 'x', 'x');
             INSERT INTO program (id, institution_id, track, nrmp_code, min_step2ck_kind, min_step1_kind, first_attempt_only, usce_required, created_at, updated_at)
             VALUES (7, 1, 'preliminary', '1234440P0', 'strict', 'strict', 'unknown', 'unknown', 'x', 'x');`);
    v5.close();
    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 6) });
    try {
      expect(schemaVersion(db)).toBe(6);
      expect(db.prepare('SELECT nrmp_code FROM program WHERE id = 7').pluck().get()).toBe('1234440P0');
      const insert = db.prepare(`INSERT INTO program_deadline (program_id, title, due_date, done, notes, created_at, updated_at) VALUES (?, ?, ?, ?, '', 'x', 'x')`);
      insert.run(7, 'Form', '2026-10-01', 0);
      expect(() => insert.run(7, 'Form', '1 Oct', 0)).toThrow(/CHECK/);
      expect(() => insert.run(7, 'Form', '2026-10-01', 2)).toThrow(/CHECK/);
      expect(() => insert.run(99, 'Form', '2026-10-01', 0)).toThrow(/FOREIGN KEY/);
      expect(() => db.prepare(`INSERT INTO calendar_setting (id, time_zone, reminders_enabled, reminder_days) VALUES (2, '', 1, 3)`).run()).toThrow(/CHECK/);
      expect(() => db.prepare(`INSERT INTO season_correction (event_id, date, time, note, updated_at) VALUES ('rol-deadline', '2027-03-03', '9pm', '', 'x')`).run()).toThrow(/CHECK/);
      db.prepare(`INSERT INTO reminder_log (item_key, shown_on, shown_at) VALUES ('deadline:1', '2026-09-20', 'x')`).run();
      expect(() => db.prepare(`INSERT INTO reminder_log (item_key, shown_on, shown_at) VALUES ('deadline:1', '2026-09-20', 'y')`).run()).toThrow(/UNIQUE|PRIMARY/);
      // A deleted program takes its deadlines with it.
      db.prepare('DELETE FROM program WHERE id = 7').run();
      expect(db.prepare('SELECT COUNT(*) FROM program_deadline').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
