import type { Migration } from './types';

/**
 * v15: a log of the institutions and programs whose rows changed, kept by the database itself
 * (triggers), so the programs repository's per-connection cache (electron/db/repos/programs-repo.ts)
 * re-reads only those rows after a write instead of every row. A row is logged on insert,
 * update and delete of an institution, a program, a program's unfilled history or its tier
 * override, by whichever connection writes it (an import, a restore, a database tool); a
 * rolled-back transaction takes its entries with it. seq is AUTOINCREMENT, so a number is
 * never given twice, even after the log is emptied. The log keeps the newest entries only:
 * every 4096th entry deletes the ones 4096 and more older (always a prefix: a reader that
 * still finds the entry after the one it last saw knows it missed nothing, and reads every
 * row otherwise). Not the user's data: the JSON export, restores and seasons leave it alone.
 */
export const m015ProgramChanges: Migration = {
  version: 15,
  name: 'a log of changed institutions and programs',
  up(db) {
    const logged = (table: string, column: 'institution_id' | 'program_id', key: string) => `
      CREATE TRIGGER ${table}_logged_insert AFTER INSERT ON ${table} BEGIN
        INSERT INTO program_change (${column}) VALUES (NEW.${key});
      END;
      CREATE TRIGGER ${table}_logged_update AFTER UPDATE ON ${table} BEGIN
        INSERT INTO program_change (${column}) SELECT OLD.${key} UNION SELECT NEW.${key};
      END;
      CREATE TRIGGER ${table}_logged_delete AFTER DELETE ON ${table} BEGIN
        INSERT INTO program_change (${column}) VALUES (OLD.${key});
      END;`;
    db.exec(`
      CREATE TABLE program_change (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        institution_id INTEGER,
        program_id INTEGER,
        CHECK ((institution_id IS NULL) <> (program_id IS NULL))
      ) STRICT;
      CREATE TRIGGER program_change_pruned AFTER INSERT ON program_change WHEN NEW.seq % 4096 = 0 BEGIN
        DELETE FROM program_change WHERE seq <= NEW.seq - 4096;
      END;
      ${logged('institution', 'institution_id', 'id')}
      ${logged('program', 'program_id', 'id')}
      ${logged('program_unfilled', 'program_id', 'program_id')}
      ${logged('tier_override', 'program_id', 'program_id')}
    `);
  },
};
