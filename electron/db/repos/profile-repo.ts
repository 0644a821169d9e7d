import type { Db } from '../open';
import { inTransaction } from '../open';
import { columnNames, fromRow, toRow, type ColumnSpec } from '../columns';
import { EMPTY_PROFILE, type Profile, type UsceEntry } from '../../../shared/domain/profile';

type ProfileScalars = Omit<Profile, 'usce'>;

const PROFILE_COLUMNS: ColumnSpec<ProfileScalars> = {
  fullName: 'text', email: 'text', medicalSchool: 'text', country: 'text', aamcId: 'text', graduationYear: 'int',
  step1Result: 'text', step1Score: 'int', step1Attempts: 'int',
  step2ckStatus: 'text', step2ckScore: 'int', step2ckAttempts: 'int', step2ckDate: 'text',
  step3Status: 'text', step3Score: 'int', step3Date: 'text',
  ecfmgStatus: 'text', oetStatus: 'text', visaNeed: 'text',
  researchCount: 'int', leadershipCount: 'int', teachingCount: 'int',
};

const USCE_COLUMNS: ColumnSpec<UsceEntry> = {
  id: 'text', type: 'text', specialty: 'text', surgical: 'bool', weeks: 'int', hospital: 'text', state: 'text', handsOn: 'bool',
};

export function createProfileRepo(db: Db) {
  const cols = columnNames(PROFILE_COLUMNS);
  const selectProfile = db.prepare('SELECT * FROM profile WHERE id = 1');
  const selectUsce = db.prepare('SELECT * FROM usce_entry ORDER BY position');
  const upsert = db.prepare(
    `INSERT INTO profile (id, ${cols.join(', ')}, updated_at) VALUES (1, ${cols.map((c) => `@${c}`).join(', ')}, @updated_at)
     ON CONFLICT(id) DO UPDATE SET ${cols.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = excluded.updated_at`,
  );
  const deleteUsce = db.prepare('DELETE FROM usce_entry');
  const usceCols = columnNames(USCE_COLUMNS);
  const insertUsce = db.prepare(`INSERT INTO usce_entry (position, ${usceCols.join(', ')}) VALUES (@position, ${usceCols.map((c) => `@${c}`).join(', ')})`);

  return {
    get(): { profile: Profile; updatedAt: string | null } {
      const row = selectProfile.get() as { [column: string]: unknown; updated_at: string } | undefined;
      if (!row) return { profile: EMPTY_PROFILE, updatedAt: null };
      const usce = (selectUsce.all() as Record<string, unknown>[]).map((r) => fromRow<UsceEntry>(r, USCE_COLUMNS));
      return { profile: { ...fromRow<ProfileScalars>(row, PROFILE_COLUMNS), usce }, updatedAt: row.updated_at };
    },

    /** Replaces the profile and its USCE entries in one transaction. */
    save(profile: Profile, now: Date): { profile: Profile; updatedAt: string } {
      const updatedAt = now.toISOString();
      inTransaction(db, () => {
        upsert.run({ ...toRow(profile, PROFILE_COLUMNS), updated_at: updatedAt });
        deleteUsce.run();
        profile.usce.forEach((entry, position) => insertUsce.run({ ...toRow(entry, USCE_COLUMNS), position }));
      });
      return { profile: this.get().profile, updatedAt };
    },
  };
}

export type ProfileRepo = ReturnType<typeof createProfileRepo>;
