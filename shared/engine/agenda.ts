// Every dated item of the season in one list (reference dates, program deadlines,
// interviews, letter reminders and follow-ups, readiness items with a due date), the
// agenda of the next days and of overdue items, and which reminders to show. Pure: the
// current instant and the user's zone are passed in.
import { EASTERN, type ResolvedSeasonEvent } from '../domain/season-calendar';
import type { ProgramDeadline } from '../domain/season-calendar';
import { daysLeft, easternTime, formatInstant, instantOfPoint, isPast, localDateOf, plusDays, userDateOf, type DatedPoint } from './calendar-dates';
import type { ReadinessItem } from './readiness-types';
import type { Communication } from '../domain/communications';
import { awaitsUpload, type Letter, type LetterWriter } from '../domain/letters';

export const DATED_KINDS = ['season', 'program_deadline', 'interview', 'reply_by', 'letter', 'follow_up', 'readiness', 'prelim'] as const;
export type DatedKind = (typeof DATED_KINDS)[number];

export const DATED_KIND_LABELS: Record<DatedKind, string> = {
  season: 'Season date',
  program_deadline: 'Program deadline',
  interview: 'Interview',
  reply_by: 'Invitation reply',
  letter: 'Letter',
  follow_up: 'Follow-up',
  readiness: 'Checklist',
  prelim: 'Prelim year',
};

/** Tasks can be overdue; events (season dates, interviews) are simply past once they happen. */
const TASK_KINDS: ReadonlySet<DatedKind> = new Set(['program_deadline', 'reply_by', 'letter', 'follow_up', 'readiness', 'prelim']);

export interface DatedItem extends DatedPoint {
  /** Stable key, unique across kinds: calendar UIDs and the reminder log use it. */
  key: string;
  kind: DatedKind;
  title: string;
  detail: string;
  /** A projected date, not confirmed by its source (shown as "est."). */
  estimated: boolean;
  done: boolean;
  programId: number | null;
  /** The screen that shows the item in full. */
  section: 'deadlines' | 'letters' | 'applications' | 'readiness' | 'soap' | 'prelim' | 'invitations';
  /** The filter or tab of that screen that shows exactly this item (e.g. the Messages tab for a follow-up). */
  query?: Record<string, string>;
  /** Last change (ISO), for calendar update sequences; null for reference data. */
  updatedAt: string | null;
  source: string;
  /** Length of a timed event in minutes (an interview's real length); 30 when absent. */
  durationMinutes?: number;
  /** A link or address (an interview's video link), written to the calendar. */
  link?: string;
}

/** An interview date (the pipeline's interviews feed these). `time` is in `timeZone` (the program's zone, ET when unknown). */
export interface InterviewDateInput {
  id: number;
  programId: number;
  programName: string;
  date: string;
  time: string | null;
  timeZone: string | null;
  virtual: boolean;
  done: boolean;
  updatedAt: string | null;
  /** The interview's length in minutes. */
  durationMinutes: number;
  /** Link, address or dial-in. */
  location: string;
}

/** An interview invitation with a reply-by date (the pipeline's interviews feed these). */
export interface InvitationReplyInput {
  id: number;
  programId: number;
  programName: string;
  invitedOn: string | null;
  respondBy: string;
  /** Answered: the interview is scheduled (or the application moved past the invitation). */
  replied: boolean;
  updatedAt: string | null;
}

/**
 * Programs must give at least 48 hours to accept or decline an invitation (docs/DOMAIN.md §4
 * "Interview invitations", NRMP Match Participation Agreement §6.2). With days only, a
 * reply-by less than two calendar days after the invitation cannot be 48 hours.
 */
export const MIN_REPLY_HOURS = 48;
export function replyWindowTooShort(invitedOn: string | null, respondBy: string): boolean {
  if (invitedOn === null) return false;
  const days = (Date.parse(`${respondBy}T00:00:00Z`) - Date.parse(`${invitedOn}T00:00:00Z`)) / 86_400_000;
  return days * 24 < MIN_REPLY_HOURS;
}

export function replyByItems(invitations: readonly InvitationReplyInput[]): DatedItem[] {
  return invitations.map((i) => {
    const short = replyWindowTooShort(i.invitedOn, i.respondBy);
    return {
      key: `reply-by:${i.id}`,
      kind: 'reply_by' as const,
      title: `Reply to the interview invitation: ${i.programName}`,
      detail: short
        ? `The program gave less than ${MIN_REPLY_HOURS} hours to reply (invited ${i.invitedOn}, reply by ${i.respondBy}): Match policy requires at least ${MIN_REPLY_HOURS} hours. Reply in time anyway, and you may tell the NRMP.`
        : i.invitedOn
          ? `Invited ${i.invitedOn}; accept or decline by this day.`
          : 'Accept or decline by this day.',
      date: i.respondBy,
      time: null,
      timeZone: null,
      estimated: false,
      done: i.replied,
      programId: i.programId,
      section: 'applications' as const,
      query: { tab: 'interviews' },
      updatedAt: i.updatedAt,
      source: 'Entered by you',
    };
  });
}

