// Applications (docs/DOMAIN.md §2): one per program (track) applied to, with a status and a
// dated history of every change.
import { z } from 'zod';
import { isoDateSchema, trimText } from './bounds';
import { APPLICATION_STATUSES, APPLICATION_STATUS_LABELS, PIPELINE_STATUSES, type ApplicationStatus } from './application-status';

export * from './application-status';

/**
 * A move back along the pipeline (Submitted → Considering): allowed as a correction of the
 * record, but the screen says so and asks first. Rejected, withdrawn and the Match results
 * are not "back" from anything.
 */
export function isBackwardMove(from: ApplicationStatus, to: ApplicationStatus): boolean {
  const a = PIPELINE_STATUSES.indexOf(from);
  const b = PIPELINE_STATUSES.indexOf(to);
  return a >= 0 && b >= 0 && b < a;
}

/**
 * Why a move from one status to another is not allowed, or null when it is. Moves forward
 * may skip steps (a user often records "submitted" straight from "considering") and moves
 * back are corrections; only the Match results need a ranked program.
 */
export function statusMoveProblem(from: ApplicationStatus, to: ApplicationStatus): string | null {
  if (from === to) return `It is already "${APPLICATION_STATUS_LABELS[to]}".`;
  if ((to === 'matched' || to === 'not_matched') && from !== 'ranked') {
    return `Only a ranked program can be "${APPLICATION_STATUS_LABELS[to]}"; it is "${APPLICATION_STATUS_LABELS[from]}". Move it to Ranked first.`;
  }
  return null;
}

export interface Application {
  id: number;
  programId: number;
  status: ApplicationStatus;
  /** Date of the latest status change (YYYY-MM-DD). */
  statusDate: string;
  /** Date it was first submitted, if it ever was (YYYY-MM-DD). */
  submittedOn: string | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface ApplicationEvent {
  id: number;
  applicationId: number;
  /** Null for the first event (the application was created). */
  fromStatus: ApplicationStatus | null;
  status: ApplicationStatus;
  /** The day it happened, as the user gave it (YYYY-MM-DD). */
  date: string;
  note: string;
  /** When it was recorded (ISO timestamp). */
  recordedAt: string;
}

const note = z.string().overwrite(trimText).max(1000, 'Keep the note under 1,000 characters.');
const ids = z.array(z.number().int().positive()).min(1, 'Choose at least one.').max(5000, 'Choose at most 5,000 at once.');

export const applicationCreateSchema = z
  .object({
    programIds: ids,
    status: z.enum(APPLICATION_STATUSES).default('considering'),
    date: isoDateSchema,
    notes: note.default(''),
  })
  .strict();

export const applicationStatusChangeSchema = z
  .object({
    ids,
    status: z.enum(APPLICATION_STATUSES),
    date: isoDateSchema,
    note: note.default(''),
  })
  .strict();

export const applicationUpdateSchema = z.object({ id: z.number().int().positive(), notes: note }).strict();
