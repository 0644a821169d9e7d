import type { Migration } from './types';

/**
 * v13: the 2027 season as it is played (docs/DOMAIN.md §6–§9). Per institution: whether its
 * surgery program accepts ERAS signals and whether one was sent (both tracks see it). Interview
 * invitations: arrival and reply-by (wall-clock times in the invitation's zone), the offered
 * dates with their slots (JSON), the reply (accepted / waitlisted / declined / cancelled) and
 * the interview recorded for the accepted date. Travel costs per interview. The season's
 * choices (signal budget, geographic preference, cost settings, ERAS fee counting) are JSON
 * values in `season_choice`, apart from `setting` (whose every key is an app setting). And the
 * List of Unfilled Programs takes NRMP codes of 9 to 11 characters (it took 9 only).
 */
export const m013Season2027: Migration = {
  version: 13,
  name: 'signals, invitations, interview travel',
  up(db) {
    db.exec(`
      ALTER TABLE institution ADD COLUMN accepts_signals TEXT NOT NULL DEFAULT 'unknown' CHECK (accepts_signals IN ('yes','no','unknown'));
      ALTER TABLE institution ADD COLUMN signal_sent INTEGER NOT NULL DEFAULT 0 CHECK (signal_sent IN (0,1));

      CREATE TABLE invitation (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL UNIQUE REFERENCES application(id) ON DELETE CASCADE,
        received_at TEXT NOT NULL CHECK (received_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'),
        reply_by TEXT CHECK (reply_by IS NULL OR reply_by GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'),
        time_zone TEXT NOT NULL CHECK (length(time_zone) > 0),
        offered TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(offered) AND json_type(offered) = 'array'),
        status TEXT NOT NULL CHECK (status IN ('pending','accepted','waitlisted','declined','cancelled')),
        chosen_start TEXT,
        waitlist_position INTEGER CHECK (waitlist_position IS NULL OR waitlist_position >= 1),
        cancelled_on TEXT,
        cancelled_by TEXT CHECK (cancelled_by IS NULL OR cancelled_by IN ('me','program')),
        platform TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        interview_id INTEGER REFERENCES interview(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (status <> 'accepted' OR chosen_start IS NOT NULL),
        CHECK (status = 'waitlisted' OR waitlist_position IS NULL),
        CHECK ((status = 'cancelled') = (cancelled_on IS NOT NULL))
      ) STRICT;

      CREATE TABLE season_choice (
        key TEXT PRIMARY KEY CHECK (key IN ('signalBudget','geoPreference','costSettings','feesPerInstitution')),
        value TEXT NOT NULL CHECK (json_valid(value)),
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE interview_travel (
        interview_id INTEGER PRIMARY KEY REFERENCES interview(id) ON DELETE CASCADE,
        transport REAL NOT NULL DEFAULT 0 CHECK (transport >= 0),
        lodging REAL NOT NULL DEFAULT 0 CHECK (lodging >= 0),
        other REAL NOT NULL DEFAULT 0 CHECK (other >= 0),
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
      ) STRICT;

      -- NRMP codes are 9 to 11 characters (docs/DOMAIN.md §2.2): the List of Unfilled Programs
      -- took only 9 (migration 7). SQLite cannot change a CHECK: the table is rebuilt.
      CREATE TABLE soap_unfilled_v13 (
        nrmp_code TEXT PRIMARY KEY CHECK (length(nrmp_code) BETWEEN 9 AND 11),
        name TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT '',
        positions INTEGER CHECK (positions IS NULL OR positions BETWEEN 1 AND 99),
        program_id INTEGER REFERENCES program(id) ON DELETE SET NULL,
        added_by_import INTEGER NOT NULL DEFAULT 0 CHECK (added_by_import IN (0,1)),
        imported_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO soap_unfilled_v13 (nrmp_code, name, state, positions, program_id, added_by_import, imported_at)
        SELECT nrmp_code, name, state, positions, program_id, added_by_import, imported_at FROM soap_unfilled;
      DROP TABLE soap_unfilled;
      ALTER TABLE soap_unfilled_v13 RENAME TO soap_unfilled;
      CREATE INDEX soap_unfilled_by_program ON soap_unfilled(program_id);
    `);
  },
};
