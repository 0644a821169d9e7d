// Migration 7 (SOAP) from its predecessor: an existing database with programs gains the
// SOAP tables, its data untouched, and the constraints hold.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/db/open';
import { MIGRATIONS } from '../../electron/db/migrations';
import { createProgramsRepo } from '../../electron/db/repos/programs-repo';
import { tempDir } from './helpers';

describe('migration 7: SOAP', () => {
  it('upgrades a database at the previous version, keeping its programs, with one settings row', () => {
    const file = path.join(tempDir(), 'old.db');
    const before = MIGRATIONS.filter((m) => m.version < 7);
    const old = openDatabase(file, { migrations: before });
    // Rows as v6 knew them (today's repository writes today's columns).
    old.exec(`INSERT INTO institution (id, name, setting, research_heavy, visa_sponsorship, non_us_img_residents, internal_connection, created_at, updated_at)
              VALUES (1, 'Old Hospital', 'community', 0, 'j1', 'unknown', 0, 'x', 'x');
              INSERT INTO program (institution_id, track, nrmp_code, min_step2ck_kind, min_step1_kind, first_attempt_only, usce_required, created_at, updated_at)
              VALUES (1, 'preliminary', '1234440P0', 'strict', 'strict', 'unknown', 'unknown', 'x', 'x');`);
    old.close();

    const db = openDatabase(file);
    try {
      expect(schemaVersion(db)).toBeGreaterThanOrEqual(7);
      expect(createProgramsRepo(db).list()).toHaveLength(1);
      expect(db.prepare('SELECT match_status FROM soap_state').pluck().all()).toEqual(['not_known']);
      const programId = createProgramsRepo(db).list()[0]!.id;
      // At most one accepted application; an offer status needs its round.
      const insert = db.prepare('INSERT INTO soap_application (program_id, label, nrmp_code, status, applied_at, offer_round) VALUES (?, ?, ?, ?, ?, ?)');
      expect(() => insert.run(programId, 'A', '', 'offered', 'x', null)).toThrow(/CHECK/);
      insert.run(programId, 'A', '', 'accepted', 'x', 1);
      expect(() => insert.run(null, 'B', '', 'accepted', 'x', 2)).toThrow(/UNIQUE/);
      expect(() => db.prepare('INSERT INTO soap_state (id) VALUES (2)').run()).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});
