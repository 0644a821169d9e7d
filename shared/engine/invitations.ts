// Interview invitation triage (docs/DOMAIN.md §8): Match policy (NRMP Match Participation
// Agreement §6.2) gives applicants at least 48 hours to accept or decline, so a shorter
// reply-by is flagged; replies due soon become reminders; offered dates are checked against
// the interviews already scheduled with the existing conflict engine; a cancellation with
// less than 1–2 weeks' notice is flagged; and the season is shown one day at a time.
import { INTERVIEW_DURATION_DEFAULT, localToInstant } from '../domain/interview';
import type { Interview } from '../domain/interview';
import type { Invitation } from '../domain/invitation';
import { INVITATION_STATUS_LABELS } from '../domain/invitation';
import { localDateOf } from './calendar-dates';
import { detectInterviewConflicts, type TimedInterview } from './interview-conflicts';
import type { DatedItem } from './agenda';

/** NRMP MPA §6.2: at least 48 hours to accept or decline an invitation (docs/DOMAIN.md §8). */
export const INVITATION_MIN_REPLY_HOURS = 48;
/** "About 1–2 weeks' notice" to cancel or reschedule (docs/DOMAIN.md §8): less than the lower end is flagged. */
export const CANCEL_NOTICE_MIN_DAYS = 7;
/** A pending reply due within this many hours is urgent (slots fill in minutes on release day). */
export const REPLY_URGENT_HOURS = 24;

const HOUR = 3_600_000;

/** Hours between arrival and reply-by, or null when either is missing or impossible. */
export function replyWindowHours(inv: Pick<Invitation, 'receivedAt' | 'replyBy' | 'timeZone'>): number | null {
  if (inv.replyBy === null) return null;
  const from = localToInstant(inv.receivedAt, inv.timeZone);
  const to = localToInstant(inv.replyBy, inv.timeZone);
  if (!from || !to) return null;
  return (to.getTime() - from.getTime()) / HOUR;
}

/** True when the program gave less than 48 hours to reply (docs/DOMAIN.md §8). */
export function isShortReply(inv: Pick<Invitation, 'receivedAt' | 'replyBy' | 'timeZone'>): boolean {
  const h = replyWindowHours(inv);
  return h !== null && h < INVITATION_MIN_REPLY_HOURS;
}

export interface OfferedConflict {
  start: string;
  /** Interviews already scheduled that this date would clash with. */
  interviewIds: number[];
  text: string;
}

export interface TriagedInvitation {
  invitation: Invitation;
  programName: string;
  programId: number;
  replyWindowHours: number | null;
  /** Less than 48 hours between arrival and reply-by. */
  shortReply: boolean;
  /** Hours from now to the reply-by (negative when past); null without a reply-by. */
  hoursLeft: number | null;
  /** A reply is still owed (pending or waitlisted) and the reply-by has passed. */
  overdue: boolean;
  /** A reply is owed within REPLY_URGENT_HOURS. */
  urgent: boolean;
  conflicts: OfferedConflict[];
  /** Days between the cancellation and the interview day, when cancelled after choosing a date. */
  cancelNoticeDays: number | null;
  shortNotice: boolean;
  /** Plain-words flags to show next to it. */
  flags: string[];
}

const awaitingReply = (i: Invitation) => i.status === 'pending';

function dayDiff(from: string, to: string): number {
  return Math.round((Date.UTC(+to.slice(0, 4), +to.slice(5, 7) - 1, +to.slice(8, 10)) - Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10))) / 86_400_000);
}

export interface ProgramOfApplication {
  programId: number;
  programName: string;
}

export function triageInvitations(invitations: readonly Invitation[], interviews: readonly Pick<Interview, 'id' | 'localStart' | 'timeZone' | 'durationMinutes'>[], programs: ReadonlyMap<number, ProgramOfApplication>, now: Date, userZone: string): TriagedInvitation[] {
  const scheduled: TimedInterview[] = interviews.filter((i) => i.localStart !== null && i.timeZone !== null);
  return invitations.map((inv) => {
    const window = replyWindowHours(inv);
    const shortReply = window !== null && window < INVITATION_MIN_REPLY_HOURS;
    const due = inv.replyBy === null ? null : localToInstant(inv.replyBy, inv.timeZone);
    const hoursLeft = due === null ? null : (due.getTime() - now.getTime()) / HOUR;
    const owed = awaitingReply(inv);
    const overdue = owed && hoursLeft !== null && hoursLeft < 0;
    const urgent = owed && hoursLeft !== null && hoursLeft >= 0 && hoursLeft <= REPLY_URGENT_HOURS;

    // Offered dates against the interviews already scheduled (not this invitation's own).
    const others = scheduled.filter((s) => s.id !== inv.interviewId);
    const conflicts: OfferedConflict[] = [];
    const considered = inv.status === 'declined' || inv.status === 'cancelled' ? [] : inv.status === 'accepted' && inv.chosenStart ? inv.offered.filter((o) => o.start === inv.chosenStart) : inv.offered;
    for (const o of considered) {
      const probe: TimedInterview = { id: -1, localStart: o.start, timeZone: inv.timeZone, durationMinutes: INTERVIEW_DURATION_DEFAULT };
      const hits = detectInterviewConflicts([...others, probe], userZone).filter((c) => c.ids.includes(-1));
      if (hits.length > 0) conflicts.push({ start: o.start, interviewIds: hits.map((h) => (h.ids[0] === -1 ? h.ids[1] : h.ids[0])), text: hits.map((h) => (h.kind === 'overlap' ? 'overlaps an interview you have' : 'is too close to an interview you have')).join('; ') });
    }

    const cancelNoticeDays = inv.status === 'cancelled' && inv.cancelledOn !== null && inv.chosenStart !== null ? dayDiff(inv.cancelledOn, inv.chosenStart.slice(0, 10)) : null;
    const shortNotice = cancelNoticeDays !== null && cancelNoticeDays < CANCEL_NOTICE_MIN_DAYS;

    const flags: string[] = [];
    if (shortReply) flags.push(`Only ${formatHours(window!)} to reply: Match policy requires at least ${INVITATION_MIN_REPLY_HOURS} hours (NRMP Match Participation Agreement). You may ask for the full 48 hours.`);
    if (overdue) flags.push('The reply-by has passed: reply now or ask whether a slot is still open.');
    else if (urgent) flags.push(`Reply due in ${formatHours(Math.max(0, hoursLeft!))}.`);
    for (const c of conflicts) flags.push(`${c.start.replace('T', ' ')} ${c.text}.`);
    if (shortNotice) flags.push(`Cancelled with ${cancelNoticeDays} day${cancelNoticeDays === 1 ? '' : 's'}' notice: about 1–2 weeks is expected.`);

    const prog = programs.get(inv.applicationId);
    return { invitation: inv, programName: prog?.programName ?? `application ${inv.applicationId}`, programId: prog?.programId ?? 0, replyWindowHours: window, shortReply, hoursLeft, overdue, urgent, conflicts, cancelNoticeDays, shortNotice, flags };
  });
}

