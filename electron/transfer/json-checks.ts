// The rules of the app applied to data loaded from a full JSON export. SQLite's constraints
// (types, CHECKs, foreign keys) only see one row at a time; the domain's own schemas and
// rules (a real US state, an NRMP code that fits its track, a status history that could have
// happened) are checked here on the loaded rows, read back through the repositories, inside
// the import's transaction: any problem refuses the whole file.
//
// Checked by domain rules: profile + usce_entry (profileSchema), institution + program +
// program_unfilled (institutionWithTracksSchema, and the stored values must be what the
// editor saves, e.g. "OH" not "oh"), application + application_event (history chain,
// statusMoveProblem, dates that never go back, last event = status, notes), letter_writer, letter, letter_settings,
// document_version, communication, message_template, program_deadline, calendar_settings,
// interview, prep_card, soap_plan_entry notes. Everything else relies on SQLite constraints only
// (e.g. ics_export: .ics SEQUENCE bookkeeping, no user-entered values).
import type { z } from 'zod';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { createProfileRepo } from '../db/repos/profile-repo';
import { createProgramsRepo } from '../db/repos/programs-repo';
import { createApplicationsRepo } from '../db/repos/applications-repo';
import { createLettersRepo } from '../db/repos/letters-repo';
import { createDocumentsRepo } from '../db/repos/documents-repo';
import { createCommunicationsRepo } from '../db/repos/communications-repo';
import { createCalendarRepo } from '../db/repos/calendar-repo';
import { createSoapRepo } from '../db/repos/soap-repo';
import { profileSchema } from '../../shared/domain/profile';
import { institutionWithTracksSchema, PROGRAM_LABELS, type Program } from '../../shared/domain/program';
import { APPLICATION_STATUS_LABELS, applicationUpdateSchema, statusMoveProblem, type ApplicationEvent } from '../../shared/domain/application';
import { letterInputSchema, letterSettingsSchema, writerInputSchema } from '../../shared/domain/letters';
import { documentInputSchema } from '../../shared/domain/documents';
import { communicationInputSchema, templateInputSchema } from '../../shared/domain/communications';
import { calendarSettingsSchema, programDeadlineInputSchema } from '../../shared/domain/season-calendar';
import { soapPlanAddSchema } from '../../shared/domain/soap';
import { interviewSaveSchema, prepCardSaveSchema } from '../../shared/domain/interview';
import { createPipelineRepo } from '../db/repos/pipeline-repo';

/** How many problems the message lists before "and N more". */
const LISTED = 5;

type Path = readonly PropertyKey[];

function pathText(path: Path): string {
  return path.map(String).join('.');
}

/** The fields of an object schema taken from a stored record (the rest of the record is bookkeeping). */
function pick(schema: { shape: Record<string, unknown> }, record: object): Record<string, unknown> {
  const r = record as Record<string, unknown>;
  return Object.fromEntries(Object.keys(schema.shape).filter((k) => k in r).map((k) => [k, r[k]]));
}

/** String fields the schema would store differently (trimmed, normalized codes): stored data the app would not have written. */
function changedStrings(stored: Record<string, unknown>, saved: Record<string, unknown>): { key: string; from: string; to: string }[] {
  return Object.keys(saved)
    .filter((k) => typeof stored[k] === 'string' && typeof saved[k] === 'string' && stored[k] !== saved[k])
    .map((k) => ({ key: k, from: stored[k] as string, to: saved[k] as string }));
}

export class LoadedDataProblems {
  readonly issues: string[] = [];

  add(where: string, what: string): void {
    this.issues.push(`${where}: ${what}`);
  }

  /** Runs a schema on one record and notes each issue under `where`. */
  check<S extends z.ZodType>(schema: S, value: unknown, where: string, field: (path: Path) => string = pathText): z.output<S> | undefined {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    for (const issue of r.error.issues) this.add(where, issue.path.length ? `${field(issue.path)}: ${issue.message}` : issue.message);
    return undefined;
  }

  throwIfAny(fileName: string): void {
    const n = this.issues.length;
    if (n === 0) return;
    const listed = this.issues.slice(0, LISTED).map((i) => `- ${i}`).join('\n');
    const more = n > LISTED ? `\n… and ${n - LISTED} more.` : '';
    throw new AppError(
      'invalid_input',
      `${fileName} has ${n} value(s) Prelim Tracker would not accept, so nothing was changed. Correct them in the file (or export again from the app) and import it again:\n${listed}${more}`,
    );
  }
}

const quoted = (s: string) => `"${s.length > 60 ? `${s.slice(0, 57)}…` : s}"`;

function checkProfile(db: Db, p: LoadedDataProblems): void {
  const { profile, updatedAt } = createProfileRepo(db).get();
  if (updatedAt === null) return;
  p.check(profileSchema, profile, 'profile', (path) => (path[0] === 'usce' && typeof path[1] === 'number' ? `usce_entry ${profile.usce[path[1]]?.id ?? path[1]} ${pathText(path.slice(2))}` : pathText(path)));
}

