import type { Migration } from './types';

/**
 * v7: SOAP (docs/DOMAIN.md §5). One settings row, the fallback plan, Monday's List of Unfilled
 * Programs and the Match Week applications.
 * - Plan entries and list rows follow their program (CASCADE / SET NULL): deleting a
 *   program must not be blocked by SOAP.
 * - An application keeps its program's name and code and survives the program's deletion
 *   (SET NULL): it was sent, so it still counts against the 45.
 * - At most one accepted application (partial unique index): an acceptance is binding.
 */
export const m007Soap: Migration = {
  version: 7,
  name: 'SOAP fallback plan, unfilled list and Match Week',
  up(db) {
    db.exec(`
      CREATE TABLE soap_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        match_status TEXT NOT NULL DEFAULT 'not_known' CHECK (match_status IN ('not_known','unmatched','partial_advanced','partial_preliminary','matched')),
        prelim_statement_ready INTEGER NOT NULL DEFAULT 0 CHECK (prelim_statement_ready IN (0,1)),
        letters_ready INTEGER NOT NULL DEFAULT 0 CHECK (letters_ready IN (0,1)),
        unfilled_imported_at TEXT
      ) STRICT;
      INSERT INTO soap_state (id) VALUES (1);

      CREATE TABLE soap_plan_entry (
        program_id INTEGER PRIMARY KEY REFERENCES program(id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 1),
        note TEXT NOT NULL DEFAULT '',
        added_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE soap_unfilled (
        nrmp_code TEXT PRIMARY KEY CHECK (length(nrmp_code) = 9),
        name TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT '',
        positions INTEGER CHECK (positions IS NULL OR positions BETWEEN 1 AND 99),
        program_id INTEGER REFERENCES program(id) ON DELETE SET NULL,
        added_by_import INTEGER NOT NULL DEFAULT 0 CHECK (added_by_import IN (0,1)),
        imported_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX soap_unfilled_by_program ON soap_unfilled(program_id);

      CREATE TABLE soap_application (
        id INTEGER PRIMARY KEY,
        program_id INTEGER UNIQUE REFERENCES program(id) ON DELETE SET NULL,
        label TEXT NOT NULL,
        nrmp_code TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'applied' CHECK (status IN ('applied','interview','offered','accepted','rejected','expired','closed')),
        applied_at TEXT NOT NULL,
        interview_at TEXT,
        offer_round INTEGER CHECK (offer_round IS NULL OR offer_round BETWEEN 1 AND 4),
        decided_at TEXT,
        CHECK ((status IN ('offered','accepted','rejected','expired')) = (offer_round IS NOT NULL) OR status = 'closed')
      ) STRICT;
      CREATE UNIQUE INDEX soap_application_one_accepted ON soap_application(status) WHERE status = 'accepted';
    `);
  },
};
