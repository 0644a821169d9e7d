import type { Migration } from './types';

/**
 * v10: the prelim-year plan (issue 16): one plan for the current prelim year (the Match year
 * that gave the position), its dated checklist, categorical openings, the parallel plan per
 * path and the support network. The plan runs through PGY-1, across the start of the next
 * season, so these rows carry over when a new season starts.
 */
export const m010PrelimPlan: Migration = {
  version: 10,
  name: 'Prelim-year plan',
  up(db) {
    const isoDate = (col: string) => `${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;
    db.exec(`
      CREATE TABLE prelim_plan (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        match_year INTEGER NOT NULL CHECK (match_year BETWEEN 2020 AND 2100),
        program_label TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL CHECK (source IN ('match','soap','manual')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE prelim_item (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('letter','feedback','task')),
        template_key TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        due_date TEXT NOT NULL CHECK (${isoDate('due_date')}),
        person TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        action TEXT NOT NULL DEFAULT '',
        done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0,1)),
        done_on TEXT CHECK (done_on IS NULL OR ${isoDate('done_on')}),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX prelim_item_by_date ON prelim_item(due_date);

      CREATE TABLE prelim_opening (
        id INTEGER PRIMARY KEY,
        program TEXT NOT NULL CHECK (length(program) BETWEEN 1 AND 200),
        source TEXT NOT NULL DEFAULT '',
        seen_on TEXT NOT NULL CHECK (${isoDate('seen_on')}),
        contact TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('watching','contacted','applied','interview','offered','accepted','closed')),
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE prelim_path (
        path TEXT PRIMARY KEY CHECK (path IN ('categorical_surgery','anesthesiology','radiology','pmr','internal_medicine','emergency_medicine')),
        target_season INTEGER CHECK (target_season IS NULL OR target_season BETWEEN 2020 AND 2100),
        steps TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('not_started','exploring','preparing','applying','on_hold','dropped','achieved')),
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE prelim_contact (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        role TEXT NOT NULL CHECK (role IN ('co_resident','mentor','home_peer','family','other')),
        contact TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
