// The season calendar (DOMAIN.md §3): the reference dates of the 2027 Match as data with
// their source, season and an "estimated" mark, plus what the user stores around them
// (corrected dates, per-program deadlines, reminder settings). Times are US Eastern
// (NRMP and ERAS announce them in ET); an all-day item has no time.
import { z } from 'zod';
import { isoDateSchema } from './profile';

/** The zone NRMP and ERAS times are given in. */
export const EASTERN = 'America/New_York';

export const SEASON_EVENT_KINDS = ['eras', 'nrmp', 'soap'] as const;
export type SeasonEventKind = (typeof SEASON_EVENT_KINDS)[number];

export interface SeasonEvent {
  /** Stable id (calendar UIDs and the user's corrections use it). */
  id: string;
  kind: SeasonEventKind;
  title: string;
  /** YYYY-MM-DD, the Eastern calendar day. */
  date: string;
  /** HH:mm Eastern time, or null for an all-day item. */
  time: string | null;
  /** The Match season it belongs to. */
  season: string;
  source: string;
  /** A projection, not yet confirmed by the source: shown as "est.". */
  estimated: boolean;
  note: string;
}

const S = '2027 Match';

/** DOMAIN.md §3, every date a projection for the 2027 Match until the sources publish it. */
export const SEASON_EVENTS_2027: readonly SeasonEvent[] = [
  { id: 'eras-opens', kind: 'eras', title: 'ERAS opens for applicants', date: '2026-06-03', time: null, season: S, source: 'AAMC ERAS timeline (projected)', estimated: true, note: 'Start your MyERAS application and request letters.' },
  { id: 'eras-submit-opens', kind: 'eras', title: 'Applicants may submit to programs', date: '2026-09-02', time: null, season: S, source: 'AAMC ERAS timeline (projected; 2026 season: 3 Sep 2025)', estimated: true, note: 'Submit as early as possible once Step 2 CK is in.' },
  { id: 'nrmp-registration-opens', kind: 'nrmp', title: 'NRMP registration opens', date: '2026-09-15', time: null, season: S, source: 'NRMP Match calendar (projected)', estimated: true, note: '' },
  { id: 'programs-review', kind: 'eras', title: 'Programs start reviewing applications (MSPE release)', date: '2026-09-23', time: null, season: S, source: 'AAMC ERAS timeline (projected; 2026 season: 24 Sep 2025)', estimated: true, note: 'Have your application complete before this day.' },
  { id: 'nrmp-registration-deadline', kind: 'nrmp', title: 'NRMP standard registration deadline', date: '2027-01-29', time: null, season: S, source: 'NRMP Match calendar (projected)', estimated: true, note: 'A late fee applies after this day.' },
  { id: 'rol-deadline', kind: 'nrmp', title: 'Rank order list certification deadline', date: '2027-03-03', time: '21:00', season: S, source: 'NRMP Match calendar (projected; 2026 season: 4 Mar 2026)', estimated: true, note: 'Certify your rank order list before 9 pm ET.' },
  { id: 'match-week-status', kind: 'nrmp', title: 'Match Week: matched or not (status)', date: '2027-03-15', time: '10:00', season: S, source: 'NRMP Match calendar (projected)', estimated: true, note: 'You learn whether you matched, not where.' },
  { id: 'soap-opens', kind: 'soap', title: 'SOAP opens; List of Unfilled Programs released', date: '2027-03-15', time: '11:00', season: S, source: 'NRMP SOAP calendar (projected)', estimated: true, note: 'Up to 45 applications, only to programs on the List of Unfilled Programs.' },
  { id: 'soap-round-1', kind: 'soap', title: 'SOAP offer round 1', date: '2027-03-18', time: '09:00', season: S, source: 'NRMP SOAP calendar (projected)', estimated: true, note: '' },
  { id: 'soap-round-2', kind: 'soap', title: 'SOAP offer round 2', date: '2027-03-18', time: '12:00', season: S, source: 'NRMP SOAP calendar (projected)', estimated: true, note: '' },
  { id: 'soap-round-3', kind: 'soap', title: 'SOAP offer round 3', date: '2027-03-18', time: '15:00', season: S, source: 'NRMP SOAP calendar (projected)', estimated: true, note: '' },
  { id: 'soap-round-4', kind: 'soap', title: 'SOAP offer round 4', date: '2027-03-18', time: '18:00', season: S, source: 'NRMP SOAP calendar (projected)', estimated: true, note: '' },
  { id: 'soap-ends', kind: 'soap', title: 'SOAP ends', date: '2027-03-18', time: '21:00', season: S, source: 'NRMP SOAP calendar (projected)', estimated: true, note: '' },
  { id: 'match-day', kind: 'nrmp', title: 'Match Day: results', date: '2027-03-19', time: '12:00', season: S, source: 'NRMP Match calendar (projected: third Friday of March)', estimated: true, note: '' },
  { id: 'eras-season-ends', kind: 'eras', title: 'ERAS season ends', date: '2027-05-31', time: null, season: S, source: 'AAMC ERAS timeline (projected)', estimated: true, note: '' },
];

