// Institutions and their programs (docs/DOMAIN.md §2, §4). A program is one track
// (categorical or preliminary) at one institution, with its own NRMP code and ERAS ID;
// what the two tracks share (place, setting, visa policy, contacts) lives on the
// institution so it is entered once.
import { z } from 'zod';
import { findUsState } from './us-states';
import { SCORE_MAX, SCORE_MIN } from './profile';
import { nrmpCodeProblem, normalizeNrmpCode } from './nrmp';
import type { TierOutcome } from '../engine/types';
import { isoDateSchema, trimText } from './bounds';
import { CUTOFF_KINDS, IMG_FRIENDLINESS, SETTINGS, TRACKS, TRI_STATES, VISA_SPONSORSHIPS, type Track } from './program-labels';

export * from './program-labels';

const text = (max: number) => z.string().overwrite(trimText).max(max, `Keep this under ${max} characters.`);
const optionalEmail = z.union([z.literal(''), z.email('Enter a valid email address, e.g. coordinator@hospital.org.')]);
const optionalUrl = z.union([
  z.literal(''),
  z
    .string()
    .overwrite(trimText)
    .refine((s) => /^https?:\/\/[^\s.]+\.[^\s]+$/i.test(s), 'Enter a web address starting with https://'),
]);
const pct = z.number({ message: 'Enter a percentage.' }).min(0, 'A percentage is between 0 and 100.').max(100, 'A percentage is between 0 and 100.');
const cutoffScore = (exam: string) =>
  z.number({ message: `Enter the ${exam} minimum as a number.` }).int(`The ${exam} minimum is a whole number.`).min(SCORE_MIN, `A ${exam} minimum is between ${SCORE_MIN} and ${SCORE_MAX}.`).max(SCORE_MAX, `A ${exam} minimum is between ${SCORE_MIN} and ${SCORE_MAX}.`);

export const institutionInputSchema = z.object({
  id: z.number().int().positive().optional(),
  name: text(160).min(1, 'Enter the institution name.'),
  city: text(80),
  state: z
    .string()
    .overwrite(trimText)
    .refine((s) => s === '' || findUsState(s) !== undefined, 'Use a US state code such as OH, or the full state name.')
    .transform((s) => (s === '' ? '' : findUsState(s)!.code)),
  website: optionalUrl,
  setting: z.enum(SETTINGS),
  researchHeavy: z.boolean(),
  visaSponsorship: z.enum(VISA_SPONSORSHIPS),
  imgSharePct: pct.nullable(),
  nonUsImgResidents: z.enum(TRI_STATES),
  pdName: text(120),
  pdEmail: optionalEmail,
  coordinatorName: text(120),
  coordinatorEmail: optionalEmail,
  internalConnection: z.boolean(),
  notes: text(4000),
  dataSource: text(200),
  lastVerified: isoDateSchema.nullable(),
  /** ACGME program ID (10 digits; one for both tracks), kept as text. */
  acgmeId: text(20)
    .refine((s) => s === '' || /^\d{10}$/.test(s), 'An ACGME program ID has 10 digits (copy it from FREIDA).')
    .default(''),
  imgFriendliness: z.enum(IMG_FRIENDLINESS).default('unknown'),
  /** PGY-1 salary in US dollars a year. */
  pgy1Salary: z.number({ message: 'Enter the salary as a number of dollars.' }).int('Enter whole dollars.').min(0, 'A salary cannot be negative.').max(1_000_000, 'Enter the yearly salary in dollars, e.g. 62400.').nullable().default(null),
  /** Whether its general-surgery program accepts ERAS signals (docs/DOMAIN.md §6). */
  acceptsSignals: z.enum(TRI_STATES).default('unknown'),
  /** A signal sent to its general-surgery program: every track sees it (docs/DOMAIN.md §6). */
  signalSent: z.boolean().default(false),
});
export type InstitutionInput = z.input<typeof institutionInputSchema>;
export type InstitutionFields = z.output<typeof institutionInputSchema>;