/** A letter reminder or follow-up (the letters domain feeds these). */
export interface LetterReminderInput {
  /** Stable, e.g. "letter:4:due" or "follow-up:12". */
  key: string;
  kind: 'letter' | 'follow_up';
  title: string;
  detail: string;
  date: string;
  done: boolean;
  programId: number | null;
  updatedAt: string | null;
}

export function seasonItems(events: readonly ResolvedSeasonEvent[]): DatedItem[] {
  return events.map((e) => ({
    // 2027 keys stay as they were (calendars that imported them keep updating the same events).
    key: e.matchYear === 2027 ? `season:${e.id}` : `season:${e.matchYear}:${e.id}`,
    kind: 'season',
    title: e.title,
    detail: e.note,
    date: e.date,
    time: e.time,
    timeZone: e.time === null ? null : EASTERN,
    estimated: e.estimated,
    done: false,
    programId: null,
    section: e.kind === 'soap' ? 'soap' : 'deadlines',
    updatedAt: e.correctedAt,
    source: e.corrected ? `Your correction (reference: ${e.referenceDate}${e.referenceTime ? ` ${e.referenceTime} ET` : ''}, ${e.source})` : e.source,
  }));
}

export function programDeadlineItems(deadlines: readonly ProgramDeadline[], programNames: ReadonlyMap<number, string>): DatedItem[] {
  return deadlines.map((d) => ({
    key: `deadline:${d.id}`,
    kind: 'program_deadline',
    title: `${d.title}: ${programNames.get(d.programId) ?? `program ${d.programId}`}`,
    detail: d.notes,
    date: d.dueDate,
    time: null,
    timeZone: null,
    estimated: false,
    done: d.done,
    programId: d.programId,
    section: 'deadlines',
    updatedAt: d.updatedAt,
    source: 'Entered by you',
  }));
}

export function interviewItems(interviews: readonly InterviewDateInput[]): DatedItem[] {
  return interviews.map((i) => ({
    key: `interview:${i.id}`,
    kind: 'interview',
    title: `Interview: ${i.programName}`,
    detail: `${i.virtual ? 'Virtual interview' : 'In-person interview'}${i.location ? `: ${i.location}` : ''}`,
    date: i.date,
    time: i.time,
    timeZone: i.time === null ? null : (i.timeZone ?? EASTERN),
    estimated: false,
    done: i.done,
    programId: i.programId,
    section: 'applications',
    query: { tab: 'interviews' },
    updatedAt: i.updatedAt,
    source: 'Entered by you',
    durationMinutes: i.durationMinutes,
    ...(i.location ? { link: i.location } : {}),
  }));
}

export function letterItems(reminders: readonly LetterReminderInput[]): DatedItem[] {
  // A follow-up is about an email: it opens the Messages tab (the log per program), a letter reminder the letters.
  return reminders.map((r) => ({ ...r, time: null, timeZone: null, estimated: false, section: 'letters', query: { tab: r.kind === 'follow_up' ? 'messages' : 'letters' }, source: 'Entered by you' }));
}

/**
 * Readiness items that still need something, one dated item per due date (several checklist
 * items often share the season's date: one line "4 checklist items due" reads better than
 * four, and reminds once). Keyed by the date, so the calendar UID stays stable.
 */
export function readinessItems(items: readonly ReadinessItem[]): DatedItem[] {
  // Timed due points (the ROL deadline at 9 pm ET) keep their time: grouped apart from the all-day ones of that day.
  const byDate = new Map<string, ReadinessItem[]>();
  for (const i of items) {
    if (i.dueDate === null || (i.state !== 'blocking' && i.state !== 'needs_action')) continue;
    const key = i.dueTime ? `${i.dueDate}T${i.dueTime}` : i.dueDate;
    byDate.set(key, [...(byDate.get(key) ?? []), i]);
  }
  return [...byDate.entries()].map(([key, group]) => {
    const blocking = group.filter((g) => g.state === 'blocking').length;
    const date = group[0]!.dueDate!;
    const time = group[0]!.dueTime ?? null;
    return {
      key: `readiness:${key}`,
      kind: 'readiness' as const,
      title: group.length === 1 ? group[0]!.title : `${group.length} checklist items${blocking > 0 ? ` (${blocking} blocking)` : ''}`,
      detail: group.length === 1 ? group[0]!.next : group.map((g) => g.title).join('; '),
      date,
      time,
      timeZone: time === null ? null : EASTERN,
      estimated: false,
      done: false,
      programId: null,
      section: 'readiness' as const,
      updatedAt: null,
      source: 'Readiness checklist (due date from the season calendar)',
    };
  });
}