export type SeasonEventId = string;

export function findSeasonEvent(id: string): SeasonEvent | undefined {
  return SEASON_EVENTS_2027.find((e) => e.id === id);
}

/** A reference date with the user's correction applied (what every screen and export reads). */
export interface ResolvedSeasonEvent extends SeasonEvent {
  /** The reference date before the user's correction. */
  referenceDate: string;
  referenceTime: string | null;
  /** True when the user corrected the date (then it is no longer "estimated"). */
  corrected: boolean;
  /** When the correction was saved (ISO), for calendar update sequences. */
  correctedAt: string | null;
}

export interface SeasonCorrection {
  eventId: string;
  date: string;
  time: string | null;
  note: string;
  updatedAt: string;
}

export function resolveSeasonEvents(corrections: readonly SeasonCorrection[], events: readonly SeasonEvent[] = SEASON_EVENTS_2027): ResolvedSeasonEvent[] {
  const byId = new Map(corrections.map((c) => [c.eventId, c]));
  return events
    .map((e) => {
      const c = byId.get(e.id);
      return c
        ? { ...e, date: c.date, time: c.time, note: c.note || e.note, estimated: false, referenceDate: e.date, referenceTime: e.time, corrected: true, correctedAt: c.updatedAt }
        : { ...e, referenceDate: e.date, referenceTime: e.time, corrected: false, correctedAt: null };
    })
    .sort((a, b) => (a.date + (a.time ?? '')).localeCompare(b.date + (b.time ?? '')));
}

const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time like 21:00 (Eastern time).');

export const seasonCorrectionSchema = z
  .object({
    eventId: z.string().refine((id) => findSeasonEvent(id) !== undefined, 'This is not a date of the season calendar; reload the page.'),
    date: isoDateSchema,
    time: timeSchema.nullable(),
    note: z.string().trim().max(300, 'Keep the note under 300 characters.').default(''),
  })
  .strict();
export type SeasonCorrectionInput = z.input<typeof seasonCorrectionSchema>;

/** A deadline a program sets (e.g. "applications reviewed until 15 Oct"): an all-day date. */
export interface ProgramDeadline {
  id: number;
  programId: number;
  title: string;
  dueDate: string;
  done: boolean;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export const programDeadlineInputSchema = z
  .object({
    id: z.number().int().positive().optional(),
    programId: z.number().int().positive(),
    title: z.string().trim().min(1, 'Say what is due (e.g. "Supplemental application").').max(120, 'Keep the title under 120 characters.'),
    dueDate: isoDateSchema,
    done: z.boolean().default(false),
    notes: z.string().trim().max(1000, 'Keep the notes under 1,000 characters.').default(''),
  })
  .strict();
export type ProgramDeadlineInput = z.input<typeof programDeadlineInputSchema>;

export interface CalendarSettings {
  /** IANA zone the user lives in; '' = the computer's zone. */
  timeZone: string;
  remindersEnabled: boolean;
  /** Remind about items due within this many days. */
  reminderDays: number;
}

export const DEFAULT_CALENDAR_SETTINGS: CalendarSettings = { timeZone: '', remindersEnabled: true, reminderDays: 3 };

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const calendarSettingsSchema = z
  .object({
    timeZone: z
      .string()
      .trim()
      .refine((tz) => tz === '' || isValidTimeZone(tz), 'Use a time zone name like Europe/London or Asia/Kolkata, or leave it empty for this computer’s zone.'),
    remindersEnabled: z.boolean(),
    reminderDays: z.number({ message: 'Enter a number of days.' }).int('Days is a whole number.').min(0, 'Use 0 (due today only) to 60 days.').max(60, 'Use at most 60 days.'),
  })
  .strict();
