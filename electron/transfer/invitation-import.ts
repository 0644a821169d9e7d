// What an applications file says about a row's interview invitation and interview, as the
// app records them (docs/DOMAIN.md §8): the invitation in the inbox with the day it arrived,
// and the interview as accepting that invitation records it (the same repository calls:
// invitations.save, then the Interviews tab's "Interview done" for one that took place).
// A file gives days only, so a new record's times are placeholders (IMPORTED_TIME, in the
// user's zone), said in the invitation's note; a time you gave in the app is kept while the
// day is the same. An existing invitation is compared with the file's: the same is
// unchanged, a difference is an update listed in the dry run (with "keep mine"), and a file
// that says less ("II" without an interview date, no invite date, no date at all) never
// takes back what the app has.
import { invitationSaveSchema, INVITATION_STATUS_LABELS, type Invitation, type InvitationSave, type InvitationStatus } from '../../shared/domain/invitation';
import { INTERVIEW_DURATION_DEFAULT, interviewMovesStatus, interviewSaveSchema, type Interview, type InterviewSave } from '../../shared/domain/interview';
import type { ApplicationStatus } from '../../shared/domain/application';
import { RANKABLE_STATUSES } from '../../shared/domain/rank-list';
import type { FieldChange } from '../../shared/api/transfer-api';
import type { Db } from '../db/open';
import { createInvitationsRepo } from '../db/repos/invitations-repo';
import { createPipelineRepo, interviewDateProblem } from '../db/repos/pipeline-repo';

/** The wall-clock time given to a day from a file (received and interview), in the user's zone. */
export const IMPORTED_TIME = '09:00';
export const IMPORTED_NOTE = `Imported from an applications file, which gives days only: the times (${IMPORTED_TIME}) are placeholders; correct them here.`;
/** The dry run's field (and "keep mine" key) for a row's invitation and interview. */
export const INVITATION_FIELD = 'invitation';

/** What the row says, read and checked already (dates are YYYY-MM-DD). */
export interface RowInvitationFacts {
  status: ApplicationStatus;
  /** "Waitlist" in the status column: an interview waitlist. */
  waitlisted: boolean;
  invitedOn: string | null;
  interviewOn: string | null;
  /** The status column's date, if the row gives one. */
  statusDate: string | null;
  today: string;
  /** The user's zone (a new invitation's times are in it). */
  timeZone: string;
}

/** The application's records before the import. */
export interface ExistingRecords {
  invitation: Invitation | null;
  /** The interview linked to the invitation, else one recorded on the Interviews tab (the one accepting would link). */
  interview: Interview | null;
}

/**
 * Each application's invitation and interview: the interview its invitation links, else its
 * first one recorded on the Interviews tab (the one accepting the invitation would link).
 * What an import compares a row with, and what the applications export writes.
 */
export function recordsByApplication(db: Db): (applicationId: number) => ExistingRecords {
  const invitations = new Map(createInvitationsRepo(db).list().map((i) => [i.applicationId, i]));
  const linked = new Set([...invitations.values()].map((i) => i.interviewId));
  const interviews = new Map<number, Interview[]>();
  for (const i of createPipelineRepo(db).interviews().sort((a, b) => a.id - b.id)) interviews.set(i.applicationId, [...(interviews.get(i.applicationId) ?? []), i]);
  return (applicationId) => {
    const invitation = invitations.get(applicationId) ?? null;
    const mine = interviews.get(applicationId) ?? [];
    const interview = invitation?.interviewId != null ? mine.find((i) => i.id === invitation.interviewId) : mine.find((i) => !linked.has(i.id));
    return { invitation, interview: interview ?? null };
  };
}

type InvitationFields = Omit<InvitationSave, 'applicationId' | 'date'>;
type InterviewFields = Omit<InterviewSave, 'applicationId' | 'date'>;

export interface PlannedRecords {
  /** Saved through the invitations repository (it records or updates the accepted date's interview). */
  invitation: { id: number | undefined; fields: InvitationFields; action: 'add' | 'update' } | null;
  /** The interview: through the invitation when there is one (then `fields` marks it done), else saved on its own. */
  interview: { action: 'add' | 'update'; id?: number | undefined; viaInvitation: boolean; fields: InterviewFields | null; done: boolean } | null;
}

/** How far the records take the application (the pipeline moves they make). */
export interface RecordsOutcome {
  invited: boolean;
  scheduled: boolean;
  completed: boolean;
}

export interface InvitationPlan {
  records: PlannedRecords;
  outcome: RecordsOutcome;
  change: FieldChange | null;
  problems: { field: 'inviteDate' | 'interviewDate' | 'status'; message: string }[];
}

const NONE: PlannedRecords = { invitation: null, interview: null };
const dayOf = (s: string | null | undefined) => (s ? s.slice(0, 10) : null);
const timeOf = (s: string | null | undefined) => (s ? s.slice(11, 16) : IMPORTED_TIME);

