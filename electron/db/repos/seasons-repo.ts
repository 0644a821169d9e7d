// Match seasons: which one is active, starting the next one (the old season archived as an
// SQLite image, its season-bound rows cleared from the live tables), undoing that until the
// first change, and opening a past season's archive read-only.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { AppError } from '../../errors';
import { inTransaction, migrate, schemaVersion, type Db } from '../open';
import type { Season, SeasonOutcome } from '../../../shared/domain/season';
import { seasonLabel } from '../../../shared/engine/season-projection';

/**
 * What starting the next season does with each table (every table must be listed: a test
 * checks it, so a table added later is classified on purpose).
 * - carry: stays in the live tables (profile, programs, writers and letters, documents…);
 * - stay: belongs to the season: kept in its archive, cleared from the live tables;
 * - bookkeeping: neither the user's data nor the season's (not compared for undo).
 */
export const SEASON_TABLES = {
  carry: [
    'profile', 'usce_entry', 'institution', 'program', 'program_unfilled', 'tier_override', 'setting',
    'letter_writer', 'letter', 'letter_settings', 'document_version', 'message_template', 'prep_card', 'calendar_setting',
    'season_correction', 'prelim_plan', 'prelim_item', 'prelim_opening', 'prelim_path', 'prelim_contact',
  ],
  stay: [
    'application', 'application_event', 'interview', 'rank_entry', 'rank_list_meta', 'letter_assignment', 'application_document',
    'communication', 'readiness_tick', 'program_deadline', 'soap_state', 'soap_plan_entry', 'soap_unfilled', 'soap_application',
    // The 2027-season records (docs/DOMAIN.md §6–§9): invitations, travel, the season's choices.
    'invitation', 'interview_travel', 'season_choice',
  ],
  // program_change: which program rows changed, for the programs cache (migration 015).
  bookkeeping: ['app_meta', 'season', 'season_archive', 'reminder_log', 'ics_export', 'program_change'],
} as const;

/** Rows a new database starts with in a "stay" table (put back after clearing it). */
const STAY_DEFAULT_ROWS = ['INSERT OR IGNORE INTO soap_state (id) VALUES (1)'];

const q = (id: string) => `"${id.replace(/"/g, '""')}"`;


interface SeasonRow {
  match_year: number;
  status: Season['status'];
  started_at: string | null;
  ended_at: string | null;
  carried_from: number | null;
  /** JSON of the SeasonOutcome ('{}' until the season ends). */
  outcome: string;
}

function rowToSeason(r: SeasonRow): Season {
  const outcome = JSON.parse(r.outcome) as Partial<SeasonOutcome>;
  return {
    matchYear: r.match_year,
    label: seasonLabel(r.match_year),
    status: r.status,
    startedAt: r.started_at ?? null,
    endedAt: r.ended_at ?? null,
    carriedFrom: r.carried_from ?? null,
    outcome: 'result' in outcome ? (outcome as SeasonOutcome) : null,
  };
}

function tableNames(db: Db): string[] {
  return db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
}

/** Opens an SQLite image (bytes of a database file) in memory; the live file is never touched. */
export function openImage(image: Buffer): Db {
  const copy = Buffer.from(image);
  // A WAL-mode file says so in bytes 18-19; an in-memory image must say "rollback journal".
  copy[18] = 1;
  copy[19] = 1;
  return new Database(copy);
}

