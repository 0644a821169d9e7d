// The application list (programs marked to apply to), tier overrides, settings and the
// removable sample data.
import type { Db } from '../open';
import { inTransaction } from '../open';
import { notFound } from '../columns';
import type { TierOverride } from '../../../shared/domain/program';

export interface AppSettings {
  /** ERAS fees: count preliminary and categorical surgery as one specialty (unconfirmed; default separate). */
  feesCombineTracks: boolean;
}

export const DEFAULT_SETTINGS: AppSettings = { feesCombineTracks: false };

export function createListRepo(db: Db) {
  const stmts = {
    setOnList: db.prepare('UPDATE program SET on_list = @on_list WHERE id = @id'),
    exists: db.prepare('SELECT id FROM program WHERE id = ?').pluck(),
    upsertOverride: db.prepare(
      `INSERT INTO tier_override (program_id, outcome, note, updated_at) VALUES (@program_id, @outcome, @note, @updated_at)
       ON CONFLICT(program_id) DO UPDATE SET outcome = excluded.outcome, note = excluded.note, updated_at = excluded.updated_at`,
    ),
    deleteOverride: db.prepare('DELETE FROM tier_override WHERE program_id = ?'),
    allSettings: db.prepare('SELECT key, value FROM setting'),
    upsertSetting: db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    markSample: db.prepare('UPDATE institution SET is_sample = 1 WHERE id = ?'),
    countSamplePrograms: db.prepare('SELECT COUNT(*) FROM program p JOIN institution i ON i.id = p.institution_id WHERE i.is_sample = 1').pluck(),
    deleteSample: db.prepare('DELETE FROM institution WHERE is_sample = 1'),
  };

  function requireProgram(id: number): void {
    if (stmts.exists.get(id) === undefined) throw notFound('Program', id, 'reload the list');
  }

  return {
    /** Marks or unmarks programs, all or none: an unknown id changes nothing. */
    setOnList(ids: number[], onList: boolean): { updated: number } {
      return inTransaction(db, () => {
        for (const id of ids) requireProgram(id);
        for (const id of ids) stmts.setOnList.run({ id, on_list: onList ? 1 : 0 });
        return { updated: ids.length };
      });
    },

    setOverride(programId: number, override: { outcome: TierOverride['outcome']; note: string } | null, now: Date): void {
      inTransaction(db, () => {
        requireProgram(programId);
        if (override === null) stmts.deleteOverride.run(programId);
        else stmts.upsertOverride.run({ program_id: programId, outcome: override.outcome, note: override.note, updated_at: now.toISOString() });
      });
    },

    settings(): AppSettings {
      const rows = stmts.allSettings.all() as { key: string; value: string }[];
      const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
      return { ...DEFAULT_SETTINGS, ...(stored as Partial<AppSettings>) };
    },

    saveSettings(settings: AppSettings): AppSettings {
      inTransaction(db, () => {
        for (const [k, v] of Object.entries(settings)) stmts.upsertSetting.run(k, JSON.stringify(v));
      });
      return this.settings();
    },

    markSample(institutionIds: number[]): void {
      for (const id of institutionIds) stmts.markSample.run(id);
    },

    removeSample(): { removedPrograms: number } {
      return inTransaction(db, () => {
        const n = stmts.countSamplePrograms.get() as number;
        stmts.deleteSample.run();
        return { removedPrograms: n };
      });
    },
  };
}

export type ListRepo = ReturnType<typeof createListRepo>;
