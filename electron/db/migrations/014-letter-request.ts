import type { Migration } from './types';

/**
 * v14: what each letter was requested for in MyERAS (docs/DOMAIN.md §2.4): since the AAMC
 * Letter Writer Portal (2027 cycle) an applicant requests a letter for a specialty or as
 * "General", a narrative letter that may go to one or more specialties. Existing letters
 * become "General" (the user can correct it).
 */
export const m014LetterRequest: Migration = {
  version: 14,
  name: 'letter requested for a specialty or General',
  up(db) {
    db.exec(`
      ALTER TABLE letter ADD COLUMN requested_for TEXT NOT NULL DEFAULT 'general' CHECK (requested_for IN ('general','surgery','other'));
    `);
  },
};
