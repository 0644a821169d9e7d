import type { Migration } from './types';
import { INTERVIEW_PLATFORMS } from '../../../shared/domain/interview';

/**
 * v4: interviews (one application can have several: e.g. a social evening and the
 * interview day), the rank order list and the "low scores" prep card.
 * Deleting an application deletes its interviews and takes it off the rank list.
 */
export const m004Pipeline: Migration = {
  version: 4,
  name: 'interviews, rank list and prep card',
  up(db) {
    const platforms = INTERVIEW_PLATFORMS.map((p) => `'${p}'`).join(',');
    db.exec(`
      CREATE TABLE interview (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,
        invited_on TEXT,
        respond_by TEXT,
        local_start TEXT CHECK (local_start IS NULL OR local_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'),
        time_zone TEXT,
        duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 720),
        platform TEXT NOT NULL CHECK (platform IN (${platforms})),
        location TEXT NOT NULL DEFAULT '',
        completed INTEGER NOT NULL DEFAULT 0 CHECK (completed IN (0, 1)),
        impressions TEXT NOT NULL DEFAULT '',
        score INTEGER CHECK (score IS NULL OR score BETWEEN 1 AND 10),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((local_start IS NULL) = (time_zone IS NULL)),
        CHECK (completed = 0 OR local_start IS NOT NULL)
      ) STRICT;
      CREATE INDEX interview_by_application ON interview(application_id);

      CREATE TABLE rank_entry (
        application_id INTEGER PRIMARY KEY REFERENCES application(id) ON DELETE CASCADE,
        position INTEGER NOT NULL UNIQUE CHECK (position BETWEEN 1 AND 300)
      ) STRICT;

      CREATE TABLE rank_list_meta (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        extra_rank_fee REAL CHECK (extra_rank_fee IS NULL OR extra_rank_fee >= 0),
        saved_at TEXT
      ) STRICT;

      CREATE TABLE prep_card (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        ownership TEXT NOT NULL,
        reflection TEXT NOT NULL,
        evidence TEXT NOT NULL,
        reassurance TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