/** The status the records leave the application at: forward only, as the repositories move it (pipeline.advance). */
export function statusAfterRecords(status: ApplicationStatus, outcome: RecordsOutcome): ApplicationStatus {
  let s = status;
  for (const [on, target] of [
    [outcome.invited, 'interview_invited'],
    [outcome.scheduled, 'interview_scheduled'],
    [outcome.completed, 'interviewed'],
  ] as const) {
    if (on && interviewMovesStatus(s, target)) s = target;
  }
  return s;
}

function outcomeOf(invitation: Pick<Invitation, 'status'> | null, interview: Pick<Interview, 'localStart' | 'completed'> | null): RecordsOutcome {
  const live = invitation === null || invitation.status === 'pending' || invitation.status === 'waitlisted' || invitation.status === 'accepted';
  return {
    invited: (invitation !== null && live) || interview !== null,
    scheduled: live && interview !== null && interview.localStart !== null,
    completed: live && interview !== null && interview.completed,
  };
}

/** What the row's own words make of the invitation, before looking at the app's records. */
function fileInvitation(f: RowInvitationFacts): { status: InvitationStatus; completed: boolean } | { problem: string } | null {
  const closed = f.status === 'rejected' || f.status === 'withdrawn';
  if (f.interviewOn !== null) {
    const past = f.interviewOn <= f.today;
    if (!past && closed) return { status: 'cancelled', completed: false };
    if (!past && RANKABLE_STATUSES.has(f.status)) {
      return { problem: `The status says the interview took place, but its date (${f.interviewOn}) is after today (${f.today}): give the day it took place, or the status it has now (e.g. Interview invited).` };
    }
    return { status: 'accepted', completed: past && (RANKABLE_STATUSES.has(f.status) || closed) };
  }
  if (f.waitlisted) return { status: 'waitlisted', completed: false };
  const invited = f.invitedOn !== null || f.status === 'interview_invited' || f.status === 'interview_scheduled';
  if (!invited) return null;
  if (f.status === 'withdrawn') return { status: 'declined', completed: false };
  if (f.status === 'rejected') return { status: 'cancelled', completed: false };
  // Scheduled, interviewed (or later) without the interview's day: the app cannot record an
  // accepted date it does not know, and "Reply needed" would be wrong.
  if (f.status === 'interview_scheduled' || RANKABLE_STATUSES.has(f.status)) return null;
  return { status: 'pending', completed: false };
}

export function describeRecords(status: InvitationStatus, received: string, interviewDay: string | null, completed: boolean): string {
  const parts = [`${INVITATION_STATUS_LABELS[status]}, received ${received}`];
  if (interviewDay !== null && (status === 'accepted' || status === 'cancelled')) parts.push(`interview ${interviewDay}${status === 'cancelled' ? ' (cancelled)' : completed ? ' (done)' : ''}`);
  return parts.join('; ');
}

/**
 * The invitation and interview a row records for an application (new or existing), the
 * pipeline moves they make, the dry run's change, and the problems of the row's cells.
 * submittedOn: the application's submission day after the import (null: not known).
 */
