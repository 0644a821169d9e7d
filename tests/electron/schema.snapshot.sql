-- The schema of a freshly migrated database (user_version 15).
-- Rewrite with: UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run tests/electron/schema.test.ts

-- index application_document_by_document
CREATE INDEX application_document_by_document ON application_document(document_id);

-- index application_event_by_application
CREATE INDEX application_event_by_application ON application_event(application_id, id);

-- index communication_by_program
CREATE INDEX communication_by_program ON communication(program_id, date);

-- index communication_by_template_day
CREATE INDEX communication_by_template_day ON communication(template_id, date);

-- index institution_name
CREATE INDEX institution_name ON institution(name COLLATE NOCASE);

-- index interview_by_application
CREATE INDEX interview_by_application ON interview(application_id);

-- index letter_assignment_by_letter
CREATE INDEX letter_assignment_by_letter ON letter_assignment(letter_id);

-- index letter_by_writer
CREATE INDEX letter_by_writer ON letter(writer_id);

-- index prelim_item_by_date
CREATE INDEX prelim_item_by_date ON prelim_item(due_date);

-- index program_deadline_by_date
CREATE INDEX program_deadline_by_date ON program_deadline(due_date);

-- index program_deadline_by_program
CREATE INDEX program_deadline_by_program ON program_deadline(program_id);

-- index program_eras_id
CREATE UNIQUE INDEX program_eras_id ON program(eras_program_id) WHERE eras_program_id IS NOT NULL;

-- index program_nrmp_code
CREATE UNIQUE INDEX program_nrmp_code ON program(nrmp_code) WHERE nrmp_code IS NOT NULL;

-- index season_one_active
CREATE UNIQUE INDEX season_one_active ON season(status) WHERE status = 'active';

-- index soap_application_one_accepted
CREATE UNIQUE INDEX soap_application_one_accepted ON soap_application(status) WHERE status = 'accepted';

-- index soap_unfilled_by_program
CREATE INDEX soap_unfilled_by_program ON soap_unfilled(program_id);

-- table app_meta
CREATE TABLE app_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

-- table application
CREATE TABLE application (
        id INTEGER PRIMARY KEY,
        program_id INTEGER NOT NULL UNIQUE REFERENCES program(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('considering','materials_ready','submitted','under_review','interview_invited','interview_scheduled','interviewed','ranked','matched','not_matched','rejected','withdrawn')),
        status_date TEXT NOT NULL,
        submitted_on TEXT,
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

-- table application_document
CREATE TABLE application_document (
        application_id INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,
        slot TEXT NOT NULL CHECK (slot IN ('personal_statement','cv','additional_information')),
        document_id INTEGER NOT NULL REFERENCES document_version(id) ON DELETE RESTRICT,
        assigned_on TEXT NOT NULL,
        PRIMARY KEY (application_id, slot)
      ) STRICT, WITHOUT ROWID;

-- table application_event
CREATE TABLE application_event (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,
        from_status TEXT CHECK (from_status IS NULL OR from_status IN ('considering','materials_ready','submitted','under_review','interview_invited','interview_scheduled','interviewed','ranked','matched','not_matched','rejected','withdrawn')),
        status TEXT NOT NULL CHECK (status IN ('considering','materials_ready','submitted','under_review','interview_invited','interview_scheduled','interviewed','ranked','matched','not_matched','rejected','withdrawn')),
        date TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL
      ) STRICT;

-- table calendar_setting
CREATE TABLE calendar_setting (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        time_zone TEXT NOT NULL DEFAULT '',
        reminders_enabled INTEGER NOT NULL DEFAULT 1 CHECK (reminders_enabled IN (0,1)),
        reminder_days INTEGER NOT NULL DEFAULT 3 CHECK (reminder_days BETWEEN 0 AND 60)
      ) STRICT;

-- table communication
CREATE TABLE communication (
        id INTEGER PRIMARY KEY,
        program_id INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,
        channel TEXT NOT NULL CHECK (channel IN ('email','phone','other')),
        direction TEXT NOT NULL CHECK (direction IN ('sent','received')),
        date TEXT NOT NULL,
        contact TEXT NOT NULL DEFAULT '',
        subject TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        template_id INTEGER REFERENCES message_template(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL
      ) STRICT;

-- table document_version
CREATE TABLE document_version (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('personal_statement_surgery','personal_statement_prelim','cv','additional_information')),
        title TEXT NOT NULL CHECK (length(title) > 0),
        version_label TEXT NOT NULL DEFAULT '',
        date TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

-- table ics_export
CREATE TABLE ics_export (
        uid TEXT PRIMARY KEY CHECK (length(uid) > 0),
        content_hash TEXT NOT NULL CHECK (length(content_hash) > 0),
        sequence INTEGER NOT NULL CHECK (sequence >= 0),
        exported_at TEXT NOT NULL
      , title TEXT NOT NULL DEFAULT '', start TEXT NOT NULL DEFAULT '', cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1))) STRICT;