export const unfilledYearSchema = z.object({
  year: z.number().int('A Match year is a whole number.').min(2000, 'Use a Match year from 2000 on.').max(2100, 'Use a Match year before 2100.'),
  unfilled: z.number().int('Unfilled positions is a whole number.').min(0, 'Unfilled positions cannot be negative.').max(100, 'That is more positions than any program has; check the number.'),
});
export type UnfilledYear = z.output<typeof unfilledYearSchema>;

export const programTrackInputSchema = z
  .object({
    id: z.number().int().positive().optional(),
    track: z.enum(TRACKS),
    nrmpCode: z.string().overwrite(trimText).transform((s) => (s === '' ? '' : normalizeNrmpCode(s))),
    erasProgramId: text(20).refine((s) => s === '' || /^[0-9A-Za-z-]+$/.test(s), 'An ERAS program ID has only digits and letters (copy it from ERAS or FREIDA).'),
    minStep2ck: cutoffScore('Step 2 CK').nullable(),
    minStep2ckKind: z.enum(CUTOFF_KINDS),
    minStep1: cutoffScore('Step 1').nullable(),
    minStep1Kind: z.enum(CUTOFF_KINDS),
    firstAttemptOnly: z.enum(TRI_STATES),
    maxYearsSinceGraduation: z.number().int('Years since graduation is a whole number.').min(0, 'Years since graduation cannot be negative.').max(50, 'Enter at most 50 years.').nullable(),
    usceRequired: z.enum(TRI_STATES),
    usceMonthsRequired: z.number().int('Months is a whole number.').min(0, 'Months cannot be negative.').max(36, 'Enter at most 36 months.').nullable(),
    positionsOffered: z.number().int('Positions is a whole number.').min(0, 'Positions cannot be negative.').max(100, 'That is more positions than any program has; check the number.').nullable(),
    unfilledHistory: z.array(unfilledYearSchema).max(20),
    tags: z.array(text(40).min(1)).max(30, 'Keep at most 30 tags.'),
    notes: text(4000),
    /** False when the minimum came as a number alone ("220+"): read as a minimum, its kind not stated. */
    minStep2ckKindStated: z.boolean().default(true),
    /** The program states it has no Step 2 CK cutoff (not the same as not knowing one). */
    noStep2ckCutoff: z.boolean().default(false),
    /** The earliest graduation year the program takes ("2019+"). */
    minGraduationYear: z.number().int('A graduation year is a whole number.').min(1950, 'Use a graduation year from 1950 on.').max(2100, 'Use a graduation year before 2100.').nullable().default(null),
    /** The program states it has no limit on years since graduation. */
    noGraduationLimit: z.boolean().default(false),
    /** USCE preferred, not required: a plus for applicants who have it, never a screen. */
    uscePreferred: z.boolean().default(false),
    /** Unfilled in `unfilledCount` of the last `unfilledWindow` Matches, when known only as a count ("3/4 yrs"). */
    unfilledCount: z.number().int().min(0, 'A count of Matches cannot be negative.').max(20, 'Count at most 20 Matches.').nullable().default(null),
    unfilledWindow: z.number().int().min(1, 'Count at least 1 Match.').max(20, 'Count at most 20 Matches.').nullable().default(null),
    /** Match years it went unfilled (or to SOAP), positions not known ("SOAP 2024, 2025"). */
    unfilledYears: z.array(z.number().int().min(2000, 'Use a Match year from 2000 on.').max(2100, 'Use a Match year before 2100.')).max(20).default([]),
    /** Applications the program received last cycle (FREIDA, program websites). */
    applicationsReceived: z.number().int('Applications received is a whole number.').min(0, 'Applications received cannot be negative.').max(100_000, 'That is more applications than any program gets; check the number.').nullable().default(null),
  })
  .superRefine((p, ctx) => {
    if (p.nrmpCode !== '') {
      const problem = nrmpCodeProblem(p.nrmpCode, p.track);
      if (problem) ctx.addIssue({ code: 'custom', path: ['nrmpCode'], message: problem });
    }
    const years = p.unfilledHistory.map((u) => u.year);
    if (new Set(years).size !== years.length) ctx.addIssue({ code: 'custom', path: ['unfilledHistory'], message: 'Each Match year can appear only once.' });
    if (p.usceRequired !== 'yes' && !p.uscePreferred && p.usceMonthsRequired !== null && p.usceMonthsRequired > 0) {
      ctx.addIssue({ code: 'custom', path: ['usceMonthsRequired'], message: 'Months of USCE apply only when USCE is required or preferred.' });
    }
    if (p.noStep2ckCutoff && p.minStep2ck !== null) {
      ctx.addIssue({ code: 'custom', path: ['minStep2ck'], message: 'A program that states no Step 2 CK cutoff has no minimum; clear one of them.' });
    }
    if (p.unfilledCount !== null && (p.unfilledWindow === null || p.unfilledCount > p.unfilledWindow)) {
      ctx.addIssue({ code: 'custom', path: ['unfilledCount'], message: 'Give the unfilled Matches as a count out of the last N Matches, e.g. 3 of 4.' });
    }
    if (new Set(p.unfilledYears).size !== p.unfilledYears.length) ctx.addIssue({ code: 'custom', path: ['unfilledYears'], message: 'Each Match year can appear only once.' });
  });
