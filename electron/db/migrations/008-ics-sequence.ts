import type { Migration } from './types';

/**
 * v8: the SEQUENCE of each exported calendar event (RFC 5545). A calendar program ignores a
 * re-import of a UID whose SEQUENCE is not higher than the one it has, so each UID keeps the
 * hash of the content last exported and its sequence: the sequence only grows, by one each
 * time the exported content changes. Bookkeeping, not user-entered: no foreign keys (a UID
 * outlives its item, so an item deleted and made again still gets a higher sequence).
 */
export const m008IcsSequence: Migration = {
  version: 8,
  name: 'Calendar export sequences',
  up(db) {
    db.exec(`
      CREATE TABLE ics_export (
        uid TEXT PRIMARY KEY CHECK (length(uid) > 0),
        content_hash TEXT NOT NULL CHECK (length(content_hash) > 0),
        sequence INTEGER NOT NULL CHECK (sequence >= 0),
        exported_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