export function planRowRecords(f: RowInvitationFacts, existing: ExistingRecords, keep: boolean, submittedOn: string | null): InvitationPlan {
  const E = existing.invitation;
  const I = existing.interview;
  const unchanged = (): InvitationPlan => ({ records: NONE, outcome: outcomeOf(E, I), change: null, problems: [] });
  const read = fileInvitation(f);
  if (read === null || keep) return unchanged();
  if ('problem' in read) return { records: NONE, outcome: outcomeOf(E, I), change: null, problems: [{ field: 'interviewDate', message: read.problem }] };
  // A pending invitation says less than any reply you recorded in the app.
  if (E !== null && read.status === 'pending' && E.status !== 'pending') return unchanged();
  // A cancelled interview with no invitation recorded or dated: nothing to record.
  if (E === null && f.invitedOn === null && read.status === 'cancelled') return unchanged();
  // An interview day without an invitation's day and none recorded: the interview alone, as on the Interviews tab.
  if (E === null && f.invitedOn === null && f.interviewOn !== null) return interviewOnly(f, I, read.completed, submittedOn);

  const zone = E?.timeZone ?? (I !== null && dayOf(I.localStart) === f.interviewOn && I.timeZone ? I.timeZone : f.timeZone);
  const received = f.invitedOn ?? dayOf(E?.receivedAt) ?? f.statusDate ?? f.today;
  const receivedAt = `${received}T${E ? timeOf(E.receivedAt) : IMPORTED_TIME}`;
  // The interview day: the file's, else the one you recorded.
  const knownStart = E?.chosenStart ?? I?.localStart ?? null;
  const day = f.interviewOn ?? dayOf(knownStart);
  const dated = read.status === 'accepted' || read.status === 'cancelled';
  const chosenStart = dated && day !== null ? (dayOf(knownStart) === day ? knownStart! : `${day}T${timeOf(knownStart)}`) : null;
  const offered = E ? E.offered.filter((o) => o.start !== E.chosenStart || o.start === chosenStart) : [];
  if (chosenStart !== null && !offered.some((o) => o.start === chosenStart)) offered.push({ start: chosenStart, slots: null });
  const completed = read.completed || (read.status === 'accepted' && I !== null && I.localStart === chosenStart && I.completed);
  const cancelledOn = read.status === 'cancelled' ? (E?.cancelledOn ?? f.statusDate ?? f.today) : null;
  const fields: InvitationFields = {
    receivedAt,
    replyBy: E?.replyBy ?? null,
    timeZone: zone,
    offered: offered.slice(-12),
    status: read.status,
    chosenStart,
    waitlistPosition: read.status === 'waitlisted' ? (E?.waitlistPosition ?? null) : null,
    cancelledOn,
    cancelledBy: read.status === 'cancelled' ? (E?.cancelledBy ?? (f.status === 'withdrawn' ? 'me' : 'program')) : null,
    platform: E?.platform ?? I?.platform ?? 'zoom',
    note: E?.note ?? IMPORTED_NOTE,
  };
  const outcome = outcomeOf({ status: read.status }, read.status === 'accepted' ? { localStart: chosenStart, completed } : null);
  const problems = checkInvitation(fields, f.today, submittedOn, completed);
  // The interview the invitation records or updates (accepted); declining or cancelling takes a linked one away (the change says so).
  const linked = E?.interviewId != null ? I : null;
  const interview: PlannedRecords['interview'] =
    read.status === 'accepted'
      ? I === null
        ? { action: 'add', viaInvitation: true, fields: null, done: completed }
        : linked === null || I.localStart !== chosenStart || I.completed !== completed
          ? { action: 'update', viaInvitation: true, fields: null, done: completed }
          : null
      : null;
  if (E === null) return { records: { invitation: { id: undefined, fields, action: 'add' }, interview }, outcome, change: null, problems };

  const before = describeRecords(E.status, E.receivedAt.slice(0, 10), dayOf(E.chosenStart), I !== null && E.interviewId !== null && I.completed);
  const after = describeRecords(fields.status, received, dayOf(chosenStart), completed);
  const same = E.status === fields.status && E.receivedAt === fields.receivedAt && E.chosenStart === fields.chosenStart && interview === null && E.cancelledOn === fields.cancelledOn;
  if (same) return unchanged();
  return {
    records: { invitation: { id: E.id, fields, action: 'update' }, interview },
    outcome,
    change: { field: INVITATION_FIELD, label: 'Invitation and interview', from: before, to: after },
    problems,
  };
}

/** An interview day with no invitation day and no invitation recorded: the interview alone, as the Interviews tab records it. */
function interviewOnly(f: RowInvitationFacts, I: Interview | null, done: boolean, submittedOn: string | null): InvitationPlan {
  const day = f.interviewOn!;
  const localStart = I !== null && dayOf(I.localStart) === day ? I.localStart! : `${day}T${timeOf(I?.localStart)}`;
  const completed = done || (I !== null && I.localStart === localStart && I.completed);
  const fields: InterviewFields = {
    invitedOn: I?.invitedOn ?? null,
    respondBy: I?.respondBy ?? null,
    localStart,
    timeZone: I?.timeZone ?? f.timeZone,
    durationMinutes: I?.durationMinutes ?? INTERVIEW_DURATION_DEFAULT,
    platform: I?.platform ?? 'zoom',
    location: I?.location ?? '',
    completed,
    impressions: I?.impressions ?? '',
    score: I?.score ?? null,
  };
  const outcome = outcomeOf(null, { localStart, completed });
  const parsed = interviewSaveSchema.safeParse({ ...fields, applicationId: 1, date: f.today });
  const problem = parsed.success ? interviewDateProblem(fields, submittedOn, f.today) : (parsed.error.issues[0]?.message ?? 'Check the interview date.');
  const problems = problem ? [{ field: 'interviewDate' as const, message: problem }] : [];
  if (I !== null && I.localStart === localStart && I.completed === completed) return { records: NONE, outcome, change: null, problems };
  return { records: { invitation: null, interview: { action: I === null ? 'add' : 'update', id: I?.id, viaInvitation: false, fields, done: completed } }, outcome, change: null, problems };
}

/** The invitation as the inbox would check it on saving, and its interview's dates as the Interviews tab would. */
function checkInvitation(fields: InvitationFields, today: string, submittedOn: string | null, completed: boolean): InvitationPlan['problems'] {
  const parsed = invitationSaveSchema.safeParse({ ...fields, applicationId: 1, date: today });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = String(issue.path[0] ?? '');
    return [{ field: at === 'offered' || at === 'chosenStart' || at === 'cancelledOn' ? 'interviewDate' : at === 'receivedAt' ? 'inviteDate' : 'status', message: issue.message }];
  }
  const problem = interviewDateProblem({ invitedOn: fields.receivedAt.slice(0, 10), localStart: fields.chosenStart, completed }, submittedOn, today);
  return problem ? [{ field: problem.startsWith('The interview') ? 'interviewDate' : 'inviteDate', message: problem }] : [];
}