function checkPrograms(db: Db, p: LoadedDataProblems): void {
  const byInstitution = new Map<number, Program[]>();
  for (const prog of createProgramsRepo(db).list()) byInstitution.set(prog.institutionId, [...(byInstitution.get(prog.institutionId) ?? []), prog]);
  for (const tracks of byInstitution.values()) {
    const inst = tracks[0]!.institution;
    const where = `institution ${inst.id} ${quoted(inst.name)}`;
    // A Program is its institution's and its track's input fields plus bookkeeping (ids, dates,
    // list state), which the schema strips: the same shape the editor saves.
    const input = { institution: inst, tracks };
    const trackName = (i: unknown) => {
      const t = typeof i === 'number' ? tracks[i] : undefined;
      return t ? `program ${t.id} (${PROGRAM_LABELS.track[t.track]})` : 'tracks';
    };
    const saved = p.check(institutionWithTracksSchema, input, where, (path) =>
      path[0] === 'institution' ? pathText(path.slice(1)) : path.length > 1 ? `${trackName(path[1])} ${pathText(path.slice(2))}` : trackName(undefined),
    );
    if (!saved) continue;
    for (const c of changedStrings(inst as unknown as Record<string, unknown>, saved.institution)) {
      p.add(where, `${c.key} is ${quoted(c.from)}; the app stores it as ${quoted(c.to)}.`);
    }
    saved.tracks.forEach((t, i) => {
      for (const c of changedStrings(tracks[i] as unknown as Record<string, unknown>, t)) p.add(`${where} ${trackName(i)}`, `${c.key} is ${quoted(c.from)}; the app stores it as ${quoted(c.to)}.`);
    });
  }
}

function checkApplications(db: Db, p: LoadedDataProblems): void {
  const repo = createApplicationsRepo(db);
  const events = new Map<number, ApplicationEvent[]>();
  for (const e of repo.allHistory()) events.set(e.applicationId, [...(events.get(e.applicationId) ?? []), e]);
  const label = (s: string) => APPLICATION_STATUS_LABELS[s as keyof typeof APPLICATION_STATUS_LABELS] ?? s;
  for (const app of repo.list()) {
    const where = `application ${app.id} (${repo.programName(app.programId)})`;
    p.check(applicationUpdateSchema, { id: app.id, notes: app.notes }, where);
    // In the order the changes were recorded: each starts where the one before ended.
    const history = (events.get(app.id) ?? []).slice().sort((a, b) => a.id - b.id);
    if (history.length === 0) {
      p.add(where, 'it has no status history (application_event); every application starts with one event.');
      continue;
    }
    history.forEach((e, i) => {
      const at = `${where} application_event ${e.id}`;
      const before = i === 0 ? null : history[i - 1]!;
      if (e.note.trim().length > 1000) p.add(at, 'note: Keep the note under 1,000 characters.');
      if (before === null) {
        if (e.fromStatus !== null) p.add(at, `the first event of an application has no previous status, but it says "${label(e.fromStatus)}".`);
        return;
      }
      if (e.fromStatus !== before.status) {
        p.add(at, `it moves from "${e.fromStatus === null ? 'nothing' : label(e.fromStatus)}", but the event before it (${before.id}) left the status at "${label(before.status)}".`);
        return;
      }
      const problem = statusMoveProblem(before.status, e.status);
      if (problem) p.add(at, problem);
      // The app never dates a change before the previous one (setStatus refuses it, the pipeline clamps).
      if (e.date < before.date) p.add(at, `it is dated ${e.date}, before ${before.date} of the event before it (${before.id}); a status change cannot be dated before the previous change.`);
    });
    const last = history[history.length - 1]!;
    if (last.status !== app.status) p.add(where, `its status is "${label(app.status)}", but its last history event (${last.id}) says "${label(last.status)}".`);
    else if (last.date !== app.statusDate) p.add(where, `its status date is ${app.statusDate}, but its last history event (${last.id}) is dated ${last.date}.`);
  }
}

function checkOthers(db: Db, p: LoadedDataProblems): void {
  const letters = createLettersRepo(db);
  for (const w of letters.writers()) p.check(writerInputSchema, pick(writerInputSchema, w), `letter_writer ${w.id} ${quoted(w.name)}`);
  for (const l of letters.letters()) p.check(letterInputSchema, pick(letterInputSchema, l), `letter ${l.id}${l.label ? ` ${quoted(l.label)}` : ''}`);
  p.check(letterSettingsSchema, letters.settings(), 'letter_settings');
  for (const d of createDocumentsRepo(db).list()) p.check(documentInputSchema, pick(documentInputSchema, d), `document_version ${d.id} ${quoted(d.title)}`);
  const comms = createCommunicationsRepo(db);
  for (const c of comms.list()) p.check(communicationInputSchema, pick(communicationInputSchema, c), `communication ${c.id}${c.subject ? ` ${quoted(c.subject)}` : ''}`);
  for (const t of comms.storedTemplates()) p.check(templateInputSchema, pick(templateInputSchema, t), `message_template ${t.id} ${quoted(t.name)}`);
  const calendar = createCalendarRepo(db);
  for (const d of calendar.deadlines()) p.check(programDeadlineInputSchema, pick(programDeadlineInputSchema, d), `program_deadline ${d.id} ${quoted(d.title)}`);
  p.check(calendarSettingsSchema, calendar.settings(), 'calendar_settings');
  const pipeline = createPipelineRepo(db);
  // `date` is the day of a save (it only dates status moves); any valid day stands in for it.
  for (const i of pipeline.interviews()) p.check(interviewSaveSchema, { ...pick(interviewSaveSchema, i), date: i.updatedAt.slice(0, 10) }, `interview ${i.id} (application ${i.applicationId})`);
  p.check(prepCardSaveSchema, pick(prepCardSaveSchema, pipeline.prepCard()), 'prep_card');
  for (const e of createSoapRepo(db).plan()) p.check(soapPlanAddSchema, { programIds: [e.programId], note: e.note }, `soap_plan_entry for program ${e.programId}`);
}

/** Checks the loaded data with the app's own rules; throws one message listing the problems. Writes nothing. */
export function checkLoadedData(db: Db, fileName: string): void {
  const problems = new LoadedDataProblems();
  checkProfile(db, problems);
  checkPrograms(db, problems);
  checkApplications(db, problems);
  checkOthers(db, problems);
  problems.throwIfAny(fileName);
}
