// Letters of recommendation (docs/DOMAIN.md §2 "LOR", §4 "ERAS readiness"): the writers, each
// letter's progress from "to ask" to "uploaded to the Letter Writer Portal", and which letters are
// assigned to which application (at most 4 per program; locked once the application is
// submitted).
import { z } from 'zod';
import { isoDateSchema, trimText } from './bounds';

/** ERAS allows at most 4 letters per program (AAMC, docs/DOMAIN.md §3). */
export const MAX_LETTERS_PER_PROGRAM = 4;
/** Seed: at least 3 letters in all... */
export const MIN_LETTERS_PER_APPLICATION = 3;
/** ...of which at least 2 from US surgeons who saw the applicant's clinical work. */
export const MIN_US_SURGEON_LETTERS = 2;

/** Days after asking before a letter that is not uploaded gets a reminder (user setting). */
export const DEFAULT_LETTER_REMINDER_DAYS = 14;
export const MIN_LETTER_REMINDER_DAYS = 1;
export const MAX_LETTER_REMINDER_DAYS = 120;

export const WRITER_LOCATIONS = ['us', 'home'] as const;
export type WriterLocation = (typeof WRITER_LOCATIONS)[number];
export const WRITER_LOCATION_LABELS: Record<WriterLocation, string> = { us: 'US institution', home: 'Home institution' };

/**
 * A letter's progress. "assigned" is not a stage: it follows from the assignments (an
 * uploaded letter assigned to at least one application). "declined" covers a writer who
 * said no or hesitated at the strong-letter question (seed: better not to use that letter).
 */
export const LETTER_STAGES = ['to_ask', 'asked', 'agreed', 'strong_confirmed', 'uploaded', 'declined'] as const;
export type LetterStage = (typeof LETTER_STAGES)[number];
/** The forward path, in order (declined is off the path). */
/** Asked, and not yet uploaded nor declined: a letter a reminder is about. */
export function awaitsUpload<L extends Pick<Letter, 'stage' | 'askedOn'>>(l: L): l is L & { askedOn: string } {
  return l.askedOn !== null && l.stage !== 'to_ask' && l.stage !== 'uploaded' && l.stage !== 'declined';
}

export const LETTER_PATH: readonly LetterStage[] = ['to_ask', 'asked', 'agreed', 'strong_confirmed', 'uploaded'];
export const LETTER_STAGE_LABELS: Record<LetterStage, string> = {
  to_ask: 'To ask',
  asked: 'Asked',
  agreed: 'Agreed',
  strong_confirmed: 'Strong letter confirmed',
  uploaded: 'Uploaded to the Letter Writer Portal',
  declined: 'Declined / hesitated',
};
/**
 * What a letter is requested for in MyERAS (AAMC, 2027 cycle, "ERAS for Letter Writers FAQ";
 * docs/DOMAIN.md §2.4): a specialty, or "General", a narrative letter that may be sent to one
 * or more specialties (useful when a parallel plan may need it outside surgery).
 */
export const LETTER_REQUEST_TYPES = ['general', 'surgery', 'other'] as const;
export type LetterRequestType = (typeof LETTER_REQUEST_TYPES)[number];
export const LETTER_REQUEST_LABELS: Record<LetterRequestType, string> = {
  general: 'General (one or more specialties)',
  surgery: 'General Surgery',
  other: 'Another specialty',
};

/** The seed's question, asked of every writer. */
export const STRONG_LETTER_QUESTION = 'Would you feel comfortable writing me a strong letter of recommendation for preliminary surgery?';

