import type { Migration } from './types';

/**
 * v2: which programs are on the application list, the user's tier overrides (with a note;
 * the computed tier stays visible), sample-data marking, and app settings.
 */
export const m002ListAndOverrides: Migration = {
  version: 2,
  name: 'application list, tier overrides, sample data, settings',
  up(db) {
    db.exec(`
      ALTER TABLE program ADD COLUMN on_list INTEGER NOT NULL DEFAULT 0 CHECK (on_list IN (0,1));
      ALTER TABLE institution ADD COLUMN is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0,1));

      CREATE TABLE tier_override (
        program_id INTEGER PRIMARY KEY REFERENCES program(id) ON DELETE CASCADE,
        outcome TEXT NOT NULL CHECK (outcome IN ('excluded','long_shot','tier1','tier2','tier3')),
        note TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE setting (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
