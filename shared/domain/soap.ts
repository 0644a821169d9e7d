// SOAP (docs/DOMAIN.md §5): the fallback plan built before Match Week, Monday's List of Unfilled
// Programs, and Match Week itself (applications, interview calls, offers in 4 rounds,
// a binding acceptance). Types and the zod schemas of every SOAP input.
import { z } from 'zod';
import { trimText } from './bounds';

/** At most 45 SOAP applications (docs/DOMAIN.md §3 "SOAP applications", NRMP 2023–). */
export const SOAP_MAX_APPLICATIONS = 45;
export const SOAP_OFFER_ROUNDS = 4;

/**
 * The applicant's result on Match Week Monday. A partially matched applicant may apply
 * only to the complementary position type (docs/DOMAIN.md §5): matched to an advanced (PGY-2)
 * position only -> preliminary PGY-1 positions; matched to a preliminary position only ->
 * advanced positions (which this tracker does not hold).
 */
export const SOAP_MATCH_STATUSES = ['not_known', 'unmatched', 'partial_advanced', 'partial_preliminary', 'matched'] as const;
export type SoapMatchStatus = (typeof SOAP_MATCH_STATUSES)[number];

export const SOAP_MATCH_STATUS_LABELS: Record<SoapMatchStatus, string> = {
  not_known: 'Not known yet (plan as if unmatched)',
  unmatched: 'Unmatched',
  partial_advanced: 'Partially matched: advanced (PGY-2) position only',
  partial_preliminary: 'Partially matched: preliminary position only',
  matched: 'Fully matched (no SOAP)',
};

export const SOAP_APPLICATION_STATUSES = ['applied', 'interview', 'offered', 'accepted', 'rejected', 'expired', 'closed'] as const;
export type SoapApplicationStatus = (typeof SOAP_APPLICATION_STATUSES)[number];

export const SOAP_APPLICATION_STATUS_LABELS: Record<SoapApplicationStatus, string> = {
  applied: 'Applied',
  interview: 'Interview call',
  offered: 'Offer',
  accepted: 'Accepted (binding)',
  rejected: 'Offer rejected',
  expired: 'Offer expired',
  closed: 'Closed',
};

export interface SoapState {
  matchStatus: SoapMatchStatus;
  /** Manual readiness tick (the user's judgement) for the prelim statement kept outside Documents. */
  prelimStatementReady: boolean;
  /** When the List of Unfilled Programs was last imported (ISO), or null. */
  unfilledImportedAt: string | null;
}

export interface SoapPlanEntry {
  programId: number;
  /** 1-based position in the plan (the user's order). */
  position: number;
  note: string;
  addedAt: string;
}

/** One program of the imported List of Unfilled Programs. */
export interface SoapUnfilledProgram {
  nrmpCode: string;
  name: string;
  state: string;
  positions: number | null;
  /** The program in the database it matched or created (null if that program was deleted since). */
  programId: number | null;
  /** True when the import created the program (it was not in the database). */
  addedByImport: boolean;
}

export interface SoapApplication {
  id: number;
  /** Null when the program was deleted since: the application still counts against 45. */
  programId: number | null;
  /** Program name and NRMP code when it was applied to (kept if the program is deleted). */
  label: string;
  nrmpCode: string;
  status: SoapApplicationStatus;
  appliedAt: string;
  interviewAt: string | null;
  /** The Thursday round (1–4) of the offer, if one was made. */
  offerRound: number | null;
  decidedAt: string | null;
}

const id = z.number({ message: 'Choose a program.' }).int().positive('Choose a program.');
const note = z.string().overwrite(trimText).max(500, 'Keep the note under 500 characters.');

export const soapSetMatchStatusSchema = z.object({ matchStatus: z.enum(SOAP_MATCH_STATUSES, 'Choose your Match Week result.') }).strict();
export const soapSetTicksSchema = z
  .object({ prelimStatementReady: z.boolean({ message: 'Say whether the prelim personal statement is ready.' }) })
  .strict();

export const soapPlanAddSchema = z.object({ programIds: z.array(id).min(1, 'Choose at least one program.').max(100, 'Add at most 100 programs at once.'), note: note.default('') }).strict();
export const soapPlanRemoveSchema = z.object({ programId: id }).strict();
export const soapPlanReorderSchema = z
  .object({ programIds: z.array(id).max(1000) })
  .strict()
  .refine((v) => new Set(v.programIds).size === v.programIds.length, { path: ['programIds'], message: 'A program can appear only once in the plan order.' });

/** Pasted text or a CSV file's text (the renderer reads the file; the main process parses it). */
export const soapUnfilledImportSchema = z
  .object({
    text: z.string().max(2_000_000, 'That is more text than a List of Unfilled Programs; paste only the list.').refine((s) => s.trim().length > 0, 'Paste the List of Unfilled Programs (or choose its CSV file) first.'),
  })
  .strict();

export const soapApplySchema = z.object({ programIds: z.array(id).min(1, 'Choose at least one program.').max(45, `SOAP allows at most ${SOAP_MAX_APPLICATIONS} applications.`) }).strict();
export const soapApplicationIdSchema = z.object({ applicationId: z.number().int().positive('Choose an application.') }).strict();
export const soapOfferSchema = z
  .object({ applicationId: z.number().int().positive('Choose an application.'), round: z.number({ message: 'Choose the offer round (1–4).' }).int('The round is 1, 2, 3 or 4.').min(1, 'The round is 1, 2, 3 or 4.').max(SOAP_OFFER_ROUNDS, 'The round is 1, 2, 3 or 4.') })
  .strict();
export const soapDecideSchema = z.object({ applicationId: z.number().int().positive('Choose an application.'), decision: z.enum(['accept', 'reject', 'expire'], 'Choose accept, reject or let expire.') }).strict();