export type ProgramTrackInput = z.input<typeof programTrackInputSchema>;
export type ProgramTrackFields = z.output<typeof programTrackInputSchema>;

/** One institution with one or both of its tracks, saved together. */
export const institutionWithTracksSchema = z
  .object({
    institution: institutionInputSchema,
    tracks: z.array(programTrackInputSchema).min(1, 'Add at least one track (preliminary or categorical).').max(2, 'An institution has at most two general-surgery tracks here: preliminary and categorical.'),
  })
  .superRefine((v, ctx) => {
    const kinds = v.tracks.map((t) => t.track);
    if (new Set(kinds).size !== kinds.length) ctx.addIssue({ code: 'custom', path: ['tracks'], message: 'Each track (preliminary, categorical) can appear only once per institution.' });
    const codes = v.tracks.map((t) => t.nrmpCode).filter((c) => c !== '');
    if (new Set(codes).size !== codes.length) ctx.addIssue({ code: 'custom', path: ['tracks', 1, 'nrmpCode'], message: 'The two tracks need different NRMP codes.' });
  });
export type InstitutionWithTracksInput = z.input<typeof institutionWithTracksSchema>;

export interface Institution extends InstitutionFields {
  id: number;
  /** Part of the fictional sample data (removable in one step). */
  isSample: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface TierOverride {
  outcome: TierOutcome;
  note: string;
  updatedAt: string;
}

export interface ProgramTrack extends ProgramTrackFields {
  id: number;
  institutionId: number;
  /** Marked to apply to: the list that list health looks at. */
  onList: boolean;
  /** The user's tier, when they overrode the computed one. */
  override: TierOverride | null;
  createdAt: string;
  updatedAt: string;
}

/** What the Programs screen and the engine read: a track with its institution. */
export interface Program extends ProgramTrack {
  institution: Institution;
}

export function emptyInstitution(): InstitutionFields {
  return {
    name: '', city: '', state: '', website: '', setting: 'unknown', researchHeavy: false, visaSponsorship: 'unknown',
    imgSharePct: null, nonUsImgResidents: 'unknown', pdName: '', pdEmail: '', coordinatorName: '', coordinatorEmail: '',
    internalConnection: false, notes: '', dataSource: '', lastVerified: null, acgmeId: '', imgFriendliness: 'unknown', pgy1Salary: null,
    acceptsSignals: 'unknown', signalSent: false,
  };
}

export function emptyTrack(track: Track): ProgramTrackFields {
  return {
    track, nrmpCode: '', erasProgramId: '', minStep2ck: null, minStep2ckKind: 'strict', minStep1: null, minStep1Kind: 'strict',
    firstAttemptOnly: 'unknown', maxYearsSinceGraduation: null, usceRequired: 'unknown', usceMonthsRequired: null,
    positionsOffered: null, unfilledHistory: [], tags: [], notes: '', minStep2ckKindStated: true, noStep2ckCutoff: false,
    minGraduationYear: null, noGraduationLimit: false, uscePreferred: false, unfilledCount: null, unfilledWindow: null, unfilledYears: [],
    applicationsReceived: null,
  };
}