export function formatHours(h: number): string {
  if (h < 1) return `${Math.round(h * 60)} min`;
  const whole = Math.floor(h);
  const min = Math.round((h - whole) * 60);
  return min === 0 ? `${whole} h` : `${whole} h ${min} min`;
}

export interface SeasonDayEntry {
  kind: 'interview' | 'offered';
  programName: string;
  /** HH:mm in the user's zone (for sorting). */
  time: string;
  /** The instant (ISO), for the screen to show in the user's locale. */
  at: string;
  invitationId: number | null;
  interviewId: number | null;
  status: string;
}

export interface SeasonDay {
  date: string;
  entries: SeasonDayEntry[];
  /** More than one interview scheduled that day. */
  crowded: boolean;
}

/**
 * The interview season one day at a time (in the user's zone): scheduled interviews and the
 * dates still offered to you (pending or waitlisted invitations), days without either left out.
 */
export function interviewSeasonDays(
  interviews: readonly (Pick<Interview, 'id' | 'localStart' | 'timeZone' | 'applicationId'>)[],
  invitations: readonly Invitation[],
  programs: ReadonlyMap<number, ProgramOfApplication>,
  userZone: string,
): SeasonDay[] {
  const days = new Map<string, SeasonDayEntry[]>();
  const add = (instant: Date, e: Omit<SeasonDayEntry, 'time' | 'at'>) => {
    const date = localDateOf(instant, userZone);
    const time = new Intl.DateTimeFormat('en-GB', { timeZone: userZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
    const list = days.get(date) ?? [];
    list.push({ ...e, time, at: instant.toISOString() });
    days.set(date, list);
  };
  const name = (applicationId: number) => programs.get(applicationId)?.programName ?? `application ${applicationId}`;
  for (const i of interviews) {
    if (i.localStart === null || i.timeZone === null) continue;
    const at = localToInstant(i.localStart, i.timeZone);
    if (at) add(at, { kind: 'interview', programName: name(i.applicationId), invitationId: null, interviewId: i.id, status: 'Interview' });
  }
  for (const inv of invitations) {
    if (inv.status !== 'pending' && inv.status !== 'waitlisted') continue;
    for (const o of inv.offered) {
      const at = localToInstant(o.start, inv.timeZone);
      if (at) add(at, { kind: 'offered', programName: name(inv.applicationId), invitationId: inv.id, interviewId: null, status: `Offered (${INVITATION_STATUS_LABELS[inv.status].toLowerCase()}${o.slots !== null ? `, ${o.slots} slot${o.slots === 1 ? '' : 's'}` : ''})` });
    }
  }
  return [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, entries]) => {
      entries.sort((a, b) => a.time.localeCompare(b.time) || a.programName.localeCompare(b.programName));
      return { date, entries, crowded: entries.filter((e) => e.kind === 'interview').length > 1 };
    });
}

/** Reply-bys still owed, as dated items for Deadlines, the calendar export and reminders. */
export function invitationReplyItems(invitations: readonly Invitation[], programs: ReadonlyMap<number, ProgramOfApplication>): DatedItem[] {
  return invitations
    .filter((i) => i.replyBy !== null)
    .map((i) => {
      const p = programs.get(i.applicationId);
      const short = isShortReply(i);
      return {
        key: `invitation:${i.id}`,
        kind: 'reply_by' as const,
        title: `Reply to interview invitation: ${p?.programName ?? `application ${i.applicationId}`}`,
        detail: `${INVITATION_STATUS_LABELS[i.status]}${short ? ` · under ${INVITATION_MIN_REPLY_HOURS} h to reply` : ''}${i.offered.length ? ` · ${i.offered.length} date${i.offered.length === 1 ? '' : 's'} offered` : ''}`,
        date: i.replyBy!.slice(0, 10),
        time: i.replyBy!.slice(11, 16),
        timeZone: i.timeZone,
        estimated: false,
        done: i.status !== 'pending',
        programId: p?.programId ?? null,
        section: 'invitations' as const,
        updatedAt: i.updatedAt,
        source: 'Entered by you',
      };
    });
}
