import type { Migration } from './types';

/**
 * v11: what each exported calendar event was (title and start), and whether it was already
 * sent as cancelled. An item that disappears (an interview deleted, a reply answered and
 * gone) is exported once more as STATUS:CANCELLED with a higher SEQUENCE, so calendars drop
 * it: that needs its start and title after the item itself is gone. Rows written before
 * this version have an empty start and are never cancelled (there is nothing to say).
 */
export const m011IcsCancel: Migration = {
  version: 11,
  name: 'Calendar export: cancelled events',
  up(db) {
    db.exec(`
      ALTER TABLE ics_export ADD COLUMN title TEXT NOT NULL DEFAULT '';
      ALTER TABLE ics_export ADD COLUMN start TEXT NOT NULL DEFAULT '';
      ALTER TABLE ics_export ADD COLUMN cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1));
    `);
  },
};