export function createSeasonsRepo(db: Db) {
  const stmts = {
    all: db.prepare('SELECT * FROM season ORDER BY match_year DESC'),
    active: db.prepare(`SELECT * FROM season WHERE status = 'active'`),
    one: db.prepare('SELECT * FROM season WHERE match_year = ?'),
    end: db.prepare(`UPDATE season SET status = 'past', ended_at = @now, outcome = @outcome, undo_fingerprint = NULL WHERE match_year = @year`),
    insert: db.prepare(`INSERT INTO season (match_year, status, started_at, carried_from) VALUES (@year, 'active', @now, @from)`),
    setFingerprint: db.prepare('UPDATE season SET undo_fingerprint = ? WHERE match_year = ?'),
    fingerprint: db.prepare('SELECT undo_fingerprint FROM season WHERE match_year = ?').pluck(),
    archive: db.prepare('SELECT image FROM season_archive WHERE match_year = ?').pluck(),
    putArchive: db.prepare('INSERT INTO season_archive (match_year, schema_version, image) VALUES (?, ?, ?)'),
    dropArchive: db.prepare('DELETE FROM season_archive WHERE match_year = ?'),
    dropSeason: db.prepare('DELETE FROM season WHERE match_year = ?'),
    reactivate: db.prepare(`UPDATE season SET status = 'active', ended_at = NULL, outcome = '{}' WHERE match_year = ?`),
    markImportable: db.prepare(`UPDATE letter SET carried_from = ? WHERE carried_from IS NULL AND stage = 'uploaded'`),
    clearReminders: db.prepare('DELETE FROM reminder_log'),
    toMarkImportable: db.prepare(`SELECT COUNT(*) FROM letter WHERE carried_from IS NULL AND stage = 'uploaded'`).pluck(),
  };

  function active(): Season {
    const r = stmts.active.get() as SeasonRow | undefined;
    if (!r) throw new AppError('database', 'The database has no active season; restore a backup or start the next season again.');
    return rowToSeason(r);
  }

  function get(matchYear: number): Season | null {
    const r = stmts.one.get(matchYear) as SeasonRow | undefined;
    return r ? rowToSeason(r) : null;
  }

  /** A hash of the user's data (not the bookkeeping): equal hashes mean nothing was changed. */
  function fingerprint(): string {
    const hash = createHash('sha256');
    const skip = new Set<string>(SEASON_TABLES.bookkeeping);
    for (const t of tableNames(db).filter((n) => !skip.has(n))) {
      const rows = (db.prepare(`SELECT * FROM ${q(t)}`).raw().all() as unknown[][]).map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : typeof v === 'bigint' ? String(v) : v)));
      rows.sort();
      hash.update(`${t}\n${rows.join('\n')}\n`);
    }
    return hash.digest('hex');
  }

  /** The live database as an image without the other seasons' archives (so images never nest). */
  function snapshot(): Buffer {
    const mem = openImage(db.serialize());
    try {
      mem.exec('DELETE FROM season_archive; VACUUM;');
      return mem.serialize();
    } finally {
      mem.close();
    }
  }

  /** Why the active season's start cannot be undone, or null when it can (nothing changed since). */
  function undoBlockedBecause(): string | null {
    const current = active();
    if (current.carriedFrom === null) return 'This season was not started from an earlier one.';
    const stored = stmts.fingerprint.get(current.matchYear) as string | null;
    if (stored === null || stored !== fingerprint()) return `Data changed since the ${current.label} started, so it can no longer be undone.`;
    return null;
  }

  function counts(tables: readonly string[]): Record<string, number> {
    const existing = new Set(tableNames(db));
    return Object.fromEntries(tables.filter((t) => existing.has(t)).map((t) => [t, db.prepare(`SELECT COUNT(*) FROM ${q(t)}`).pluck().get() as number]));
  }

  return {
    active,
    get,
    list(): Season[] {
      return (stmts.all.all() as SeasonRow[]).map(rowToSeason);
    },
    fingerprint,
    counts,
    tableNames: () => tableNames(db),
    /** Uploaded letters of the active season: importable in the next one. */
    lettersToMarkImportable: () => stmts.toMarkImportable.get() as number,

    /**
     * Ends the active season `from` and starts `from + 1`, in one transaction: the database as
     * it is becomes the old season's read-only archive; the season-bound rows are cleared;
     * uploaded letters are marked importable (uploaded in `from`).
     */
    startNext(from: number, outcome: SeasonOutcome, now: Date): Season {
      return inTransaction(db, () => {
        const current = active();
        if (current.matchYear !== from) throw new AppError('conflict', `The active season is the ${current.label}, not the ${seasonLabel(from)}; reload the page.`);
        const to = from + 1;
        if (get(to)) throw new AppError('conflict', `The ${seasonLabel(to)} exists already.`);
        stmts.putArchive.run(from, schemaVersion(db), snapshot());
        stmts.end.run({ year: from, now: now.toISOString(), outcome: JSON.stringify(outcome) });
        db.pragma('defer_foreign_keys = ON');
        const existing = new Set(tableNames(db));
        for (const t of SEASON_TABLES.stay) if (existing.has(t)) db.prepare(`DELETE FROM ${q(t)}`).run();
        for (const sql of STAY_DEFAULT_ROWS) db.prepare(sql).run();
        stmts.clearReminders.run();
        stmts.markImportable.run(from);
        stmts.insert.run({ year: to, now: now.toISOString(), from });
        stmts.setFingerprint.run(fingerprint(), to);
        return active();
      });
    },

    undoBlockedBecause,

    /**
     * Undoes "start the next season" while nothing changed since: the season-bound rows come
     * back from the old season's archive, the letters lose their "importable" mark, the old
     * season is active again and the new one is gone.
     */
    undoStart(): Season {
      return inTransaction(db, () => {
        const current = active();
        const blocked = undoBlockedBecause();
        if (blocked) throw new AppError('conflict', blocked);
        const from = current.carriedFrom!;
        const archive = openArchive(from);
        try {
          db.pragma('defer_foreign_keys = ON');
          const live = new Set(tableNames(db));
          for (const t of SEASON_TABLES.stay) {
            if (!live.has(t)) continue;
            db.prepare(`DELETE FROM ${q(t)}`).run();
            const cols = (db.prepare(`PRAGMA table_xinfo(${q(t)})`).all() as { name: string; hidden: number }[]).filter((c) => c.hidden === 0).map((c) => c.name);
            const insert = db.prepare(`INSERT INTO ${q(t)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
            for (const row of archive.prepare(`SELECT ${cols.map(q).join(', ')} FROM ${q(t)}`).raw().all() as unknown[][]) insert.run(...row);
          }
          const wasImportable = new Map((archive.prepare('SELECT id, carried_from FROM letter').raw().all() as [number, number | null][]).map(([id, c]) => [id, c]));
          const setCarried = db.prepare('UPDATE letter SET carried_from = ? WHERE id = ?');
          for (const [id, carried] of wasImportable) setCarried.run(carried, id);
        } finally {
          archive.close();
        }
        stmts.dropSeason.run(current.matchYear);
        stmts.dropArchive.run(from);
        stmts.reactivate.run(from);
        return active();
      });
    },

    /**
     * A past season's database, opened in memory from its archive and brought to this
     * version's schema (the archive itself is never written). Close it after reading.
     */
    openArchive,
  };

  function openArchive(matchYear: number): Db {
    const image = stmts.archive.get(matchYear) as Buffer | undefined;
    if (!image) throw new AppError('not_found', `The ${seasonLabel(matchYear)} has no archive; only past seasons are kept read-only.`);
    const mem = openImage(image);
    try {
      mem.pragma('foreign_keys = ON');
      migrate(mem);
      return mem;
    } catch (err) {
      mem.close();
      throw err;
    }
  }
}
