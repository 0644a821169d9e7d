// Letter writers, letters, their assignments to applications and the reminder setting.
// The assignment rules (4 per program, locked once submitted) live in the pure engine and
// are checked here inside the transaction that writes.
import type { Db } from '../open';
import { inTransaction } from '../open';
import { AppError } from '../../errors';
import { rowMapper, notFound, oneById, type SaveFields } from '../columns';
import type { ApplicationStatus } from '../../../shared/domain/application';
import {
  LETTER_PATH,
  LETTER_STAGE_LABELS,
  type Letter,
  type LetterAssignment,
  type LetterSettings,
  type LetterStage,
  type LetterWriter,
} from '../../../shared/domain/letters';
import { assignmentProblem, isAssignmentLocked } from '../../../shared/engine/letters';

type Row = Record<string, unknown>;
interface AssignmentRow {
  application_id: number;
  letter_id: number;
  assigned_on: string;
}

const rowToWriter = rowMapper<LetterWriter>({ id: 'int', name: 'text', title: 'text', specialty: 'text', institution: 'text', location: 'text', isSurgeon: 'bool', relationship: 'text', email: 'text', notes: 'text', createdAt: 'text', updatedAt: 'text' });

const rowToLetter = rowMapper<Letter>({ id: 'int', writerId: 'int', label: 'text', stage: 'text', askedOn: 'text', agreedOn: 'text', strongConfirmedOn: 'text', uploadedOn: 'text', declinedOn: 'text', portalLetterId: 'text', requestedFor: 'text', notes: 'text', carriedFrom: 'int', createdAt: 'text', updatedAt: 'text' });

export type WriterFields = SaveFields<LetterWriter>;

export type LetterFields = Pick<Letter, 'writerId' | 'label' | 'portalLetterId' | 'requestedFor' | 'notes'> & { id?: number | undefined };

/** The date column of each stage on the path. */
const STAGE_DATE_COLUMN: Record<Exclude<LetterStage, 'to_ask'>, keyof Letter> = {
  asked: 'askedOn',
  agreed: 'agreedOn',
  strong_confirmed: 'strongConfirmedOn',
  uploaded: 'uploadedOn',
  declined: 'declinedOn',
};

/**
 * Why a letter cannot move to `stage` on `date` (issue 13, back-filling), or null: a step
 * cannot have happened after today, nor before a step it follows that keeps its own day.
 * Re-dating the stage the letter is at (the date beside it) moves earlier steps back with
 * it: a letter moved from "To ask" to "Uploaded" today and then dated September was asked by
 * September too.
 */
export function stageDateProblem(letter: Letter, stage: LetterStage, date: string, today: string): string | null {
  if (date > today) return `${date} is after today (${today}); a letter's step records what has happened, so give today or an earlier day.`;
  if (stage === 'declined' || stage === 'to_ask' || stage === letter.stage) return null;
  const reached = LETTER_PATH.indexOf(stage);
  for (const s of LETTER_PATH.slice(1, reached)) {
    const on = letter[STAGE_DATE_COLUMN[s as Exclude<LetterStage, 'to_ask'>]] as string | null;
    if (on !== null && on > date) return `“${LETTER_STAGE_LABELS[s]}” is dated ${on}; “${LETTER_STAGE_LABELS[stage]}” comes after it, so give that day or later (or first correct that day with the date beside the stage).`;
  }
  return null;
}

/**
 * The step dates after moving to `stage` on `date`: steps on the path up to the stage get
 * the date if they had none (a skipped step happened by then, except "strong confirmed": see below), later steps are cleared
 * (moving back is a correction), declined keeps the path dates.
 */
export function datesAfterStage(letter: Letter, stage: LetterStage, date: string): Pick<Letter, 'askedOn' | 'agreedOn' | 'strongConfirmedOn' | 'uploadedOn' | 'declinedOn'> {
  const dates = { askedOn: letter.askedOn, agreedOn: letter.agreedOn, strongConfirmedOn: letter.strongConfirmedOn, uploadedOn: letter.uploadedOn, declinedOn: letter.declinedOn };
  if (stage === 'declined') return { ...dates, declinedOn: date };
  const reached = LETTER_PATH.indexOf(stage);
  LETTER_PATH.forEach((s, i) => {
    if (s === 'to_ask') return;
    const key = STAGE_DATE_COLUMN[s] as 'askedOn' | 'agreedOn' | 'strongConfirmedOn' | 'uploadedOn';
    if (i > reached) dates[key] = null;
    else if (i === reached) dates[key] = date;
    // "Strong confirmed" is the writer's answer to the strong-letter question: a skipped step
    // did not happen, so it stays empty and the letter does not count as confirmed strong.
    else if (key !== 'strongConfirmedOn') dates[key] = dates[key] ?? date;
    // A step before this one happened by this one's day (re-dating the current stage back).
    if (i < reached && dates[key] !== null && dates[key]! > date) dates[key] = date;
  });
  return { ...dates, declinedOn: null };
}

