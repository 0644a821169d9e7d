// Importing applications: each row finds its program (NRMP code, else institution + track)
// and gives a status with its date (and when it was submitted). A new application gets a
// history with the imported dates; an existing one moves to the new status (one history
// event), or is left alone when the status is the same. The row's invite and interview
// dates (and "II", "Waitlist"…) are recorded as the app's invitation and interview
// (invitation-import.ts), and the status is where those records take it.
import type { Db } from '../db/open';
import { createApplicationsRepo, earlierThanLastChange, futureDateProblem } from '../db/repos/applications-repo';
import { createProgramsRepo } from '../db/repos/programs-repo';
import { createInvitationsRepo, type InvitationsRepo } from '../db/repos/invitations-repo';
import { createPipelineRepo, type PipelineRepo } from '../db/repos/pipeline-repo';
import { APPLICATION_FIELDS, type ApplicationFieldKey } from '../../shared/domain/import-fields';
import { dayOrderOf, readDate, readStatusWords, readTrack } from '../../shared/import/values';
import { APPLICATION_STATUS_LABELS, SUBMITTED_STATUSES, statusMoveProblem, type ApplicationStatus } from '../../shared/domain/application';
import { isoDateSchema } from '../../shared/domain/profile';
import { PROGRAM_LABELS, type Track, programLabel } from '../../shared/domain/program';
import { normalizeNrmpCode } from '../../shared/domain/nrmp';
import type { FieldChange, ImportPlan } from '../../shared/api/transfer-api';
import type { SheetData } from './read-file';
import { findProgram, importPlan, indexPrograms, mappedColumns, planRows, trackOfCode } from './import-plan';
import { INVITATION_FIELD, planRowRecords, recordsByApplication, statusAfterRecords, type PlannedRecords } from './invitation-import';
const MAX_NOTES = 1000;

interface PlannedApplication {
  row: number;
  programId: number;
  applicationId: number | undefined;
  status: ApplicationStatus;
  statusDate: string;
  submittedOn: string | null;
  notes: string | undefined;
  action: 'add' | 'update' | 'unchanged';
  statusChanges: boolean;
  /** An application you already have, not yet submitted, moves to "Submitted" on submittedOn before its new status. */
  submitFirst: boolean;
  /** A new application's steps before its status, oldest first (submitted, invited, interviewed), each with its date. */
  steps: { status: ApplicationStatus; date: string; note: string }[];
  /** The invitation and interview the row records. */
  records: PlannedRecords;
  changes?: FieldChange[];
}

export interface ApplicationImportPlan {
  plan: ImportPlan;
  rows: PlannedApplication[];
}