-- table institution
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
      , is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0,1)), acgme_id TEXT NOT NULL DEFAULT '', img_friendliness TEXT NOT NULL DEFAULT 'unknown' CHECK (img_friendliness IN ('high','medium','low','unknown')), pgy1_salary INTEGER CHECK (pgy1_salary BETWEEN 0 AND 1000000), accepts_signals TEXT NOT NULL DEFAULT 'unknown' CHECK (accepts_signals IN ('yes','no','unknown')), signal_sent INTEGER NOT NULL DEFAULT 0 CHECK (signal_sent IN (0,1))) STRICT;

-- table interview
CREATE TABLE interview (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,
        invited_on TEXT,
        respond_by TEXT,
        local_start TEXT CHECK (local_start IS NULL OR local_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'),
        time_zone TEXT,
        duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 720),
        platform TEXT NOT NULL CHECK (platform IN ('zoom','thalamus','teams','webex','in_person','phone','other')),
        location TEXT NOT NULL DEFAULT '',
        completed INTEGER NOT NULL DEFAULT 0 CHECK (completed IN (0, 1)),
        impressions TEXT NOT NULL DEFAULT '',
        score INTEGER CHECK (score IS NULL OR score BETWEEN 1 AND 10),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((local_start IS NULL) = (time_zone IS NULL)),
        CHECK (completed = 0 OR local_start IS NOT NULL)
      ) STRICT;

-- table interview_travel
CREATE TABLE interview_travel (
        interview_id INTEGER PRIMARY KEY REFERENCES interview(id) ON DELETE CASCADE,
        transport REAL NOT NULL DEFAULT 0 CHECK (transport >= 0),
        lodging REAL NOT NULL DEFAULT 0 CHECK (lodging >= 0),
        other REAL NOT NULL DEFAULT 0 CHECK (other >= 0),
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
      ) STRICT;

-- table invitation
CREATE TABLE invitation (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL UNIQUE REFERENCES application(id) ON DELETE CASCADE,
        received_at TEXT NOT NULL CHECK (received_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'),
        reply_by TEXT CHECK (reply_by IS NULL OR reply_by GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'),
        time_zone TEXT NOT NULL CHECK (length(time_zone) > 0),
        offered TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(offered) AND json_type(offered) = 'array'),
        status TEXT NOT NULL CHECK (status IN ('pending','accepted','waitlisted','declined','cancelled')),
        chosen_start TEXT,
        waitlist_position INTEGER CHECK (waitlist_position IS NULL OR waitlist_position >= 1),
        cancelled_on TEXT,
        cancelled_by TEXT CHECK (cancelled_by IS NULL OR cancelled_by IN ('me','program')),
        platform TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        interview_id INTEGER REFERENCES interview(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (status <> 'accepted' OR chosen_start IS NOT NULL),
        CHECK (status = 'waitlisted' OR waitlist_position IS NULL),
        CHECK ((status = 'cancelled') = (cancelled_on IS NOT NULL))
      ) STRICT;

-- table letter
CREATE TABLE letter (
        id INTEGER PRIMARY KEY,
        writer_id INTEGER NOT NULL REFERENCES letter_writer(id) ON DELETE RESTRICT,
        label TEXT NOT NULL DEFAULT '',
        stage TEXT NOT NULL CHECK (stage IN ('to_ask','asked','agreed','strong_confirmed','uploaded','declined')),
        asked_on TEXT,
        agreed_on TEXT,
        strong_confirmed_on TEXT,
        uploaded_on TEXT,
        declined_on TEXT,
        portal_letter_id TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , carried_from INTEGER CHECK (carried_from IS NULL OR carried_from BETWEEN 2020 AND 2100), requested_for TEXT NOT NULL DEFAULT 'general' CHECK (requested_for IN ('general','surgery','other'))) STRICT;

-- table letter_assignment
CREATE TABLE letter_assignment (
        application_id INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,
        letter_id INTEGER NOT NULL REFERENCES letter(id) ON DELETE CASCADE,
        assigned_on TEXT NOT NULL,
        PRIMARY KEY (application_id, letter_id)
      ) STRICT, WITHOUT ROWID;

-- table letter_settings
CREATE TABLE letter_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        reminder_days INTEGER NOT NULL CHECK (reminder_days BETWEEN 1 AND 120)
      ) STRICT;

-- table letter_writer
CREATE TABLE letter_writer (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) > 0),
        title TEXT NOT NULL DEFAULT '',
        specialty TEXT NOT NULL DEFAULT '',
        institution TEXT NOT NULL DEFAULT '',
        location TEXT NOT NULL CHECK (location IN ('us','home')),
        is_surgeon INTEGER NOT NULL CHECK (is_surgeon IN (0,1)),
        relationship TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

