// Interviews (docs/DOMAIN.md §4.9 "Communication and interviews"): the invitation (received when,
// respond by when), the scheduled local date-time with its IANA time zone and platform,
// and what the applicant thought afterwards. The time is stored as the program gave it
// (local wall-clock time + zone); absolute instants are computed (shared/engine/interview-time.ts).
import { z } from 'zod';
import { TZDate } from '@date-fns/tz';
import { PIPELINE_STATUSES, type ApplicationStatus } from './application';
import { isDateYearInBounds, isoDateSchema, trimText } from './bounds';

export const INTERVIEW_PLATFORMS = ['zoom', 'thalamus', 'teams', 'webex', 'in_person', 'phone', 'other'] as const;
export type InterviewPlatform = (typeof INTERVIEW_PLATFORMS)[number];
export const INTERVIEW_PLATFORM_LABELS: Record<InterviewPlatform, string> = {
  zoom: 'Zoom',
  thalamus: 'Thalamus',
  teams: 'Microsoft Teams',
  webex: 'Webex',
  in_person: 'In person',
  phone: 'Phone',
  other: 'Other',
};

export const INTERVIEW_SCORE_MAX = 10;
export const INTERVIEW_DURATION_DEFAULT = 240;

export interface Interview {
  id: number;
  applicationId: number;
  /** The day the invitation arrived (YYYY-MM-DD). */
  invitedOn: string | null;
  /** Reply to the invitation by this day (YYYY-MM-DD). */
  respondBy: string | null;
  /** Wall-clock start in the interview's zone, "YYYY-MM-DDTHH:mm"; null until scheduled. */
  localStart: string | null;
  /** IANA zone of localStart, e.g. "America/Chicago"; null exactly when localStart is. */
  timeZone: string | null;
  durationMinutes: number;
  platform: InterviewPlatform;
  /** Link, address or dial-in. */
  location: string;
  completed: boolean;
  impressions: string;
  /** The applicant's own score of the program after the interview, 1–10. */
  score: number | null;
  createdAt: string;
  updatedAt: string;
}

