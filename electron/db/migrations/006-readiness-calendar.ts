import type { Migration } from './types';

/**
 * v6: the readiness checklist's ticks, the user's corrections of season dates, per-program
 * deadlines, calendar and reminder settings, and the log of reminders shown (at most one
 * per item per day).
 */
export const m006ReadinessCalendar: Migration = {
  version: 6,
  name: 'readiness ticks, season corrections, program deadlines, reminders',
  up(db) {
    const isoDate = (col: string) => `${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;
    db.exec(`
      CREATE TABLE readiness_tick (
        item_id TEXT PRIMARY KEY CHECK (length(item_id) BETWEEN 1 AND 80),
        done INTEGER NOT NULL CHECK (done IN (0,1)),
        updated_at TEXT NOT NULL
      ) STRICT;

      -- Keyed by the reference event's id (shared/domain/season-calendar.ts), which is data, not a table.
      CREATE TABLE season_correction (
        event_id TEXT PRIMARY KEY CHECK (length(event_id) BETWEEN 1 AND 80),
        date TEXT NOT NULL CHECK (${isoDate('date')}),
        time TEXT CHECK (time IS NULL OR time GLOB '[0-2][0-9]:[0-5][0-9]'),
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
      ) STRICT;

      -- A program's deadlines go with the program.
      CREATE TABLE program_deadline (
        id INTEGER PRIMARY KEY,
        program_id INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
        due_date TEXT NOT NULL CHECK (${isoDate('due_date')}),
        done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0,1)),
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX program_deadline_by_program ON program_deadline(program_id);
      CREATE INDEX program_deadline_by_date ON program_deadline(due_date);

      CREATE TABLE calendar_setting (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        time_zone TEXT NOT NULL DEFAULT '',
        reminders_enabled INTEGER NOT NULL DEFAULT 1 CHECK (reminders_enabled IN (0,1)),
        reminder_days INTEGER NOT NULL DEFAULT 3 CHECK (reminder_days BETWEEN 0 AND 60)
      ) STRICT;

      -- One row per item per day a reminder was shown; keys name items of several kinds, so no foreign key.
      CREATE TABLE reminder_log (
        item_key TEXT NOT NULL CHECK (length(item_key) BETWEEN 1 AND 120),
        shown_on TEXT NOT NULL CHECK (${isoDate('shown_on')}),
        shown_at TEXT NOT NULL,
        PRIMARY KEY (item_key, shown_on)
      ) STRICT;
    `);
  },
};
