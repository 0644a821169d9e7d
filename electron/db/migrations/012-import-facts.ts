import type { Migration } from './types';

/**
 * v12: facts applicants' own spreadsheets hold that the data model could not (issue 12):
 * the IMG-friendliness rating they give, the ACGME ID (one per institution's surgery
 * program), the PGY-1 salary; per track: a Step 2 CK minimum whose kind was not stated,
 * a stated "no cutoff", a graduation-year floor ("2019+"), a stated "no limit" on years
 * since graduation, USCE preferred (not required), unfilled Matches as a count out of the
 * last N ("3/4 yrs") or as years without positions ("SOAP 2024, 2025"), and applications
 * received. Columns only (existing rows get the "not known" defaults).
 */
export const m012ImportFacts: Migration = {
  version: 12,
  name: 'Facts from imported spreadsheets',
  up(db) {
    db.exec(`
      ALTER TABLE institution ADD COLUMN acgme_id TEXT NOT NULL DEFAULT '';
      ALTER TABLE institution ADD COLUMN img_friendliness TEXT NOT NULL DEFAULT 'unknown' CHECK (img_friendliness IN ('high','medium','low','unknown'));
      ALTER TABLE institution ADD COLUMN pgy1_salary INTEGER CHECK (pgy1_salary BETWEEN 0 AND 1000000);
      ALTER TABLE program ADD COLUMN min_step2ck_kind_stated INTEGER NOT NULL DEFAULT 1 CHECK (min_step2ck_kind_stated IN (0,1));
      ALTER TABLE program ADD COLUMN no_step2ck_cutoff INTEGER NOT NULL DEFAULT 0 CHECK (no_step2ck_cutoff IN (0,1));
      ALTER TABLE program ADD COLUMN min_graduation_year INTEGER CHECK (min_graduation_year BETWEEN 1950 AND 2100);
      ALTER TABLE program ADD COLUMN no_graduation_limit INTEGER NOT NULL DEFAULT 0 CHECK (no_graduation_limit IN (0,1));
      ALTER TABLE program ADD COLUMN usce_preferred INTEGER NOT NULL DEFAULT 0 CHECK (usce_preferred IN (0,1));
      ALTER TABLE program ADD COLUMN unfilled_count INTEGER CHECK (unfilled_count BETWEEN 0 AND 20);
      ALTER TABLE program ADD COLUMN unfilled_window INTEGER CHECK (unfilled_window BETWEEN 1 AND 20);
      ALTER TABLE program ADD COLUMN unfilled_years TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE program ADD COLUMN applications_received INTEGER CHECK (applications_received >= 0);
    `);
  },
};
