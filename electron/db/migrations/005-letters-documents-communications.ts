import type { Migration } from './types';

/**
 * v5: letters of recommendation (writers, letters, assignments to applications, the
 * reminder setting), document versions and which went with which application, the
 * communication log per program and message templates.
 *
 * Deletes: a writer with letters cannot be deleted (RESTRICT: their letters are the record);
 * deleting a letter or an application removes its assignments (CASCADE); a document version
 * cannot be deleted while an application holds it (RESTRICT; the repo clears non-submitted
 * holders first and refuses for submitted ones); deleting a program removes its log
 * (CASCADE); deleting a template keeps the logged messages (SET NULL).
 */
export const m005LettersDocumentsCommunications: Migration = {
  version: 5,
  name: 'letters, documents, communications',
  up(db) {
    db.exec(`
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
      ) STRICT;
      CREATE INDEX letter_by_writer ON letter(writer_id);

      CREATE TABLE letter_assignment (
        application_id INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,
        letter_id INTEGER NOT NULL REFERENCES letter(id) ON DELETE CASCADE,
        assigned_on TEXT NOT NULL,
        PRIMARY KEY (application_id, letter_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX letter_assignment_by_letter ON letter_assignment(letter_id);

      CREATE TABLE letter_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        reminder_days INTEGER NOT NULL CHECK (reminder_days BETWEEN 1 AND 120)
      ) STRICT;
      INSERT INTO letter_settings (id, reminder_days) VALUES (1, 14);

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

      CREATE TABLE application_document (
        application_id INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,
        slot TEXT NOT NULL CHECK (slot IN ('personal_statement','cv','additional_information')),
        document_id INTEGER NOT NULL REFERENCES document_version(id) ON DELETE RESTRICT,
        assigned_on TEXT NOT NULL,
        PRIMARY KEY (application_id, slot)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX application_document_by_document ON application_document(document_id);

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
      CREATE INDEX communication_by_program ON communication(program_id, date);
      CREATE INDEX communication_by_template_day ON communication(template_id, date);
    `);
  },
};
