// The season calendar (docs/DOMAIN.md §3): the reference dates of a Match season (projected by
// shared/engine/season-projection.ts) as data with their source, season and an "estimated" mark, plus what the user stores around them
// (corrected dates, per-program deadlines, reminder settings). Times are US Eastern
// (NRMP and ERAS announce them in ET); an all-day item has no time.
import { z } from 'zod';
import { isoDateSchema, trimText } from './bounds';
import { EASTERN } from './eastern-time';
import { FIRST_MATCH_YEAR, LAST_MATCH_YEAR, SEASON_EVENT_IDS, projectSeasonEvents } from '../engine/season-projection';

/** A Match season's year (the year of its Match Day). */
export const matchYearSchema = z
  .number({ message: 'Give the season as its Match year, e.g. 2028.' })
  .int('The Match year is a whole number.')
  .min(FIRST_MATCH_YEAR, `Use a Match year from ${FIRST_MATCH_YEAR}.`)
  .max(LAST_MATCH_YEAR, `Use a Match year up to ${LAST_MATCH_YEAR}.`);

export { EASTERN };

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
  /** The Match season it belongs to, e.g. "2027 Match". */
  season: string;
  /** The year of that season's Match Day. */
  matchYear: number;
  source: string;
  /** A projection, not yet confirmed by the source: shown as "est.". */
  estimated: boolean;
  note: string;
}

/**
 * The 2027 Match reference dates: the projection of shared/engine/season-projection.ts (the
 * same weekday rules give every other season; docs/DOMAIN.md §3 lists the 2027 values).
 */
export const SEASON_EVENTS_2027: readonly SeasonEvent[] = projectSeasonEvents(2027);

export type SeasonEventId = string;

/** True for the id of a reference date (every season has the same ids). */
export function isSeasonEventId(id: string): boolean {
  return SEASON_EVENT_IDS.includes(id);
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
  matchYear: number;
  eventId: string;
  date: string;
  time: string | null;
  note: string;
  updatedAt: string;
}

/** A season's reference dates with that season's corrections applied (corrections of other seasons are ignored). */
export function resolveSeasonEvents(corrections: readonly (Omit<SeasonCorrection, 'matchYear'> & { matchYear?: number })[], events: readonly SeasonEvent[] = SEASON_EVENTS_2027): ResolvedSeasonEvent[] {
  const year = events[0]?.matchYear;
  const byId = new Map(corrections.filter((c) => c.matchYear === undefined || c.matchYear === year).map((c) => [c.eventId, c]));
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
    eventId: z.string().refine(isSeasonEventId, 'This is not a date of the season calendar; reload the page.'),
    /** The season whose date is corrected; the active season when left out. */
    matchYear: matchYearSchema.optional(),
    date: isoDateSchema,
    time: timeSchema.nullable(),
    note: z.string().overwrite(trimText).max(300, 'Keep the note under 300 characters.').default(''),
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
    title: z.string().overwrite(trimText).min(1, 'Say what is due (e.g. "Supplemental application").').max(120, 'Keep the title under 120 characters.'),
    dueDate: isoDateSchema,
    done: z.boolean().default(false),
    notes: z.string().overwrite(trimText).max(1000, 'Keep the notes under 1,000 characters.').default(''),
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
      .overwrite(trimText)
      .refine((tz) => tz === '' || isValidTimeZone(tz), 'Use a time zone name like Europe/London or Asia/Kolkata, or leave it empty for this computer’s zone.'),
    remindersEnabled: z.boolean(),
    reminderDays: z.number({ message: 'Enter a number of days.' }).int('Days is a whole number.').min(0, 'Use 0 (due today only) to 60 days.').max(60, 'Use at most 60 days.'),
  })
  .strict();
