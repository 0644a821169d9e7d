// Application documents (docs/DOMAIN.md §4.5 "ERAS readiness"): versions of the personal
// statement (a surgery one and a prelim-track one), the CV and the ERAS "Additional
// Information" text, and which version went with which application.
import { z } from 'zod';
import { isoDateSchema, trimText } from './bounds';

export const DOCUMENT_KINDS = ['personal_statement_surgery', 'personal_statement_prelim', 'cv', 'additional_information'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  personal_statement_surgery: 'Personal statement (surgery)',
  personal_statement_prelim: 'Personal statement (prelim)',
  cv: 'CV',
  additional_information: 'Additional information',
};

/**
 * What an application holds one of: ERAS sends one personal statement per program (the
 * surgery or the prelim version), one CV, one Additional Information text.
 */
export const DOCUMENT_SLOTS = ['personal_statement', 'cv', 'additional_information'] as const;
export type DocumentSlot = (typeof DOCUMENT_SLOTS)[number];
export const DOCUMENT_SLOT_LABELS: Record<DocumentSlot, string> = { personal_statement: 'Personal statement', cv: 'CV', additional_information: 'Additional information' };

export function slotOf(kind: DocumentKind): DocumentSlot {
  return kind === 'personal_statement_surgery' || kind === 'personal_statement_prelim' ? 'personal_statement' : kind;
}

export interface DocumentVersion {
  id: number;
  kind: DocumentKind;
  title: string;
  /** e.g. "v3", "final for prelim". */
  versionLabel: string;
  /** The version's date (YYYY-MM-DD). */
  date: string;
  notes: string;
  /** The text itself, optional ('' when the user keeps it elsewhere). */
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface DocumentAssignment {
  applicationId: number;
  slot: DocumentSlot;
  documentId: number;
  assignedOn: string;
}

const text = (max: number) => z.string().overwrite(trimText).max(max, `Keep this under ${max} characters.`);
const id = z.number().int().positive();
const ids = z.array(id).min(1, 'Choose at least one application.').max(5000, 'Choose at most 5,000 applications at once.');

/** Generous on purpose: the text is optional and a CV can be long. */
export const DOCUMENT_BODY_MAX = 60000;

export const documentInputSchema = z
  .object({
    id: id.optional(),
    kind: z.enum(DOCUMENT_KINDS, 'Choose the kind of document.'),
    title: text(160).min(1, 'Enter a title (e.g. "Personal statement – surgery").'),
    versionLabel: text(40).default(''),
    date: isoDateSchema,
    notes: text(2000).default(''),
    body: z.string().max(DOCUMENT_BODY_MAX, `Keep the text under ${DOCUMENT_BODY_MAX.toLocaleString('en-US')} characters.`).default(''),
  })
  .strict();
export type DocumentInput = z.input<typeof documentInputSchema>;

/** Puts one version on many applications (replacing whatever was in that slot). */
export const documentAssignSchema = z.object({ applicationIds: ids, documentId: id, date: isoDateSchema }).strict();
/** Clears a slot on many applications. */
export const documentUnassignSchema = z.object({ applicationIds: ids, slot: z.enum(DOCUMENT_SLOTS, 'Choose which document to clear.') }).strict();
