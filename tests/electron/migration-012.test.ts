import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/db/open';
import { MIGRATIONS } from '../../electron/db/migrations';
import { createProgramsRepo } from '../../electron/db/repos/programs-repo';
import { tempDir } from './helpers';

describe('migration 12: facts from imported spreadsheets', () => {
  it('adds the columns to a database at the previous version, existing programs getting "not known"', () => {
    const file = path.join(tempDir(), 'v11.db');
    const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version < 12) });
    old.exec(`INSERT INTO institution (id, name, setting, research_heavy, visa_sponsorship, non_us_img_residents, internal_connection, created_at, updated_at)
              VALUES (1, 'Old Hospital', 'community', 0, 'j1', 'unknown', 0, 'x', 'x');
              INSERT INTO program (institution_id, track, nrmp_code, min_step2ck, min_step2ck_kind, min_step1_kind, first_attempt_only, usce_required, created_at, updated_at)
              VALUES (1, 'preliminary', '1234440P0', 220, 'preference', 'strict', 'unknown', 'unknown', 'x', 'x');`);
    old.close();
    const db = openDatabase(file);
    try {
      expect(schemaVersion(db)).toBeGreaterThanOrEqual(12);
      const [p] = createProgramsRepo(db).list();
      expect(p).toMatchObject({ minStep2ck: 220, minStep2ckKind: 'preference', minStep2ckKindStated: true, noStep2ckCutoff: false, minGraduationYear: null, noGraduationLimit: false, uscePreferred: false, unfilledCount: null, unfilledWindow: null, unfilledYears: [], applicationsReceived: null });
      expect(p!.institution).toMatchObject({ acgmeId: '', imgFriendliness: 'unknown', pgy1Salary: null });
      // The checks hold in the database too.
      expect(() => db.prepare(`UPDATE institution SET img_friendliness = 'very' WHERE id = 1`).run()).toThrow(/CHECK constraint failed/);
    } finally {
      db.close();
    }
  });
});