export function createLettersRepo(db: Db) {
  const stmts = {
    writers: db.prepare('SELECT * FROM letter_writer ORDER BY name COLLATE NOCASE, id'),
    writer: db.prepare('SELECT * FROM letter_writer WHERE id = ?'),
    insertWriter: db.prepare(
      `INSERT INTO letter_writer (name, title, specialty, institution, location, is_surgeon, relationship, email, notes, created_at, updated_at)
       VALUES (@name, @title, @specialty, @institution, @location, @is_surgeon, @relationship, @email, @notes, @now, @now)`,
    ),
    updateWriter: db.prepare(
      `UPDATE letter_writer SET name = @name, title = @title, specialty = @specialty, institution = @institution, location = @location,
       is_surgeon = @is_surgeon, relationship = @relationship, email = @email, notes = @notes, updated_at = @now WHERE id = @id`,
    ),
    deleteWriter: db.prepare('DELETE FROM letter_writer WHERE id = ?'),
    lettersOfWriter: db.prepare('SELECT COUNT(*) FROM letter WHERE writer_id = ?').pluck(),
    letters: db.prepare('SELECT * FROM letter ORDER BY id'),
    letter: db.prepare('SELECT * FROM letter WHERE id = ?'),
    insertLetter: db.prepare(
      `INSERT INTO letter (writer_id, label, stage, portal_letter_id, requested_for, notes, created_at, updated_at)
       VALUES (@writer_id, @label, 'to_ask', @portal_letter_id, @requested_for, @notes, @now, @now)`,
    ),
    updateLetter: db.prepare('UPDATE letter SET writer_id = @writer_id, label = @label, portal_letter_id = @portal_letter_id, requested_for = @requested_for, notes = @notes, updated_at = @now WHERE id = @id'),
    setStage: db.prepare(
      `UPDATE letter SET stage = @stage, asked_on = @asked_on, agreed_on = @agreed_on, strong_confirmed_on = @strong_confirmed_on,
       uploaded_on = @uploaded_on, declined_on = @declined_on, updated_at = @now WHERE id = @id`,
    ),
    deleteLetter: db.prepare('DELETE FROM letter WHERE id = ?'),
    assignments: db.prepare('SELECT * FROM letter_assignment ORDER BY application_id, assigned_on, letter_id'),
    assignedTo: db.prepare('SELECT letter_id FROM letter_assignment WHERE application_id = ? ORDER BY letter_id').pluck(),
    assign: db.prepare('INSERT INTO letter_assignment (application_id, letter_id, assigned_on) VALUES (?, ?, ?)'),
    unassign: db.prepare('DELETE FROM letter_assignment WHERE application_id = ? AND letter_id = ?'),
    lockedAssignmentsOfLetter: db.prepare(
      `SELECT a.status FROM letter_assignment la JOIN application a ON a.id = la.application_id WHERE la.letter_id = ?`,
    ).pluck(),
    application: db.prepare(
      `SELECT a.id, a.status, i.name || ' (' || CASE p.track WHEN 'preliminary' THEN 'Preliminary' ELSE 'Categorical' END || ')' AS program_name
       FROM application a JOIN program p ON p.id = a.program_id JOIN institution i ON i.id = p.institution_id WHERE a.id = ?`,
    ),
    settings: db.prepare('SELECT reminder_days FROM letter_settings WHERE id = 1').pluck(),
    saveSettings: db.prepare('INSERT INTO letter_settings (id, reminder_days) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET reminder_days = excluded.reminder_days'),
  };

  const getWriter = oneById(stmts.writer, rowToWriter, 'Letter writer');

  const getLetter = oneById(stmts.letter, rowToLetter, 'Letter');

  function assignments(): LetterAssignment[] {
    return (stmts.assignments.all() as AssignmentRow[]).map((r) => ({ applicationId: r.application_id, letterId: r.letter_id, assignedOn: r.assigned_on }));
  }

  function settings(): LetterSettings {
    return { reminderDays: stmts.settings.get() as number };
  }

  function writerParams(w: WriterFields, now: Date) {
    return {
      name: w.name,
      title: w.title,
      specialty: w.specialty,
      institution: w.institution,
      location: w.location,
      is_surgeon: w.isSurgeon ? 1 : 0,
      relationship: w.relationship,
      email: w.email,
      notes: w.notes,
      now: now.toISOString(),
    };
  }

  return {
    writers(): LetterWriter[] {
      return (stmts.writers.all() as Row[]).map(rowToWriter);
    },

    getWriter,

    saveWriter(w: WriterFields, now: Date): LetterWriter {
      return inTransaction(db, () => {
        if (w.id === undefined) return getWriter(Number(stmts.insertWriter.run(writerParams(w, now)).lastInsertRowid));
        getWriter(w.id);
        stmts.updateWriter.run({ ...writerParams(w, now), id: w.id });
        return getWriter(w.id);
      });
    },

    /** Refused while the writer has letters: they are the record of what was asked and sent. */
    deleteWriter(id: number): void {
      inTransaction(db, () => {
        const writer = getWriter(id);
        const n = stmts.lettersOfWriter.get(id) as number;
        if (n > 0) throw new AppError('conflict', `${writer.name} has ${n} letter${n === 1 ? '' : 's'}; delete ${n === 1 ? 'it' : 'them'} first.`);
        stmts.deleteWriter.run(id);
      });
    },

    letters(): Letter[] {
      return (stmts.letters.all() as Row[]).map(rowToLetter);
    },

    getLetter,

    saveLetter(l: LetterFields, now: Date): Letter {
      return inTransaction(db, () => {
        getWriter(l.writerId);
        const params = { writer_id: l.writerId, label: l.label, portal_letter_id: l.portalLetterId, requested_for: l.requestedFor, notes: l.notes, now: now.toISOString() };
        if (l.id === undefined) return getLetter(Number(stmts.insertLetter.run(params).lastInsertRowid));
        getLetter(l.id);
        stmts.updateLetter.run({ ...params, id: l.id });
        return getLetter(l.id);
      });
    },

    setStage(id: number, stage: LetterStage, date: string, now: Date, today: string): Letter {
      return inTransaction(db, () => {
        const letter = getLetter(id);
        const problem = stageDateProblem(letter, stage, date, today);
        if (problem) throw new AppError('invalid_input', problem);
        const d = datesAfterStage(letter, stage, date);
        stmts.setStage.run({
          id,
          stage,
          asked_on: d.askedOn,
          agreed_on: d.agreedOn,
          strong_confirmed_on: d.strongConfirmedOn,
          uploaded_on: d.uploadedOn,
          declined_on: d.declinedOn,
          now: now.toISOString(),
        });
        return getLetter(id);
      });
    },

    /** Removes the letter and its assignments; refused while a submitted (locked) application holds it. */
    deleteLetter(id: number): void {
      inTransaction(db, () => {
        getLetter(id);
        const locked = (stmts.lockedAssignmentsOfLetter.all(id) as ApplicationStatus[]).filter(isAssignmentLocked).length;
        if (locked > 0) {
          throw new AppError('conflict', `This letter is assigned to ${locked} submitted application${locked === 1 ? '' : 's'}, where assignments are locked; it stays as the record of what was sent.`);
        }
        stmts.deleteLetter.run(id);
      });
    },

    assignments,

    /** Assigns or unassigns one letter on one application, with the rules of the engine. */
    setAssigned(input: { applicationId: number; letterId: number; assigned: boolean; date: string; unlockSubmitted: boolean }): LetterAssignment[] {
      return inTransaction(db, () => {
        const app = stmts.application.get(input.applicationId) as { id: number; status: ApplicationStatus; program_name: string } | undefined;
        if (!app) throw notFound('Application', input.applicationId);
        const letter = getLetter(input.letterId);
        const assignedLetterIds = stmts.assignedTo.all(app.id) as number[];
        const problem = assignmentProblem({
          programName: app.program_name,
          applicationStatus: app.status,
          assignedLetterIds,
          letter,
          assign: input.assigned,
          unlockSubmitted: input.unlockSubmitted,
        });
        if (problem) throw new AppError('conflict', problem);
        const already = assignedLetterIds.includes(letter.id);
        if (input.assigned && !already) stmts.assign.run(app.id, letter.id, input.date);
        if (!input.assigned && already) stmts.unassign.run(app.id, letter.id);
        return assignments();
      });
    },

    settings,

    saveSettings(s: LetterSettings): LetterSettings {
      inTransaction(db, () => {
        stmts.saveSettings.run(s.reminderDays);
      });
      return settings();
    },
  };
}

export type LettersRepo = ReturnType<typeof createLettersRepo>;