export function planApplicationImport(db: Db, sheet: SheetData, mapping: (string | null)[], today: string, timeZone: string, keep: readonly string[] = []): ApplicationImportPlan {
  const index = indexPrograms(createProgramsRepo(db).list());
  const appsRepo = createApplicationsRepo(db);
  const appByProgram = new Map(appsRepo.list().map((a) => [a.programId, a]));
  const recordsOf = recordsByApplication(db);
  const kept = new Set(keep);
  const { colOf, header } = mappedColumns(sheet, mapping, APPLICATION_FIELDS);
  const seen = new Map<number, number>();
  const thisYear = Number(today.slice(0, 4));
  const seasonStartYear = Number(today.slice(5, 7)) >= 6 ? thisYear : thisYear - 1;
  const orders = new Map<ApplicationFieldKey, 'mdy' | 'dmy'>();
  for (const key of ['statusDate', 'submittedOn', 'inviteDate', 'interviewDate'] as const) {
    const c = colOf.get(key);
    if (c !== undefined) orders.set(key, dayOrderOf(sheet.rows.map((r) => r[c] ?? '')));
  }

  const rows = planRows<PlannedApplication>(sheet, mapping, (cells, { row, problems: rowProblems, problem }) => {
    const cell = (key: ApplicationFieldKey) => {
      const c = colOf.get(key);
      return c === undefined ? '' : (cells[c] ?? '');
    };
    const code = normalizeNrmpCode(cell('nrmpCode'));
    const name = cell('institution');
    let kind: Track | undefined;
    if (cell('track') !== '') {
      const t = readTrack(cell('track'));
      if (t.error !== undefined) problem(header('track'), t.error);
      else if (t.value === 'both') problem(header('track'), 'An application is for one track: write Preliminary or Categorical.');
      else kind = t.value;
    }
    kind ??= trackOfCode(code);

    let rowStatus: ApplicationStatus | undefined;
    let waitlisted = false;
    if (cell('status') === '') problem(header('status'), 'Give the status, e.g. Submitted.');
    else {
      const s = readStatusWords(cell('status'));
      if (s.error !== undefined) problem(header('status'), s.error);
      else rowStatus = s.value;
      waitlisted = /wait ?list/i.test(cell('status'));
    }
    const date = (key: 'statusDate' | 'submittedOn' | 'inviteDate', mayBeFuture = false): string | null => {
      if (cell(key) === '') return null;
      const d = readDate(cell(key), orders.get(key) ?? 'mdy', seasonStartYear);
      if (d.error !== undefined) {
        problem(header(key), d.error);
        return null;
      }
      const checked = isoDateSchema.safeParse(d.value);
      if (!checked.success) {
        problem(header(key), checked.error.issues[0]?.message ?? 'Write a real date as YYYY-MM-DD.');
        return null;
      }
      const future = mayBeFuture ? null : futureDateProblem(checked.data, today);
      if (future) {
        problem(header(key), future);
        return null;
      }
      return checked.data;
    };
    const submittedOn = date('submittedOn');
    const invitedOn = date('inviteDate');
    // An interview date may be ahead (scheduled): it is an event only once it has passed.
    let interviewOn: string | null = null;
    if (cell('interviewDate') !== '') {
      const d = readDate(cell('interviewDate'), orders.get('interviewDate') ?? 'mdy', seasonStartYear);
      if (d.error !== undefined) problem(header('interviewDate'), d.error);
      else interviewOn = d.value;
    }
    const statusColumn = date('statusDate');
    const notes = cell('notes') === '' ? undefined : cell('notes');
    if (notes !== undefined && notes.length > MAX_NOTES) problem(header('notes'), 'Keep the note under 1,000 characters.');

    const program = findProgram(index, code, name, kind);
    const label = program ? programLabel(program) : name || code || '(no program)';
    if (!program) {
      if (code !== '') problem(header('nrmpCode'), `No program has NRMP code ${code}. Import or add the program first, or check the code.`);
      else if (name === '') problem(header('institution'), 'Give the NRMP code, or the institution name and track, of the program.');
      else if (!kind) problem(header('track'), `Give the track (Preliminary or Categorical) of ${name}.`);
      else problem(header('institution'), `No ${PROGRAM_LABELS.track[kind].toLowerCase()} program at "${name}". Import or add the program first, or check the name.`);
    } else {
      const first = seen.get(program.id);
      if (first !== undefined) problem(null, `Row ${first} is already for ${label}; keep one row per application.`);
      else seen.set(program.id, row);
    }

    const existing = program ? appByProgram.get(program.id) : undefined;
    // The invitation and interview the row records, and where they take the status (as in the app).
    const invitation =
      rowStatus && rowProblems.length === 0
        ? planRowRecords(
            { status: rowStatus, waitlisted, invitedOn, interviewOn, statusDate: statusColumn, today, timeZone },
            existing ? recordsOf(existing.id) : { invitation: null, interview: null },
            kept.has(`${row}:${INVITATION_FIELD}`),
            existing?.submittedOn ?? submittedOn,
          )
        : undefined;
    for (const p of invitation?.problems ?? []) problem(header(p.field) ?? header('status'), p.message);
    const status = rowStatus && invitation ? statusAfterRecords(rowStatus, invitation.outcome) : rowStatus;
    // The status's own date: the column, else the date the row gives for that step (a scheduled
    // interview: the day it was recorded, as in the app, at the latest the interview's), else today.
    const stepDate =
      status === 'interviewed' ? interviewOn : status === 'interview_invited' ? invitedOn : status === 'interview_scheduled' && interviewOn !== null ? (interviewOn < today ? interviewOn : today) : status === 'submitted' ? submittedOn : null;
    const statusDate = statusColumn ?? (stepDate !== null && stepDate <= today ? stepDate : today);

    if (rowProblems.length === 0 && existing && status && existing.status !== status) {
      const move = statusMoveProblem(existing.status, status);
      if (move) problem(header('status'), move);
      const last = appsRepo.lastChange(existing);
      if (!move && statusDate < last) problem(header('statusDate') ?? header('status'), earlierThanLastChange(last));
    }
    // The submission of an application you already have is a dated event in its history:
    // an import does not rewrite it (the history would no longer say what happened when).
    // One not submitted yet that the row moves past "Submitted" gets that event on its day.
    let submitFirst = false;
    if (rowProblems.length === 0 && existing && status && submittedOn) {
      const moving = existing.status !== status;
      submitFirst =
        moving && existing.submittedOn === null && !SUBMITTED_STATUSES.has(existing.status) && status !== 'submitted' && SUBMITTED_STATUSES.has(status) && submittedOn < statusDate && statusMoveProblem('submitted', status) === null;
      const last = appsRepo.lastChange(existing);
      if (submitFirst && submittedOn < last) problem(header('submittedOn'), earlierThanLastChange(last));
      const stored = existing.submittedOn ?? (submitFirst ? submittedOn : moving && SUBMITTED_STATUSES.has(status) ? statusDate : null);
      if (stored !== submittedOn) {
        problem(
          header('submittedOn'),
          existing.submittedOn !== null
            ? `It was submitted on ${existing.submittedOn}; an import cannot change that day (the history keeps it). Write ${existing.submittedOn} or leave "Submitted on" empty.`
            : stored !== null
              ? `An import dates the submission of an application you already have on its status date (${stored}); write ${stored} or leave "Submitted on" empty. To record another day, change the status in the app.`
              : `An import cannot add a submission day to an application you already have; leave "Submitted on" empty, or change the status in the app.`,
        );
      }
    }
    if (rowProblems.length === 0 && status && submittedOn && !SUBMITTED_STATUSES.has(status) && status !== 'rejected' && status !== 'withdrawn') {
      problem(header('submittedOn'), `An application that is "${APPLICATION_STATUS_LABELS[status]}" has not been submitted yet; leave "Submitted on" empty or change the status.`);
    }
    if (rowProblems.length === 0 && submittedOn && submittedOn > statusDate) {
      problem(header('submittedOn'), `It was submitted (${submittedOn}) after its status date (${statusDate}); check the dates.`);
    }
    // A new application's history: each dated step the row gives before its status, in order.
    const steps: PlannedApplication['steps'] = [];
    if (rowProblems.length === 0 && !existing && status) {
      const candidates: { status: ApplicationStatus; date: string | null }[] = [
        { status: 'submitted', date: submittedOn },
        { status: 'interview_invited', date: invitedOn },
        { status: 'interviewed', date: interviewOn !== null && interviewOn <= statusDate ? interviewOn : null },
      ];
      const order = ['submitted', 'interview_invited', 'interviewed'];
      const reach = status === 'rejected' || status === 'withdrawn' ? 3 : status === 'interview_scheduled' ? 2 : order.indexOf(status) >= 0 ? order.indexOf(status) : SUBMITTED_STATUSES.has(status) ? 3 : 0;
      let last = '';
      for (let k = 0; k < reach; k++) {
        const c = candidates[k]!;
        if (c.date === null) continue;
        if (c.date < last) {
          problem(header(k === 0 ? 'submittedOn' : k === 1 ? 'inviteDate' : 'interviewDate'), `This date (${c.date}) is before the step it follows (${last}); check the dates.`);
          break;
        }
        steps.push({ status: c.status, date: c.date, note: '' });
        last = c.date;
      }
      if (last > statusDate) problem(header('statusDate') ?? header('status'), `The status date (${statusDate}) is before the row's other dates (${last}); check the dates.`);
    }
    if (rowProblems.length > 0 || !program || !status || !invitation) return { label, planned: undefined };
    const statusChanges = !existing || existing.status !== status;
    const { records, change } = invitation;
    const recordsChange = records.invitation !== null || records.interview !== null;
    const action = !existing ? 'add' : statusChanges || recordsChange || (notes !== undefined && notes !== existing.notes) ? 'update' : 'unchanged';
    const planned: PlannedApplication = { row, programId: program.id, applicationId: existing?.id, status, statusDate, submittedOn, notes, action, statusChanges, submitFirst, steps, records };
    return { label, planned: change ? { ...planned, changes: [change] } : planned };
  });

  const count = (pick: (r: PlannedRecords) => { action: 'add' | 'update' } | null, action: 'add' | 'update') => rows.planned.filter((p) => pick(p.records)?.action === action).length;
  const records = {
    invitations: { add: count((r) => r.invitation, 'add'), update: count((r) => r.invitation, 'update') },
    interviews: { add: count((r) => r.interview, 'add'), update: count((r) => r.interview, 'update') },
  };
  return { plan: { ...importPlan('applications', rows), records }, rows: rows.planned };
}

