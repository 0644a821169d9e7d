// The applicant profile (docs/DOMAIN.md §2, §4): one row. Every field the engine needs to
// screen programs, tier them and compute readiness.
import { z } from 'zod';
import { findUsState } from './us-states';
import { isoDateSchema, trimText } from './bounds';

export const SCORE_MIN = 1;
export const SCORE_MAX = 300; // USMLE three-digit scores top out at 300
export const OLDEST_GRADUATION_YEAR = 1960;

export const EXAM_STATUSES = ['not_taken', 'scheduled', 'passed', 'failed'] as const;
export type ExamStatus = (typeof EXAM_STATUSES)[number];

export const STEP1_RESULT_KINDS = ['not_taken', 'pass_fail', 'numeric', 'failed'] as const;
export type Step1ResultKind = (typeof STEP1_RESULT_KINDS)[number];

export const ECFMG_STATUSES = ['not_started', 'in_progress', 'certified'] as const;
export type EcfmgStatus = (typeof ECFMG_STATUSES)[number];

export const VISA_NEEDS = ['none', 'j1', 'h1b_required', 'either_prefers_h1b'] as const;
export type VisaNeed = (typeof VISA_NEEDS)[number];

export const USCE_TYPES = ['sub_internship', 'elective', 'externship', 'observership'] as const;
export type UsceType = (typeof USCE_TYPES)[number];

export const LABELS = {
  examStatus: { not_taken: 'Not taken', scheduled: 'Scheduled', passed: 'Passed', failed: 'Failed' },
  step1Result: { not_taken: 'Not taken', pass_fail: 'Passed (pass/fail)', numeric: 'Passed, 3-digit score', failed: 'Not passed yet' },
  ecfmg: { not_started: 'Not started', in_progress: 'Exams passed, pathway pending', certified: 'Certified' },
  visaNeed: {
    none: 'No visa needed',
    j1: 'J-1 acceptable',
    h1b_required: 'H-1B required',
    either_prefers_h1b: 'Either (prefers H-1B)',
  },
  usceType: { sub_internship: 'Sub-internship', elective: 'Elective', externship: 'Externship', observership: 'Observership' },
} as const;

const isoDate = isoDateSchema;
/** @deprecated import it from ./bounds (kept so older imports keep working). */
export { isoDateSchema };

const score = (exam: string) =>
  z
    .number({ message: `Enter the ${exam} score as a number.` })
    .int(`The ${exam} score is a whole number.`)
    .min(SCORE_MIN, `A ${exam} score is between ${SCORE_MIN} and ${SCORE_MAX}.`)
    .max(SCORE_MAX, `A ${exam} score is between ${SCORE_MIN} and ${SCORE_MAX}; check the number.`);

const attempts = (exam: string) =>
  z
    .number({ message: `Enter the number of ${exam} attempts.` })
    .int(`${exam} attempts is a whole number.`)
    .min(0, `${exam} attempts cannot be negative.`)
    .max(6, `USMLE allows at most 6 attempts at ${exam}.`);

const count = (what: string) =>
  z.number({ message: `Enter the number of ${what}.` }).int(`The number of ${what} is a whole number.`).min(0, `The number of ${what} cannot be negative.`).max(999, `That is too many ${what}; check the number.`);

export const usceEntrySchema = z.object({
  id: z.string().min(1).max(64),
  type: z.enum(USCE_TYPES, 'Choose the kind of experience.'),
  specialty: z.string().overwrite(trimText).min(1, 'Enter the specialty (e.g. General Surgery).').max(80),
  surgical: z.boolean(),
  weeks: z.number({ message: 'Enter the length in weeks.' }).int('Weeks is a whole number.').min(1, 'An experience lasts at least 1 week.').max(104, 'Enter at most 104 weeks per experience.'),
  hospital: z.string().overwrite(trimText).min(1, 'Enter the hospital.').max(120),
  state: z
    .string()
    .overwrite(trimText)
    .refine((s) => findUsState(s) !== undefined, 'Use a US state code such as NY or TX.')
    .transform((s) => findUsState(s)!.code),
  handsOn: z.boolean(),
});
export type UsceEntry = z.output<typeof usceEntrySchema>;

function currentYear(): number {
  return new Date().getFullYear();
}

