import type { Migration } from './types';

/**
 * v9: Match seasons. Until now the app held one season (the 2027 Match, hard-coded); a
 * database now holds its seasons, one active. The live tables are always the active season;
 * when the user starts the next season, the database as it was is kept read-only in
 * season_archive (an SQLite image) and the season-bound rows (applications, interviews, rank
 * list, SOAP, program deadlines, readiness ticks…) are cleared from the live tables.
 * Corrections of reference dates are kept per season (keyed by Match year); a letter carried
 * from an earlier season remembers it (importable in MyERAS, docs/DOMAIN.md §4 "After the Match").
 */
export const m009Seasons: Migration = {
  version: 9,
  name: 'Match seasons',
  up(db) {
    const year = (col: string) => `${col} BETWEEN 2020 AND 2100`;
    db.exec(`
      CREATE TABLE season (
        match_year INTEGER PRIMARY KEY CHECK (${year('match_year')}),
        status TEXT NOT NULL CHECK (status IN ('active','past')),
        -- NULL for the season a database already held when seasons were introduced.
        started_at TEXT,
        ended_at TEXT,
        -- The season's result, written when it ends (JSON; shared/domain/season.ts SeasonOutcome).
        outcome TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(outcome)),
        -- The season this one was started from (its data carried over).
        carried_from INTEGER REFERENCES season(match_year),
        -- Fingerprint of the data right after this season was started: undo is possible while it still matches.
        undo_fingerprint TEXT,
        CHECK ((status = 'active') = (ended_at IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX season_one_active ON season(status) WHERE status = 'active';

      -- The database as it was when the season ended (without the other archives), read-only.
      CREATE TABLE season_archive (
        match_year INTEGER PRIMARY KEY REFERENCES season(match_year) ON DELETE CASCADE,
        schema_version INTEGER NOT NULL CHECK (schema_version > 0),
        image BLOB NOT NULL
      ) STRICT;

      -- Everything so far belongs to the 2027 Match, the only season earlier versions knew.
      INSERT INTO season (match_year, status) VALUES (2027, 'active');

      CREATE TABLE season_correction_v9 (
        match_year INTEGER NOT NULL CHECK (${year('match_year')}),
        event_id TEXT NOT NULL CHECK (length(event_id) BETWEEN 1 AND 80),
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        time TEXT CHECK (time IS NULL OR time GLOB '[0-2][0-9]:[0-5][0-9]'),
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (match_year, event_id)
      ) STRICT;
      INSERT INTO season_correction_v9 (match_year, event_id, date, time, note, updated_at)
        SELECT 2027, event_id, date, time, note, updated_at FROM season_correction;
      DROP TABLE season_correction;
      ALTER TABLE season_correction_v9 RENAME TO season_correction;

      ALTER TABLE letter ADD COLUMN carried_from INTEGER CHECK (carried_from IS NULL OR ${year('carried_from')});
    `);
  },
};
