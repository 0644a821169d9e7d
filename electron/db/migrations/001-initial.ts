import type { Migration } from './types';

/** v1: app identity, the applicant profile, institutions and their programs (tracks). */
export const m001Initial: Migration = {
  version: 1,
  name: 'initial schema: profile, institutions, programs',
  up(db) {
    db.exec(`
      CREATE TABLE app_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        full_name TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        medical_school TEXT NOT NULL DEFAULT '',
        country TEXT NOT NULL DEFAULT '',
        aamc_id TEXT NOT NULL DEFAULT '',
        graduation_year INTEGER,
        step1_result TEXT NOT NULL CHECK (step1_result IN ('not_taken','pass_fail','numeric','failed')),
        step1_score INTEGER CHECK (step1_score BETWEEN 1 AND 300),
        step1_attempts INTEGER NOT NULL CHECK (step1_attempts >= 0),
        step2ck_status TEXT NOT NULL CHECK (step2ck_status IN ('not_taken','scheduled','passed','failed')),
        step2ck_score INTEGER CHECK (step2ck_score BETWEEN 1 AND 300),
        step2ck_attempts INTEGER NOT NULL CHECK (step2ck_attempts >= 0),
        step2ck_date TEXT,
        step3_status TEXT NOT NULL CHECK (step3_status IN ('not_taken','scheduled','passed','failed')),
        step3_score INTEGER CHECK (step3_score BETWEEN 1 AND 300),
        step3_date TEXT,
        ecfmg_status TEXT NOT NULL CHECK (ecfmg_status IN ('not_started','in_progress','certified')),
        oet_status TEXT NOT NULL CHECK (oet_status IN ('not_taken','scheduled','passed','failed')),
        visa_need TEXT NOT NULL CHECK (visa_need IN ('none','j1','h1b_required','either_prefers_h1b')),
        research_count INTEGER NOT NULL DEFAULT 0,
        leadership_count INTEGER NOT NULL DEFAULT 0,
        teaching_count INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE usce_entry (
        id TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('sub_internship','elective','externship','observership')),
        specialty TEXT NOT NULL,
        surgical INTEGER NOT NULL CHECK (surgical IN (0,1)),
        weeks INTEGER NOT NULL CHECK (weeks > 0),
        hospital TEXT NOT NULL,
        state TEXT NOT NULL,
        hands_on INTEGER NOT NULL CHECK (hands_on IN (0,1))
      ) STRICT;

      CREATE TABLE institution (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        city TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL DEFAULT '',
        website TEXT NOT NULL DEFAULT '',
        setting TEXT NOT NULL CHECK (setting IN ('community','community_university_affiliated','university','top_academic','unknown')),
        research_heavy INTEGER NOT NULL CHECK (research_heavy IN (0,1)),
        visa_sponsorship TEXT NOT NULL CHECK (visa_sponsorship IN ('j1','h1b','both','none','unknown')),
        img_share_pct REAL CHECK (img_share_pct BETWEEN 0 AND 100),
        non_us_img_residents TEXT NOT NULL CHECK (non_us_img_residents IN ('yes','no','unknown')),
        pd_name TEXT NOT NULL DEFAULT '',
        pd_email TEXT NOT NULL DEFAULT '',
        coordinator_name TEXT NOT NULL DEFAULT '',
        coordinator_email TEXT NOT NULL DEFAULT '',
        internal_connection INTEGER NOT NULL CHECK (internal_connection IN (0,1)),
        notes TEXT NOT NULL DEFAULT '',
        data_source TEXT NOT NULL DEFAULT '',
        last_verified TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX institution_name ON institution(name COLLATE NOCASE);

      CREATE TABLE program (
        id INTEGER PRIMARY KEY,
        institution_id INTEGER NOT NULL REFERENCES institution(id) ON DELETE CASCADE,
        track TEXT NOT NULL CHECK (track IN ('preliminary','categorical')),
        nrmp_code TEXT,
        eras_program_id TEXT,
        min_step2ck INTEGER CHECK (min_step2ck BETWEEN 1 AND 300),
        min_step2ck_kind TEXT NOT NULL CHECK (min_step2ck_kind IN ('strict','preference')),
        min_step1 INTEGER CHECK (min_step1 BETWEEN 1 AND 300),
        min_step1_kind TEXT NOT NULL CHECK (min_step1_kind IN ('strict','preference')),
        first_attempt_only TEXT NOT NULL CHECK (first_attempt_only IN ('yes','no','unknown')),
        max_years_since_graduation INTEGER,
        usce_required TEXT NOT NULL CHECK (usce_required IN ('yes','no','unknown')),
        usce_months_required INTEGER,
        positions_offered INTEGER,
        tags TEXT NOT NULL DEFAULT '[]',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (institution_id, track)
      ) STRICT;
      CREATE UNIQUE INDEX program_nrmp_code ON program(nrmp_code) WHERE nrmp_code IS NOT NULL;
      CREATE UNIQUE INDEX program_eras_id ON program(eras_program_id) WHERE eras_program_id IS NOT NULL;

      CREATE TABLE program_unfilled (
        program_id INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,
        match_year INTEGER NOT NULL,
        unfilled INTEGER NOT NULL CHECK (unfilled >= 0),
        PRIMARY KEY (program_id, match_year)
      ) STRICT, WITHOUT ROWID;
    `);
    db.prepare(`INSERT INTO app_meta(key, value) VALUES ('app_id', 'prelim-tracker')`).run();
  },
};