/**
 * Writes a row's invitation and interview through the repositories the screens use: the
 * inbox's save (which records or updates the accepted date's interview and links it), then
 * the Interviews tab's save to mark one that took place as done.
 */
function writeRecords(repos: { invitations: InvitationsRepo; pipeline: PipelineRepo }, applicationId: number, records: PlannedRecords, now: Date, today: string): void {
  const { pipeline } = repos;
  if (records.invitation) {
    const { invitation } = repos.invitations.save({ ...records.invitation.fields, ...(records.invitation.id !== undefined ? { id: records.invitation.id } : {}), applicationId, date: today }, now, today);
    if (records.interview?.done && invitation.interviewId !== null) {
      const iv = pipeline.interview(invitation.interviewId);
      if (!iv.completed) pipeline.saveInterview({ ...iv, completed: true, date: today }, now, today);
    }
  } else if (records.interview?.fields) {
    pipeline.saveInterview({ ...records.interview.fields, ...(records.interview.id !== undefined ? { id: records.interview.id } : {}), applicationId, date: today }, now, today);
  }
}

/** Writes the plan through the applications, invitations and interviews repos (call inside a transaction). */
export function writeApplicationImport(db: Db, planned: ApplicationImportPlan, now: Date, today: string): void {
  const apps = createApplicationsRepo(db);
  const repos = { invitations: createInvitationsRepo(db), pipeline: createPipelineRepo(db) };
  for (const p of planned.rows) {
    if (p.action === 'unchanged') continue;
    let applicationId = p.applicationId;
    if (applicationId === undefined) {
      // Each dated step before the current status is an event of the history, oldest first.
      const steps = p.steps.filter((st) => st.status !== p.status);
      const first = steps[0] ?? { status: p.status, date: p.statusDate };
      const { created } = apps.create({ programIds: [p.programId], status: first.status, date: first.date, notes: p.notes ?? '' }, now, today);
      const id = created[0]!.id;
      applicationId = id;
      for (const st of steps.slice(1)) apps.setStatus([id], st.status, st.date, '', now, today);
      if (steps.length > 0) apps.setStatus([id], p.status, p.statusDate, '', now, today);
      if (p.submittedOn && !steps.some((st) => st.status === 'submitted') && p.status !== 'submitted') {
        apps.setSubmittedOn(id, p.submittedOn);
      }
    } else {
      if (p.submitFirst) apps.setStatus([applicationId], 'submitted', p.submittedOn!, 'Imported', now, today);
      if (p.statusChanges) apps.setStatus([applicationId], p.status, p.statusDate, 'Imported', now, today);
      if (p.notes !== undefined) apps.setNotes(applicationId, p.notes, now);
    }
    writeRecords(repos, applicationId, p.records, now, today);
  }
}
