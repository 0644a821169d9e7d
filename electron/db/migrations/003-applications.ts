import type { Migration } from './types';

/** v3: applications (one per program) and their dated status history. */
export const m003Applications: Migration = {
  version: 3,
  name: 'applications and status history',
  up(db) {
    const statuses = `'considering','materials_ready','submitted','under_review','interview_invited','interview_scheduled','interviewed','ranked','matched','not_matched','rejected','withdrawn'`;
    db.exec(`
      CREATE TABLE application (
        id INTEGER PRIMARY KEY,
        program_id INTEGER NOT NULL UNIQUE REFERENCES program(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN (${statuses})),
        status_date TEXT NOT NULL,
        submitted_on TEXT,
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE application_event (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,
        from_status TEXT CHECK (from_status IS NULL OR from_status IN (${statuses})),
        status TEXT NOT NULL CHECK (status IN (${statuses})),
        date TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX application_event_by_application ON application_event(application_id, id);
    `);
  },
};