export interface LetterWriter {
  id: number;
  name: string;
  /** e.g. "Associate Professor of Surgery", "Program Director". */
  title: string;
  specialty: string;
  institution: string;
  location: WriterLocation;
  isSurgeon: boolean;
  /** How they know the applicant (e.g. "4-week sub-internship, saw me on call"). */
  relationship: string;
  email: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface Letter {
  id: number;
  writerId: number;
  /** Optional label when a writer writes more than one letter (e.g. "Surgery, prelim-focused"). */
  label: string;
  stage: LetterStage;
  /** Dates each step happened (YYYY-MM-DD); kept when the stage moves on. */
  askedOn: string | null;
  agreedOn: string | null;
  strongConfirmedOn: string | null;
  uploadedOn: string | null;
  declinedOn: string | null;
  /** The Letter Writer Portal's letter ID, if the user wants to note it. */
  portalLetterId: string;
  /** What it was requested for in MyERAS: a specialty or "General". */
  requestedFor: LetterRequestType;
  notes: string;
  /** The Match year of the season it was uploaded in when it came from an earlier season (import it in MyERAS); null for this season's letters. */
  carriedFrom: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface LetterAssignment {
  applicationId: number;
  letterId: number;
  /** The day it was assigned (YYYY-MM-DD). */
  assignedOn: string;
}

export interface LetterSettings {
  /** Days after "asked" before a letter not yet uploaded gets a reminder. */
  reminderDays: number;
}

/**
 * True when the writer confirmed a strong letter: the letter went through "strong confirmed"
 * (it has that step's date) and is at that stage or uploaded. A letter moved from "to ask"
 * straight to "uploaded" never answered the strong-letter question, so it does not count
 * (docs/DOMAIN.md §4 ERAS readiness: "only confirmed-strong letters count").
 */
export function isConfirmedStrong(l: Pick<Letter, 'stage' | 'strongConfirmedOn'>): boolean {
  return (l.stage === 'strong_confirmed' || l.stage === 'uploaded') && l.strongConfirmedOn !== null;
}

const text = (max: number) => z.string().overwrite(trimText).max(max, `Keep this under ${max} characters.`);
const id = z.number().int().positive();

export const writerInputSchema = z
  .object({
    id: id.optional(),
    name: text(120).min(1, 'Enter the writer’s name (e.g. Dr. Jane Smith).'),
    title: text(160).default(''),
    specialty: text(80).default(''),
    institution: text(160).default(''),
    location: z.enum(WRITER_LOCATIONS, 'Choose whether the writer is at a US or your home institution.'),
    isSurgeon: z.boolean(),
    relationship: text(500).default(''),
    email: z.union([z.literal(''), z.email('Enter a valid email address, e.g. jsmith@hospital.org.')]).default(''),
    notes: text(2000).default(''),
  })
  .strict();
export type WriterInput = z.input<typeof writerInputSchema>;

export const letterInputSchema = z
  .object({
    id: id.optional(),
    writerId: id,
    label: text(120).default(''),
    portalLetterId: text(40).default(''),
    requestedFor: z.enum(LETTER_REQUEST_TYPES, 'Choose what the letter was requested for in MyERAS.').default('general'),
    notes: text(2000).default(''),
  })
  .strict();
export type LetterInput = z.input<typeof letterInputSchema>;

/**
 * Moves a letter to a stage on a date (the date is stored for that step). Without a date the
 * step happened today, by the main process's clock (the user's zone): the renderer's own
 * calendar day can differ from it around midnight or with another zone set.
 */
export const letterStageSchema = z.object({ id, stage: z.enum(LETTER_STAGES, 'Choose a stage.'), date: isoDateSchema.optional() }).strict();

export const letterAssignSchema = z
  .object({
    applicationId: id,
    letterId: id,
    assigned: z.boolean(),
    date: isoDateSchema,
    /**
     * Assignments of a submitted application are locked (docs/DOMAIN.md §2). Set only when the
     * user explicitly unlocked the row to correct the record of what is in ERAS.
     */
    unlockSubmitted: z.boolean().default(false),
  })
  .strict();

export const letterSettingsSchema = z
  .object({
    reminderDays: z
      .number({ message: 'Enter the number of days.' })
      .int('The number of days is a whole number.')
      .min(MIN_LETTER_REMINDER_DAYS, `Remind after at least ${MIN_LETTER_REMINDER_DAYS} day.`)
      .max(MAX_LETTER_REMINDER_DAYS, `Remind after at most ${MAX_LETTER_REMINDER_DAYS} days.`),
  })
  .strict();