const profileBase = z.object({
  fullName: z.string().overwrite(trimText).max(120),
  email: z.union([z.literal(''), z.email('Enter a valid email address, e.g. name@example.com.')]),
  medicalSchool: z.string().overwrite(trimText).max(160),
  country: z.string().overwrite(trimText).max(80),
  aamcId: z.union([z.literal(''), z.string().regex(/^\d{8}$/, 'An AAMC ID has 8 digits.')]),
  graduationYear: z
    .number({ message: 'Enter your graduation year.' })
    .int('The graduation year is a whole number.')
    .min(OLDEST_GRADUATION_YEAR, `Enter a graduation year from ${OLDEST_GRADUATION_YEAR} on.`)
    .refine((y) => y <= currentYear(), 'The graduation year cannot be in the future.')
    .nullable(),

  step1Result: z.enum(STEP1_RESULT_KINDS),
  step1Score: score('Step 1').nullable(),
  step1Attempts: attempts('Step 1'),

  step2ckStatus: z.enum(EXAM_STATUSES),
  step2ckScore: score('Step 2 CK').nullable(),
  step2ckAttempts: attempts('Step 2 CK'),
  step2ckDate: isoDate.nullable(),

  step3Status: z.enum(EXAM_STATUSES),
  step3Score: score('Step 3').nullable(),
  step3Date: isoDate.nullable(),

  ecfmgStatus: z.enum(ECFMG_STATUSES),
  oetStatus: z.enum(EXAM_STATUSES),
  visaNeed: z.enum(VISA_NEEDS),

  usce: z.array(usceEntrySchema).max(100, 'Keep at most 100 USCE entries.'),
  researchCount: count('research items'),
  leadershipCount: count('leadership roles'),
  teachingCount: count('teaching roles'),
});

/** Cross-field rules: each issue is attached to the field the user must fix. */
export const profileSchema = profileBase.superRefine((p, ctx) => {
  const at = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (p.step1Result === 'numeric' && p.step1Score === null) at('step1Score', 'Enter the Step 1 score, or choose "Passed (pass/fail)".');
  if (p.step1Result !== 'numeric' && p.step1Score !== null) at('step1Score', 'Only a numeric Step 1 result has a score; clear it or choose "Passed, 3-digit score".');
  if (p.step1Result === 'not_taken' && p.step1Attempts !== 0) at('step1Attempts', 'Step 1 not taken means 0 attempts.');
  if (p.step1Result !== 'not_taken' && p.step1Attempts === 0) at('step1Attempts', 'Enter how many times you sat Step 1 (1 = first attempt).');

  if (p.step2ckStatus === 'passed' && p.step2ckScore === null) at('step2ckScore', 'Enter your Step 2 CK score.');
  if ((p.step2ckStatus === 'not_taken' || p.step2ckStatus === 'scheduled') && p.step2ckScore !== null) at('step2ckScore', 'A Step 2 CK that is not taken yet has no score.');
  if (p.step2ckStatus === 'scheduled' && p.step2ckDate === null) at('step2ckDate', 'Enter the date Step 2 CK is scheduled for.');
  if (p.step2ckStatus === 'not_taken' && p.step2ckAttempts !== 0) at('step2ckAttempts', 'Step 2 CK not taken means 0 attempts.');
  if ((p.step2ckStatus === 'passed' || p.step2ckStatus === 'failed') && p.step2ckAttempts === 0) at('step2ckAttempts', 'Enter how many times you sat Step 2 CK (1 = first attempt).');

  if (p.step3Status === 'passed' && p.step3Score === null) at('step3Score', 'Enter your Step 3 score.');
  if (p.step3Status !== 'passed' && p.step3Status !== 'failed' && p.step3Score !== null) at('step3Score', 'Only a taken Step 3 has a score.');
  if (p.step3Status === 'scheduled' && p.step3Date === null) at('step3Date', 'Enter the date Step 3 is scheduled for.');
});

export type Profile = z.output<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;

export const EMPTY_PROFILE: Profile = {
  fullName: '',
  email: '',
  medicalSchool: '',
  country: '',
  aamcId: '',
  graduationYear: null,
  step1Result: 'not_taken',
  step1Score: null,
  step1Attempts: 0,
  step2ckStatus: 'not_taken',
  step2ckScore: null,
  step2ckAttempts: 0,
  step2ckDate: null,
  step3Status: 'not_taken',
  step3Score: null,
  step3Date: null,
  ecfmgStatus: 'not_started',
  oetStatus: 'not_taken',
  visaNeed: 'j1',
  usce: [],
  researchCount: 0,
  leadershipCount: 0,
  teachingCount: 0,
};

/** Total weeks of US clinical experience, optionally only surgical or only hands-on. */
export function usceWeeks(p: Pick<Profile, 'usce'>, filter: { surgical?: boolean; handsOn?: boolean } = {}): number {
  return p.usce
    .filter((e) => (filter.surgical === undefined || e.surgical === filter.surgical) && (filter.handsOn === undefined || e.handsOn === filter.handsOn))
    .reduce((sum, e) => sum + e.weeks, 0);
}