export type AgendaState = 'done' | 'overdue' | 'past' | 'today' | 'upcoming' | 'later';

export interface AgendaEntry extends DatedItem {
  /** The user's calendar day of the item. */
  userDate: string;
  daysLeft: number;
  state: AgendaState;
  /** ISO UTC instant of a timed item, else null. */
  instant: string | null;
  /** The time in the user's zone ("Wed 3 Mar 2027, 9:00 PM GMT") and in Eastern time ("9:00 PM EST"), for timed items. */
  localTime: string | null;
  easternTime: string | null;
}

export function agendaEntry(item: DatedItem, now: Date, zone: string, windowDays: number): AgendaEntry {
  const instant = instantOfPoint(item);
  const left = daysLeft(item, now, zone);
  const past = isPast(item, now, zone);
  const state: AgendaState = item.done
    ? 'done'
    : past
      ? TASK_KINDS.has(item.kind)
        ? 'overdue'
        : 'past'
      : left === 0
        ? 'today'
        : left <= windowDays
          ? 'upcoming'
          : 'later';
  return {
    ...item,
    userDate: userDateOf(item, zone),
    daysLeft: left,
    state,
    instant: instant?.toISOString() ?? null,
    localTime: instant ? formatInstant(instant, zone) : null,
    easternTime: instant ? easternTime(instant) : null,
  };
}

export interface Agenda {
  today: string;
  timeZone: string;
  windowDays: number;
  /** Tasks past their date and not done, oldest first. */
  overdue: AgendaEntry[];
  /** Today and the next `windowDays` days, soonest first. */
  upcoming: AgendaEntry[];
  /** Everything, in date order. */
  all: AgendaEntry[];
}

function byWhen(a: AgendaEntry, b: AgendaEntry): number {
  return (a.instant ?? `${a.userDate}T12:00`).localeCompare(b.instant ?? `${b.userDate}T12:00`) || a.title.localeCompare(b.title);
}

export function buildAgenda(items: readonly DatedItem[], now: Date, zone: string, windowDays = 30): Agenda {
  const all = items.map((i) => agendaEntry(i, now, zone, windowDays)).sort(byWhen);
  return {
    today: localDateOf(now, zone),
    timeZone: zone,
    windowDays,
    overdue: all.filter((e) => e.state === 'overdue'),
    upcoming: all.filter((e) => e.state === 'today' || e.state === 'upcoming'),
    all,
  };
}

export interface ReminderSettings {
  remindersEnabled: boolean;
  reminderDays: number;
}

/**
 * The reminders to show now: items not done that are due within the user's window (or are
 * overdue tasks), leaving out those already shown today (`shownToday` holds their keys).
 */
export function dueReminders(entries: readonly AgendaEntry[], settings: ReminderSettings, shownToday: ReadonlySet<string>): AgendaEntry[] {
  if (!settings.remindersEnabled) return [];
  return entries.filter(
    (e) =>
      !e.done &&
      !shownToday.has(e.key) &&
      (e.state === 'overdue' || ((e.state === 'today' || e.state === 'upcoming' || e.state === 'later') && e.daysLeft <= settings.reminderDays)),
  );
}

/**
 * When a reminder's item is due, in parts: the engine knows no locale, so the screen (or the
 * desktop shell) writes the day and the time the user's way (reminderBody with its formatter).
 */
export interface ReminderWhen {
  state: 'overdue' | 'today' | 'tomorrow' | 'soon';
  /** Calendar days left in the user's zone (negative when overdue). */
  days: number;
  /** The user's calendar day of the item (YYYY-MM-DD). */
  date: string;
  /** ISO instant of a timed item (shown in Eastern time, as NRMP gives it), else null. */
  instant: string | null;
  estimated: boolean;
}

export function reminderWhen(e: AgendaEntry): ReminderWhen {
  const state = e.state === 'overdue' ? 'overdue' : e.daysLeft === 0 ? 'today' : e.daysLeft === 1 ? 'tomorrow' : 'soon';
  return { state, days: e.daysLeft, date: e.userDate, instant: e.instant, estimated: e.estimated };
}

/** How a day and a time are written for the user (the renderer's format.ts, or the desktop shell's Intl in the app's locale). */
export interface ReminderFormat {
  /** A calendar day (YYYY-MM-DD), e.g. "Nov 29, 2026". */
  date(iso: string): string;
  /** An instant's time in Eastern time with the zone, e.g. "9:00 PM EST". */
  easternTime(instant: string): string;
}

