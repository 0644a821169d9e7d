// Applications and their status history. Every status change writes one history event in
// the same transaction as the change, so the timeline never disagrees with the status.
import type { Db } from '../open';
import { inTransaction } from '../open';
import { AppError } from '../../errors';
import { rowMapper, notFound, oneById } from '../columns';
import { CLOSED_STATUSES, SUBMITTED_STATUSES, statusMoveProblem, type Application, type ApplicationEvent, type ApplicationStatus } from '../../../shared/domain/application';

export const rowToApplication = rowMapper<Application>({ id: 'int', programId: 'int', status: 'text', statusDate: 'text', submittedOn: 'text', notes: 'text', createdAt: 'text', updatedAt: 'text' });

const rowToEvent = rowMapper<ApplicationEvent>({ id: 'int', applicationId: 'int', fromStatus: 'text', status: 'text', date: 'text', note: 'text', recordedAt: 'text' });

export interface CreateApplications {
  programIds: number[];
  status: ApplicationStatus;
  date: string;
  notes: string;
}

/** A status date after today: the status of an application records what has happened. */
export function futureDateProblem(date: string, today: string): string | null {
  return date > today ? `${date} is after today (${today}); a status records what has happened, so give today or an earlier day.` : null;
}

/** A status dated before the application's latest change would put the timeline out of order. */
export function earlierThanLastChange(last: string): string {
  return `The last change was on ${last}; choose that day or later.`;
}

/** The history note of a ranked application made "Not matched" by an "Unmatched" Match Week result. */
export const UNMATCHED_NOTE = 'Match Week: unmatched in the Main Match.';
/** The same, for "Partially matched: advanced (PGY-2) position only": no PGY-1 position matched. */
export const ADVANCED_ONLY_NOTE = 'Match Week: matched to an advanced (PGY-2) position only, so no PGY-1 program matched.';
/** The notes a Match Week result writes (a later correction of that result undoes them). */
const MATCH_WEEK_NOTES: ReadonlySet<string> = new Set([UNMATCHED_NOTE, ADVANCED_ONLY_NOTE]);
/** The history note of a ranked application closed because another one matched in the Main Match. */
const mainMatchNote = (name: string) => `Main Match: you matched at ${name}.`;
/** How the history note of an application matched through a SOAP acceptance begins. */
const SOAP_MATCH_NOTE = 'Matched via SOAP: accepted';
/** Match Week results that say no ranked PGY-1 program matched (docs/DOMAIN.md §5). */
const NO_PGY1_MATCH: Record<string, string> = {
  unmatched: 'Unmatched',
  partial_advanced: 'Partially matched: advanced (PGY-2) position only',
};