/** True for an IANA zone name this runtime knows (e.g. "America/New_York"); offsets like "+02:00" are refused. */
export function isIanaTimeZone(zone: string): boolean {
  if (!/^(UTC|[A-Za-z]+(\/[A-Za-z0-9_+-]+)+)$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Parses "YYYY-MM-DDTHH:mm" into its parts, or null when it is not a real calendar date-time. */
export function parseLocalDateTime(s: string): { year: number; month: number; day: number; hour: number; minute: number } | null {
  const m = LOCAL_DATE_TIME.exec(s);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const probe = new Date(Date.UTC(year, month - 1, day, hour, minute));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  if (!isDateYearInBounds(year)) return null;
  return { year, month, day, hour, minute };
}

/**
 * The absolute instant of a wall-clock time in a zone, or null when that wall-clock time
 * does not exist there (the hour skipped when clocks go forward). An hour that happens
 * twice (clocks go back) resolves to the first.
 */
export function localToInstant(localStart: string, timeZone: string): Date | null {
  const p = parseLocalDateTime(localStart);
  if (!p || !isIanaTimeZone(timeZone)) return null;
  const d = new TZDate(p.year, p.month - 1, p.day, p.hour, p.minute, timeZone);
  if (d.getFullYear() !== p.year || d.getMonth() !== p.month - 1 || d.getDate() !== p.day || d.getHours() !== p.hour || d.getMinutes() !== p.minute) return null;
  return new Date(d.getTime());
}

const text = (max: number) => z.string().overwrite(trimText).max(max, `Keep this under ${max.toLocaleString('en-US')} characters.`);
const optionalDate = isoDateSchema.nullable();

export const interviewSaveSchema = z
  .object({
    /** Absent to record a new interview. */
    id: z.number().int().positive().optional(),
    applicationId: z.number().int().positive(),
    invitedOn: optionalDate.default(null),
    respondBy: optionalDate.default(null),
    localStart: z
      .string()
      .overwrite(trimText)
      .refine((s) => parseLocalDateTime(s) !== null, 'Use a date and time like 2026-11-03T09:00.')
      .nullable()
      .default(null),
    timeZone: z
      .string()
      .overwrite(trimText)
      .refine(isIanaTimeZone, 'Choose a time zone from the list, e.g. America/Chicago.')
      .nullable()
      .default(null),
    durationMinutes: z
      .number({ message: 'Enter the length in minutes.' })
      .int('The length is a whole number of minutes.')
      .min(5, 'An interview lasts at least 5 minutes.')
      .max(720, 'Enter at most 720 minutes (12 hours).')
      .default(INTERVIEW_DURATION_DEFAULT),
    platform: z.enum(INTERVIEW_PLATFORMS).default('zoom'),
    location: text(300).default(''),
    completed: z.boolean().default(false),
    impressions: text(4000).default(''),
    score: z
      .number({ message: 'Enter a score from 1 to 10.' })
      .int('The score is a whole number from 1 to 10.')
      .min(1, 'The score is from 1 to 10.')
      .max(INTERVIEW_SCORE_MAX, 'The score is from 1 to 10.')
      .nullable()
      .default(null),
    /** The day of this change, used when scheduling moves the application's status (the user's today). */
    date: isoDateSchema,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.localStart !== null && v.timeZone === null) ctx.addIssue({ code: 'custom', path: ['timeZone'], message: 'Choose the time zone the program gave for this time.' });
    if (v.localStart === null && v.timeZone !== null) ctx.addIssue({ code: 'custom', path: ['localStart'], message: 'Enter the date and time, or clear the time zone.' });
    if (v.localStart !== null && v.timeZone !== null && isIanaTimeZone(v.timeZone) && parseLocalDateTime(v.localStart) && localToInstant(v.localStart, v.timeZone) === null) {
      ctx.addIssue({ code: 'custom', path: ['localStart'], message: `${v.localStart.replace('T', ' ')} does not exist in ${v.timeZone} (the clocks jump forward then); choose another time.` });
    }
    if (v.invitedOn !== null && v.respondBy !== null && v.respondBy < v.invitedOn) ctx.addIssue({ code: 'custom', path: ['respondBy'], message: 'The reply date cannot be before the invitation arrived.' });
    if (v.invitedOn !== null && v.localStart !== null && v.localStart.slice(0, 10) < v.invitedOn) ctx.addIssue({ code: 'custom', path: ['localStart'], message: 'The interview cannot be before the invitation arrived.' });
    if (v.completed && v.localStart === null) ctx.addIssue({ code: 'custom', path: ['completed'], message: 'Enter the interview date and time before marking it done.' });
    if (v.score !== null && !v.completed) ctx.addIssue({ code: 'custom', path: ['score'], message: 'Score the interview once it is done (tick “Interview done”).' });
  });
export type InterviewSaveInput = z.input<typeof interviewSaveSchema>;
export type InterviewSave = z.output<typeof interviewSaveSchema>;

/** The "your scores are low" answer (seed): one card per applicant. */
export const PREP_CARD_FIELDS = ['ownership', 'reflection', 'evidence', 'reassurance'] as const;
export type PrepCardField = (typeof PREP_CARD_FIELDS)[number];

export const PREP_CARD_GUIDANCE: Record<PrepCardField, { label: string; guidance: string; example: string }> = {
  ownership: {
    label: 'Ownership',
    guidance: 'No blaming, no excuses: say plainly what happened and that it was yours.',
    example: 'I underestimated how different US-style standardized tests are from my home exams and did not structure my Step 1 preparation well; my score reflects that.',
  },
  reflection: {
    label: 'Reflection',
    guidance: 'What you learned from it.',
    example: 'I learned that I need a deliberate plan, regular self-testing and feedback from people who have done it before.',
  },
  evidence: {
    label: 'Evidence of improvement',
    guidance: 'Concrete changes and their results (Step 2 CK against Step 1, Step 3 first attempt, practice tests, rotations).',
    example: 'I used NBME practice tests, scheduled focused review blocks and sought mentorship; my Step 2 CK improved by 17 points and I passed Step 3 on the first attempt.',
  },
  reassurance: {
    label: 'Reassurance',
    guidance: 'Your current readiness: why you will handle the demands of their program now.',
    example: 'In surgery and critical-care rotations I have consistently performed at a high level; my current habits and clinical foundation will let me handle your training program.',
  },
};

export interface PrepCard {
  ownership: string;
  reflection: string;
  evidence: string;
  reassurance: string;
  /** Null until saved once. */
  updatedAt: string | null;
}

const prepText = text(2000);
export const prepCardSaveSchema = z.object({ ownership: prepText, reflection: prepText, evidence: prepText, reassurance: prepText }).strict();

/**
 * Whether recording an interview step should move an application from `current` to
 * `target`: only forward along the pipeline, never out of rejected or withdrawn and never
 * back (a later status already says more).
 */
export function interviewMovesStatus(current: ApplicationStatus, target: ApplicationStatus): boolean {
  const from = PIPELINE_STATUSES.indexOf(current);
  const to = PIPELINE_STATUSES.indexOf(target);
  return from >= 0 && to >= 0 && from < to;
}