/** The words of a notification for a reminder: "Overdue since Nov 29, 2026", "Due in 3 days (Dec 4, 2026), 9:00 PM EST". */
export function reminderBody(w: ReminderWhen, f: ReminderFormat): string {
  const when =
    w.state === 'overdue' ? `Overdue since ${f.date(w.date)}` : w.state === 'today' ? 'Due today' : w.state === 'tomorrow' ? 'Due tomorrow' : `Due in ${w.days} days (${f.date(w.date)})`;
  const time = w.instant ? `, ${f.easternTime(w.instant)}` : '';
  return `${when}${time}${w.estimated ? ' (estimated date)' : ''}`;
}

/** Days after a sent message with no reply before a follow-up is due (seed: a short, targeted email; follow up politely). */
export const FOLLOW_UP_DAYS = 14;

/**
 * Follow-ups: for each program, its latest sent email, when nothing was received from the
 * program on or after that day, is due a follow-up FOLLOW_UP_DAYS later.
 */
export function communicationFollowUps(
  communications: readonly Pick<Communication, 'id' | 'programId' | 'channel' | 'direction' | 'date' | 'subject' | 'contact' | 'createdAt'>[],
  programNames: ReadonlyMap<number, string>,
  days = FOLLOW_UP_DAYS,
): LetterReminderInput[] {
  const latestSent = new Map<number, (typeof communications)[number]>();
  const lastReceived = new Map<number, string>();
  for (const c of communications) {
    if (c.direction === 'received') {
      if ((lastReceived.get(c.programId) ?? '') < c.date) lastReceived.set(c.programId, c.date);
    } else if (c.channel === 'email') {
      const prev = latestSent.get(c.programId);
      if (!prev || prev.date < c.date || (prev.date === c.date && prev.id < c.id)) latestSent.set(c.programId, c);
    }
  }
  const out: LetterReminderInput[] = [];
  for (const [programId, c] of latestSent) {
    if ((lastReceived.get(programId) ?? '') >= c.date) continue;
    const name = programNames.get(programId) ?? `program ${programId}`;
    out.push({
      key: `follow-up:${c.id}`,
      kind: 'follow_up',
      title: `Follow up: ${name}`,
      detail: `No reply since your email of ${c.date}${c.subject ? ` ("${c.subject}")` : ''}${c.contact ? ` to ${c.contact}` : ''}.`,
      date: plusDays(c.date, days),
      done: false,
      programId,
      updatedAt: c.createdAt,
    });
  }
  return out;
}

/** A reminder for each letter asked and not yet uploaded, due `reminderDays` after asking (the letters domain's setting). */
export function letterReminderInputs(
  letters: readonly Pick<Letter, 'id' | 'writerId' | 'stage' | 'askedOn' | 'label' | 'updatedAt'>[],
  writers: readonly Pick<LetterWriter, 'id' | 'name'>[],
  reminderDays: number,
): LetterReminderInput[] {
  const names = new Map(writers.map((w) => [w.id, w.name]));
  return letters
    .filter(awaitsUpload)
    .map((l) => ({
      key: `letter:${l.id}:reminder`,
      kind: 'letter' as const,
      title: `Letter from ${names.get(l.writerId) ?? `writer ${l.writerId}`}${l.label ? ` (${l.label})` : ''} not uploaded`,
      detail: `Asked on ${l.askedOn}; send a polite reminder if it is still not in the Letter Writer Portal.`,
      date: plusDays(l.askedOn, reminderDays),
      done: false,
      programId: null,
      updatedAt: l.updatedAt,
    }));
}

export interface ReminderNotice {
  title: string;
  body: string;
  /** A notification tag (same tag replaces, so a repeated poll never stacks copies). */
  tag: string;
  section: string;
}

/** At most `max` notifications: the first ones one by one, the rest in one summary, so a busy day is not a flood. Days and times are written by `format`. */
export function reminderNotices(due: readonly { key: string; title: string; when: ReminderWhen; section: string }[], format: ReminderFormat, max = 3): ReminderNotice[] {
  const notice = (d: (typeof due)[number]): ReminderNotice => ({ title: d.title, body: reminderBody(d.when, format), tag: d.key, section: d.section });
  if (due.length <= max) return due.map(notice);
  const shown = due.slice(0, max - 1).map(notice);
  const rest = due.slice(max - 1);
  return [...shown, { title: `${rest.length} more items due soon`, body: rest.slice(0, 4).map((d) => d.title).join('; ') + (rest.length > 4 ? '; …' : ''), tag: 'prelim-reminders-summary', section: 'deadlines' }];
}