export function createApplicationsRepo(db: Db) {
  const stmts = {
    all: db.prepare('SELECT * FROM application ORDER BY id'),
    one: db.prepare('SELECT * FROM application WHERE id = ?'),
    byProgram: db.prepare('SELECT * FROM application WHERE program_id = ?'),
    programName: db.prepare(
      `SELECT i.name || ' (' || CASE p.track WHEN 'preliminary' THEN 'Preliminary' ELSE 'Categorical' END || ')' FROM program p JOIN institution i ON i.id = p.institution_id WHERE p.id = ?`,
    ).pluck(),
    insert: db.prepare(
      `INSERT INTO application (program_id, status, status_date, submitted_on, notes, created_at, updated_at)
       VALUES (@program_id, @status, @status_date, @submitted_on, @notes, @now, @now)`,
    ),
    setStatus: db.prepare(
      `UPDATE application SET status = @status, status_date = @date, submitted_on = COALESCE(submitted_on, @submitted_on), updated_at = @now WHERE id = @id`,
    ),
    setNotes: db.prepare('UPDATE application SET notes = @notes, updated_at = @now WHERE id = @id'),
    setSubmittedOn: db.prepare('UPDATE application SET submitted_on = @submitted_on WHERE id = @id'),
    insertEvent: db.prepare(
      `INSERT INTO application_event (application_id, from_status, status, date, note, recorded_at) VALUES (@application_id, @from_status, @status, @date, @note, @now)`,
    ),
    events: db.prepare('SELECT * FROM application_event WHERE application_id = ? ORDER BY date, id'),
    lastEventDate: db.prepare('SELECT max(date) FROM application_event WHERE application_id = ?').pluck(),
    latestEvent: db.prepare('SELECT * FROM application_event WHERE application_id = ? ORDER BY date DESC, id DESC LIMIT 1'),
    eventCount: db.prepare('SELECT count(*) FROM application_event WHERE application_id = ?').pluck(),
    redateOpening: db.prepare('UPDATE application_event SET date = @date WHERE application_id = @application_id AND from_status IS NULL'),
    allEvents: db.prepare('SELECT * FROM application_event ORDER BY application_id, date, id'),
    matchStatus: db.prepare('SELECT match_status FROM soap_state WHERE id = 1').pluck(),
    setMatchStatus: db.prepare('UPDATE soap_state SET match_status = ? WHERE id = 1'),
    onList: db.prepare('UPDATE program SET on_list = 1 WHERE id = ?'),
    delete: db.prepare('DELETE FROM application WHERE id = ?'),
  };

  const get = oneById(stmts.one, rowToApplication, 'Application', 'reload the list');

  function programName(programId: number): string {
    return (stmts.programName.get(programId) as string | undefined) ?? `program ${programId}`;
  }

  /**
   * Back-filling (issue 13): an application only opened (its one history event is the
   * opening, at "Considering" or "Materials ready") can move to an earlier day than that
   * opening: the user is recording a season under way, and the opening day was only the day
   * they typed it in. The opening moves back to the same day so the history stays in order.
   */
  function openedOnlyBefore(app: Application, date: string): boolean {
    return (app.status === 'considering' || app.status === 'materials_ready') && (stmts.eventCount.get(app.id) as number) <= 1 && date < lastChange(app);
  }

  /** The application's newest history event (the last of its history in order). */
  function latestEvent(id: number): ApplicationEvent | undefined {
    const row = stmts.latestEvent.get(id) as Record<string, unknown> | undefined;
    return row ? rowToEvent(row) : undefined;
  }

  /** The day of the application's latest change (its newest history event). */
  function lastChange(app: Application): string {
    return (stmts.lastEventDate.get(app.id) as string | null) ?? app.statusDate;
  }

  /**
   * The Main Match gives one PGY-1 position (both tracks this tracker holds are PGY-1), so
   * only one application can be its result, and not when the Match Week result on the SOAP
   * screen says no ranked PGY-1 program matched. Throws what to fix.
   */
  function mainMatchProblem(apps: readonly Application[]): void {
    if (apps.length > 1) throw new AppError('conflict', 'The Main Match gives one position: mark one program Matched, and the other ranked programs become Not matched with it.');
    const other = (stmts.all.all() as Record<string, unknown>[]).map(rowToApplication).find((a) => a.status === 'matched' && a.id !== apps[0]!.id);
    if (other) throw new AppError('conflict', `${programName(other.programId)} is already Matched, and the Main Match gives one position. If that was a mistake, move it back to Ranked first.`);
    const weekResult = NO_PGY1_MATCH[String(stmts.matchStatus.get())];
    if (weekResult) throw new AppError('conflict', `Your Match Week result on the SOAP screen is "${weekResult}", so no ranked program matched. If that was a mistake, change the result there first.`);
  }

  /**
   * One ranked program matched in the Main Match: every other ranked application did not
   * (Not matched, the same day, noted), and a Match Week result still "Not known" becomes
   * "Fully matched".
   */
  function closeOthersAfterMainMatch(matched: Application, date: string, now: Date): void {
    closeRanked(date, mainMatchNote(programName(matched.programId)), now, matched.id);
    if (stmts.matchStatus.get() === 'not_known') stmts.setMatchStatus.run('matched');
  }

  /** Every ranked application (but `except`) becomes Not matched on `date` (or its latest change, if later), with `note`. Returns how many. */
  function closeRanked(date: string, note: string, now: Date, except?: number): number {
    const at = now.toISOString();
    let moved = 0;
    for (const app of (stmts.all.all() as Record<string, unknown>[]).map(rowToApplication)) {
      if (app.status !== 'ranked' || app.id === except) continue;
      const on = date < lastChange(app) ? lastChange(app) : date;
      stmts.setStatus.run({ id: app.id, status: 'not_matched', date: on, submitted_on: null, now: at });
      stmts.insertEvent.run({ application_id: app.id, from_status: 'ranked', status: 'not_matched', date: on, note, now: at });
      moved++;
    }
    return moved;
  }

  /** A Main Match result corrected (Matched back to Ranked): the programs it closed are Ranked again. */
  function reopenAfterMainMatchUndone(was: Application, now: Date): void {
    reopen((note) => note === mainMatchNote(programName(was.programId)), 'Main Match result corrected: back on the rank list.', now);
  }

  /** Applications made "Not matched" by a note `closedBy` accepts (their latest event) are Ranked again, on that event's day. */
  function reopen(closedBy: (note: string) => boolean, note: string, now: Date): number {
    const at = now.toISOString();
    let moved = 0;
    for (const app of (stmts.all.all() as Record<string, unknown>[]).map(rowToApplication)) {
      if (app.status !== 'not_matched') continue;
      const latest = latestEvent(app.id);
      if (!latest || !closedBy(latest.note)) continue;
      stmts.setStatus.run({ id: app.id, status: 'ranked', date: latest.date, submitted_on: null, now: at });
      stmts.insertEvent.run({ application_id: app.id, from_status: 'not_matched', status: 'ranked', date: latest.date, note, now: at });
      moved++;
    }
    return moved;
  }

  return {
    lastChange,

    list(): Application[] {
      return (stmts.all.all() as Record<string, unknown>[]).map(rowToApplication);
    },

    get,

    byProgram(programId: number): Application | null {
      const row = stmts.byProgram.get(programId) as Record<string, unknown> | undefined;
      return row ? rowToApplication(row) : null;
    },

    programName,

    /**
     * Opens an application for each program that has none (and puts the program on the
     * list). Programs that already have one are reported, not changed. An unknown program
     * refuses the whole request.
     */
    create(input: CreateApplications, now: Date, today: string): { created: Application[]; alreadyApplied: number[] } {
      const problem = futureDateProblem(input.date, today);
      if (problem) throw new AppError('invalid_input', problem);
      return inTransaction(db, () => {
        const created: Application[] = [];
        const alreadyApplied: number[] = [];
        for (const programId of new Set(input.programIds)) {
          if (stmts.programName.get(programId) === undefined) throw notFound('Program', programId, 'reload the list');
          if (stmts.byProgram.get(programId) !== undefined) {
            alreadyApplied.push(programId);
            continue;
          }
          const info = stmts.insert.run({
            program_id: programId,
            status: input.status,
            status_date: input.date,
            submitted_on: SUBMITTED_STATUSES.has(input.status) ? input.date : null,
            notes: input.notes,
            now: now.toISOString(),
          });
          const id = Number(info.lastInsertRowid);
          stmts.insertEvent.run({ application_id: id, from_status: null, status: input.status, date: input.date, note: input.notes, now: now.toISOString() });
          stmts.onList.run(programId);
          created.push(get(id));
        }
        return { created, alreadyApplied };
      });
    },

    /** Moves applications to a status, all or none: one refused move changes nothing and names the program. */
    setStatus(ids: number[], status: ApplicationStatus, date: string, note: string, now: Date, today: string): Application[] {
      const future = futureDateProblem(date, today);
      if (future) throw new AppError('invalid_input', future);
      return inTransaction(db, () => {
        const apps = [...new Set(ids)].map(get);
        // Every refusal is named (not only the first), so the user can fix them all at once.
        const problems: string[] = [];
        for (const app of apps) {
          const problem = statusMoveProblem(app.status, status);
          const last = lastChange(app);
          if (problem) problems.push(`${programName(app.programId)}: ${problem}`);
          else if (date < last && !openedOnlyBefore(app, date)) problems.push(`${programName(app.programId)}: ${earlierThanLastChange(last)}`);
        }
        if (problems.length === 1) throw new AppError('conflict', problems[0]!);
        if (problems.length > 1) throw new AppError('conflict', `${problems.length} applications could not move, so none was changed. ${problems.join(' ')}`);
        if (status === 'matched') mainMatchProblem(apps);
        for (const app of apps) {
          if (openedOnlyBefore(app, date)) stmts.redateOpening.run({ application_id: app.id, date });
          stmts.setStatus.run({ id: app.id, status, date, submitted_on: SUBMITTED_STATUSES.has(status) ? date : null, now: now.toISOString() });
          stmts.insertEvent.run({ application_id: app.id, from_status: app.status, status, date, note, now: now.toISOString() });
        }
        if (status === 'matched') closeOthersAfterMainMatch(apps[0]!, date, now);
        for (const app of apps) if (app.status === 'matched' && status === 'ranked') reopenAfterMainMatchUndone(app, now);
        return apps.map((a) => get(a.id));
      });
    },

    /**
     * A binding SOAP acceptance (docs/DOMAIN.md §5): the program's application (opened if there is
     * none) is Matched on that day, "via SOAP" in its history, and every other open
     * application closes: a ranked one did not match in the Main Match (Not matched), the
     * rest are withdrawn, each with a note saying why. One transaction with the acceptance.
     */
    recordSoapMatch(programId: number, date: string, label: string, now: Date): void {
      inTransaction(db, () => {
        const at = now.toISOString();
        let app = (stmts.byProgram.get(programId) as Record<string, unknown> | undefined) ? rowToApplication(stmts.byProgram.get(programId) as Record<string, unknown>) : null;
        if (!app) {
          const id = Number(stmts.insert.run({ program_id: programId, status: 'matched', status_date: date, submitted_on: date, notes: '', now: at }).lastInsertRowid);
          stmts.insertEvent.run({ application_id: id, from_status: null, status: 'matched', date, note: `${SOAP_MATCH_NOTE} ${label}`, now: at });
          stmts.onList.run(programId);
          app = get(id);
        } else if (app.status !== 'matched') {
          const on = date < lastChange(app) ? lastChange(app) : date;
          stmts.setStatus.run({ id: app.id, status: 'matched', date: on, submitted_on: on, now: at });
          stmts.insertEvent.run({ application_id: app.id, from_status: app.status, status: 'matched', date: on, note: `${SOAP_MATCH_NOTE} ${label}`, now: at });
        }
        for (const other of (stmts.all.all() as Record<string, unknown>[]).map(rowToApplication)) {
          if (other.id === app.id || CLOSED_STATUSES.has(other.status)) continue;
          const to: ApplicationStatus = other.status === 'ranked' ? 'not_matched' : 'withdrawn';
          const on = date < lastChange(other) ? lastChange(other) : date;
          stmts.setStatus.run({ id: other.id, status: to, date: on, submitted_on: null, now: at });
          stmts.insertEvent.run({ application_id: other.id, from_status: other.status, status: to, date: on, note: `Season closed: you matched via SOAP (${label}).`, now: at });
        }
      });
    },

    /**
     * Match Week's Monday says "Unmatched" (issue 13: one truth): no ranked program matched, so
     * every ranked application is "Not matched" on that day, noted in its history. Returns how
     * many moved. In the transaction of the Match Week result.
     */
    recordUnmatched(date: string, now: Date, note: string = UNMATCHED_NOTE): number {
      return inTransaction(db, () => closeRanked(date, note, now));
    },

    /**
     * The Match Week result changed away from "Unmatched" or "advanced position only" (a
     * mis-click corrected): the applications that result made "Not matched" (their latest
     * event says so) are Ranked again, on the same day, with a note; the history keeps both steps.
     */
    undoUnmatched(now: Date): number {
      return inTransaction(db, () => reopen((n) => MATCH_WEEK_NOTES.has(n), 'Match Week result changed: back on the rank list.', now));
    },

    /** The application Matched in the Main Match (not through SOAP), if one is. */
    mainMatch(): Application | null {
      for (const app of (stmts.all.all() as Record<string, unknown>[]).map(rowToApplication)) {
        if (app.status !== 'matched') continue;
        const latest = latestEvent(app.id);
        if (!latest?.note.startsWith(SOAP_MATCH_NOTE)) return app;
      }
      return null;
    },

    setNotes(id: number, notes: string, now: Date): Application {
      return inTransaction(db, () => {
        get(id);
        stmts.setNotes.run({ id, notes, now: now.toISOString() });
        return get(id);
      });
    },

    /** Records the day an application was submitted (an import's row that gives it beside a later status). */
    setSubmittedOn(id: number, date: string): void {
      stmts.setSubmittedOn.run({ id, submitted_on: date });
    },

    history(id: number): ApplicationEvent[] {
      get(id);
      return (stmts.events.all(id) as Record<string, unknown>[]).map(rowToEvent);
    },

    allHistory(): ApplicationEvent[] {
      return (stmts.allEvents.all() as Record<string, unknown>[]).map(rowToEvent);
    },

    delete(id: number): void {
      inTransaction(db, () => {
        get(id);
        stmts.delete.run(id);
      });
    },
  };
}

export type ApplicationsRepo = ReturnType<typeof createApplicationsRepo>;