-- table message_template
CREATE TABLE message_template (
        id INTEGER PRIMARY KEY,
        built_in_key TEXT UNIQUE,
        name TEXT NOT NULL CHECK (length(name) > 0),
        purpose TEXT NOT NULL CHECK (purpose IN ('interest','thank_you','letter_of_intent','soap','other')),
        subject TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

-- table prelim_contact
CREATE TABLE prelim_contact (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        role TEXT NOT NULL CHECK (role IN ('co_resident','mentor','home_peer','family','other')),
        contact TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

-- table prelim_item
CREATE TABLE prelim_item (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('letter','feedback','task')),
        template_key TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        due_date TEXT NOT NULL CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        person TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        action TEXT NOT NULL DEFAULT '',
        done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0,1)),
        done_on TEXT CHECK (done_on IS NULL OR done_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

-- table prelim_opening
CREATE TABLE prelim_opening (
        id INTEGER PRIMARY KEY,
        program TEXT NOT NULL CHECK (length(program) BETWEEN 1 AND 200),
        source TEXT NOT NULL DEFAULT '',
        seen_on TEXT NOT NULL CHECK (seen_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        contact TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('watching','contacted','applied','interview','offered','accepted','closed')),
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

-- table prelim_path
CREATE TABLE prelim_path (
        path TEXT PRIMARY KEY CHECK (path IN ('categorical_surgery','anesthesiology','radiology','pmr','internal_medicine','emergency_medicine')),
        target_season INTEGER CHECK (target_season IS NULL OR target_season BETWEEN 2020 AND 2100),
        steps TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('not_started','exploring','preparing','applying','on_hold','dropped','achieved')),
        updated_at TEXT NOT NULL
      ) STRICT;

-- table prelim_plan
CREATE TABLE prelim_plan (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        match_year INTEGER NOT NULL CHECK (match_year BETWEEN 2020 AND 2100),
        program_label TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL CHECK (source IN ('match','soap','manual')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

-- table prep_card
CREATE TABLE prep_card (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        ownership TEXT NOT NULL,
        reflection TEXT NOT NULL,
        evidence TEXT NOT NULL,
        reassurance TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

-- table profile
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

-- table program
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
        updated_at TEXT NOT NULL, on_list INTEGER NOT NULL DEFAULT 0 CHECK (on_list IN (0,1)), min_step2ck_kind_stated INTEGER NOT NULL DEFAULT 1 CHECK (min_step2ck_kind_stated IN (0,1)), no_step2ck_cutoff INTEGER NOT NULL DEFAULT 0 CHECK (no_step2ck_cutoff IN (0,1)), min_graduation_year INTEGER CHECK (min_graduation_year BETWEEN 1950 AND 2100), no_graduation_limit INTEGER NOT NULL DEFAULT 0 CHECK (no_graduation_limit IN (0,1)), usce_preferred INTEGER NOT NULL DEFAULT 0 CHECK (usce_preferred IN (0,1)), unfilled_count INTEGER CHECK (unfilled_count BETWEEN 0 AND 20), unfilled_window INTEGER CHECK (unfilled_window BETWEEN 1 AND 20), unfilled_years TEXT NOT NULL DEFAULT '[]', applications_received INTEGER CHECK (applications_received >= 0),
        UNIQUE (institution_id, track)
      ) STRICT;

-- table program_change
CREATE TABLE program_change (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        institution_id INTEGER,
        program_id INTEGER,
        CHECK ((institution_id IS NULL) <> (program_id IS NULL))
      ) STRICT;

-- table program_deadline
CREATE TABLE program_deadline (
        id INTEGER PRIMARY KEY,
        program_id INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
        due_date TEXT NOT NULL CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0,1)),
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

-- table program_unfilled
CREATE TABLE program_unfilled (
        program_id INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,
        match_year INTEGER NOT NULL,
        unfilled INTEGER NOT NULL CHECK (unfilled >= 0),
        PRIMARY KEY (program_id, match_year)
      ) STRICT, WITHOUT ROWID;

-- table rank_entry
CREATE TABLE rank_entry (
        application_id INTEGER PRIMARY KEY REFERENCES application(id) ON DELETE CASCADE,
        position INTEGER NOT NULL UNIQUE CHECK (position BETWEEN 1 AND 300)
      ) STRICT;

-- table rank_list_meta
CREATE TABLE rank_list_meta (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        extra_rank_fee REAL CHECK (extra_rank_fee IS NULL OR extra_rank_fee >= 0),
        saved_at TEXT
      ) STRICT;

-- table readiness_tick
CREATE TABLE readiness_tick (
        item_id TEXT PRIMARY KEY CHECK (length(item_id) BETWEEN 1 AND 80),
        done INTEGER NOT NULL CHECK (done IN (0,1)),
        updated_at TEXT NOT NULL
      ) STRICT;

-- table reminder_log
CREATE TABLE reminder_log (
        item_key TEXT NOT NULL CHECK (length(item_key) BETWEEN 1 AND 120),
        shown_on TEXT NOT NULL CHECK (shown_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        shown_at TEXT NOT NULL,
        PRIMARY KEY (item_key, shown_on)
      ) STRICT;

-- table season
CREATE TABLE season (
        match_year INTEGER PRIMARY KEY CHECK (match_year BETWEEN 2020 AND 2100),
        status TEXT NOT NULL CHECK (status IN ('active','past')),
        -- NULL for the season a database already held when seasons were introduced.
        started_at TEXT,
        ended_at TEXT,
        -- The season's result, written when it ends (JSON; shared/domain/season.ts SeasonOutcome).
        outcome TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(outcome)),
        -- The season this one was started from (its data carried over).
        carried_from INTEGER REFERENCES season(match_year),
        -- Fingerprint of the data right after this season was started: undo is possible while it still matches.
        undo_fingerprint TEXT,
        CHECK ((status = 'active') = (ended_at IS NULL))
      ) STRICT;

-- table season_archive
CREATE TABLE season_archive (
        match_year INTEGER PRIMARY KEY REFERENCES season(match_year) ON DELETE CASCADE,
        schema_version INTEGER NOT NULL CHECK (schema_version > 0),
        image BLOB NOT NULL
      ) STRICT;

-- table season_choice
CREATE TABLE season_choice (
        key TEXT PRIMARY KEY CHECK (key IN ('signalBudget','geoPreference','costSettings','feesPerInstitution')),
        value TEXT NOT NULL CHECK (json_valid(value)),
        updated_at TEXT NOT NULL
      ) STRICT;

-- table season_correction
CREATE TABLE "season_correction" (
        match_year INTEGER NOT NULL CHECK (match_year BETWEEN 2020 AND 2100),
        event_id TEXT NOT NULL CHECK (length(event_id) BETWEEN 1 AND 80),
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        time TEXT CHECK (time IS NULL OR time GLOB '[0-2][0-9]:[0-5][0-9]'),
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (match_year, event_id)
      ) STRICT;

-- table setting
CREATE TABLE setting (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

-- table soap_application
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

-- table soap_plan_entry
CREATE TABLE soap_plan_entry (
        program_id INTEGER PRIMARY KEY REFERENCES program(id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 1),
        note TEXT NOT NULL DEFAULT '',
        added_at TEXT NOT NULL
      ) STRICT;

-- table soap_state
CREATE TABLE soap_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        match_status TEXT NOT NULL DEFAULT 'not_known' CHECK (match_status IN ('not_known','unmatched','partial_advanced','partial_preliminary','matched')),
        prelim_statement_ready INTEGER NOT NULL DEFAULT 0 CHECK (prelim_statement_ready IN (0,1)),
        letters_ready INTEGER NOT NULL DEFAULT 0 CHECK (letters_ready IN (0,1)),
        unfilled_imported_at TEXT
      ) STRICT;

-- table soap_unfilled
CREATE TABLE "soap_unfilled" (
        nrmp_code TEXT PRIMARY KEY CHECK (length(nrmp_code) BETWEEN 9 AND 11),
        name TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT '',
        positions INTEGER CHECK (positions IS NULL OR positions BETWEEN 1 AND 99),
        program_id INTEGER REFERENCES program(id) ON DELETE SET NULL,
        added_by_import INTEGER NOT NULL DEFAULT 0 CHECK (added_by_import IN (0,1)),
        imported_at TEXT NOT NULL
      ) STRICT;

-- table tier_override
CREATE TABLE tier_override (
        program_id INTEGER PRIMARY KEY REFERENCES program(id) ON DELETE CASCADE,
        outcome TEXT NOT NULL CHECK (outcome IN ('excluded','long_shot','tier1','tier2','tier3')),
        note TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

-- table usce_entry
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

-- trigger institution_logged_delete
CREATE TRIGGER institution_logged_delete AFTER DELETE ON institution BEGIN
        INSERT INTO program_change (institution_id) VALUES (OLD.id);
      END;

-- trigger institution_logged_insert
CREATE TRIGGER institution_logged_insert AFTER INSERT ON institution BEGIN
        INSERT INTO program_change (institution_id) VALUES (NEW.id);
      END;

-- trigger institution_logged_update
CREATE TRIGGER institution_logged_update AFTER UPDATE ON institution BEGIN
        INSERT INTO program_change (institution_id) SELECT OLD.id UNION SELECT NEW.id;
      END;

-- trigger program_change_pruned
CREATE TRIGGER program_change_pruned AFTER INSERT ON program_change WHEN NEW.seq % 4096 = 0 BEGIN
        DELETE FROM program_change WHERE seq <= NEW.seq - 4096;
      END;

-- trigger program_logged_delete
CREATE TRIGGER program_logged_delete AFTER DELETE ON program BEGIN
        INSERT INTO program_change (program_id) VALUES (OLD.id);
      END;

-- trigger program_logged_insert
CREATE TRIGGER program_logged_insert AFTER INSERT ON program BEGIN
        INSERT INTO program_change (program_id) VALUES (NEW.id);
      END;

-- trigger program_logged_update
CREATE TRIGGER program_logged_update AFTER UPDATE ON program BEGIN
        INSERT INTO program_change (program_id) SELECT OLD.id UNION SELECT NEW.id;
      END;

-- trigger program_unfilled_logged_delete
CREATE TRIGGER program_unfilled_logged_delete AFTER DELETE ON program_unfilled BEGIN
        INSERT INTO program_change (program_id) VALUES (OLD.program_id);
      END;

-- trigger program_unfilled_logged_insert
CREATE TRIGGER program_unfilled_logged_insert AFTER INSERT ON program_unfilled BEGIN
        INSERT INTO program_change (program_id) VALUES (NEW.program_id);
      END;

-- trigger program_unfilled_logged_update
CREATE TRIGGER program_unfilled_logged_update AFTER UPDATE ON program_unfilled BEGIN
        INSERT INTO program_change (program_id) SELECT OLD.program_id UNION SELECT NEW.program_id;
      END;

-- trigger tier_override_logged_delete
CREATE TRIGGER tier_override_logged_delete AFTER DELETE ON tier_override BEGIN
        INSERT INTO program_change (program_id) VALUES (OLD.program_id);
      END;

-- trigger tier_override_logged_insert
CREATE TRIGGER tier_override_logged_insert AFTER INSERT ON tier_override BEGIN
        INSERT INTO program_change (program_id) VALUES (NEW.program_id);
      END;

-- trigger tier_override_logged_update
CREATE TRIGGER tier_override_logged_update AFTER UPDATE ON tier_override BEGIN
        INSERT INTO program_change (program_id) SELECT OLD.program_id UNION SELECT NEW.program_id;
      END;
