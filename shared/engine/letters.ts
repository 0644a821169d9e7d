// Letter rules (docs/DOMAIN.md §2 "LOR", §4 "ERAS readiness"): the 4-per-program limit, the
// lock on submitted applications, the minimums per submitted application and the reminder
// for asked letters that are not uploaded. Pure: the repo, the screen and the readiness
// and reminder engines all call these.
import { SUBMITTED_STATUSES, type ApplicationStatus } from '../domain/application';
import {
  awaitsUpload,
  MAX_LETTERS_PER_PROGRAM,
  MIN_LETTERS_PER_APPLICATION,
  MIN_US_SURGEON_LETTERS,
  LETTER_STAGE_LABELS,
  isConfirmedStrong,
  type Letter,
  type LetterWriter,
} from '../domain/letters';
import { plusDays } from './calendar-dates';

/** A US surgeon's letter: the kind the seed asks for at least two of. */
export function isUsSurgeon(writer: Pick<LetterWriter, 'location' | 'isSurgeon'>): boolean {
  return writer.location === 'us' && writer.isSurgeon;
}

export function isAssignmentLocked(status: ApplicationStatus): boolean {
  return SUBMITTED_STATUSES.has(status);
}

export interface AssignmentRequest {
  programName: string;
  applicationStatus: ApplicationStatus;
  /** Letters already assigned to this application. */
  assignedLetterIds: readonly number[];
  letter: Pick<Letter, 'id' | 'stage'>;
  /** True to assign, false to unassign. */
  assign: boolean;
  unlockSubmitted: boolean;
}

/**
 * Why this assignment change is refused, or null when it is allowed. ERAS (docs/DOMAIN.md §2
 * LOR): after applying to a program the applicant may still add letters to it (up to 4 in
 * all), but a letter assigned there can no longer be removed. "Correct the record"
 * (unlockSubmitted) lets the user fix what the app recorded wrongly.
 */
export function assignmentProblem(r: AssignmentRequest): string | null {
  const already = r.assignedLetterIds.includes(r.letter.id);
  if (r.assign && already) return null;
  if (!r.assign && !already) return null;
  if (!r.assign) {
    if (isAssignmentLocked(r.applicationStatus) && !r.unlockSubmitted) return `${r.programName}: you applied there, and ERAS keeps a letter assigned to a program you applied to; it cannot be removed. Use "Correct the record" only if this assignment was recorded by mistake.`;
    return null;
  }
  if (r.letter.stage === 'declined') {
    return `${r.programName}: this letter is marked "${LETTER_STAGE_LABELS.declined}"; it is better not to use a letter whose writer hesitated. Change its stage first if the writer agreed after all.`;
  }
  if (r.assignedLetterIds.length >= MAX_LETTERS_PER_PROGRAM) {
    return `${r.programName} already has ${MAX_LETTERS_PER_PROGRAM} letters: ERAS allows at most ${MAX_LETTERS_PER_PROGRAM} per program.${isAssignmentLocked(r.applicationStatus) ? '' : ' Unassign one first.'}`;
  }
  return null;
}

/** What "why is this cell locked" says in the matrix: adding stays open, removing is locked. */
export function assignmentLockText(status: ApplicationStatus): string | null {
  return isAssignmentLocked(status) ? 'Applied: you can still add letters (up to 4), but an assigned letter cannot be removed (ERAS). The statement and CV can be swapped.' : null;
}

/** A letter for counting strong writers: the writer, and whether it is confirmed strong and uploaded. */
export interface CountableLetter {
  writerId: number;
  confirmedStrong: boolean;
  declined: boolean;
}

/**
 * The writers behind confirmed-strong letters, one entry per writer (the first such letter):
 * two letters from one writer are one writer (docs/DOMAIN.md §4 "at least 2 from US surgeons").
 */
export function strongWriters<L extends CountableLetter>(letters: readonly L[]): L[] {
  const seen = new Set<number>();
  const out: L[] = [];
  for (const l of letters) {
    if (!l.confirmedStrong || l.declined || seen.has(l.writerId)) continue;
    seen.add(l.writerId);
    out.push(l);
  }
  return out;
}

/** Strong writers among uploaded letters (what SOAP can assign) and how many are US surgeons. */
export function uploadedStrongWriters(
  letters: readonly Pick<Letter, 'writerId' | 'stage' | 'strongConfirmedOn'>[],
  writers: readonly Pick<LetterWriter, 'id' | 'location' | 'isSurgeon'>[],
): { strong: number; usSurgeon: number } {
  const byId = new Map(writers.map((w) => [w.id, w]));
  const ready = strongWriters(letters.filter((l) => l.stage === 'uploaded').map((l) => ({ writerId: l.writerId, confirmedStrong: isConfirmedStrong(l), declined: false })));
  return { strong: ready.length, usSurgeon: ready.filter((l) => { const w = byId.get(l.writerId); return w !== undefined && isUsSurgeon(w); }).length };
}

export interface ApplicationLetterSummary {
  count: number;
  usSurgeonCount: number;
  /** Writers of assigned letters confirmed strong (each writer once). */
  confirmedStrongCount: number;
  /** Of those, US surgeons. */
  usSurgeonStrongCount: number;
  /** Assigned letters not yet uploaded to the Letter Writer Portal (declined ones not counted). */
  notUploadedCount: number;
  /** Assigned letters marked declined (the writer hesitated): they should come off. */
  declinedCount: number;
  locked: boolean;
  /** Plain-language problems (only for submitted applications for the minimums). */
  warnings: string[];
}

export function applicationLetterSummary(
  status: ApplicationStatus,
  assigned: readonly { letter: Pick<Letter, 'stage' | 'strongConfirmedOn'>; writer: Pick<LetterWriter, 'id' | 'location' | 'isSurgeon'> }[],
): ApplicationLetterSummary {
  const count = assigned.length;
  const usSurgeonCount = new Set(assigned.filter((a) => isUsSurgeon(a.writer)).map((a) => a.writer.id)).size;
  // Strong letters count per writer: two letters from one surgeon are one surgeon.
  const strong = strongWriters(assigned.map((a) => ({ writerId: a.writer.id, confirmedStrong: isConfirmedStrong(a.letter), declined: a.letter.stage === 'declined', writer: a.writer })));
  const confirmedStrongCount = strong.length;
  const usSurgeonStrongCount = strong.filter((a) => isUsSurgeon(a.writer)).length;
  const declinedCount = assigned.filter((a) => a.letter.stage === 'declined').length;
  const notUploadedCount = assigned.filter((a) => a.letter.stage !== 'uploaded' && a.letter.stage !== 'declined').length;
  const locked = isAssignmentLocked(status);
  const warnings: string[] = [];
  // docs/DOMAIN.md §4: only confirmed-strong letters count towards the minimums.
  if (locked) {
    if (confirmedStrongCount < MIN_LETTERS_PER_APPLICATION) {
      warnings.push(
        confirmedStrongCount === count
          ? `Submitted with ${count} letter${count === 1 ? '' : 's'}: aim for at least ${MIN_LETTERS_PER_APPLICATION}.`
          : `Submitted with ${count} letter${count === 1 ? '' : 's'}, confirmed strong from only ${confirmedStrongCount} writer${confirmedStrongCount === 1 ? '' : 's'}: aim for at least ${MIN_LETTERS_PER_APPLICATION} confirmed-strong letters from different writers.`,
      );
    }
    if (usSurgeonStrongCount < MIN_US_SURGEON_LETTERS) {
      warnings.push(
        usSurgeonStrongCount === usSurgeonCount
          ? `Letters from ${usSurgeonCount} US surgeon${usSurgeonCount === 1 ? '' : 's'} only: aim for at least ${MIN_US_SURGEON_LETTERS}.`
          : `Confirmed-strong letters from ${usSurgeonStrongCount} US surgeon${usSurgeonStrongCount === 1 ? '' : 's'} only (${usSurgeonCount} assigned): aim for at least ${MIN_US_SURGEON_LETTERS}.`,
      );
    }
  }
  if (declinedCount > 0) warnings.push(`${declinedCount} assigned letter${declinedCount === 1 ? ' is' : 's are'} marked declined: the writer hesitated, so unassign ${declinedCount === 1 ? 'it' : 'them'}.`);
  if (notUploadedCount > 0) warnings.push(`${notUploadedCount} assigned letter${notUploadedCount === 1 ? ' is' : 's are'} not uploaded to the Letter Writer Portal yet.`);
  return { count, usSurgeonCount, confirmedStrongCount, usSurgeonStrongCount, notUploadedCount, declinedCount, locked, warnings };
}

export interface LetterReminder {
  letterId: number;
  writerId: number;
  writerName: string;
  askedOn: string;
  /** The day the reminder became due (askedOn + reminderDays). */
  dueOn: string;
  daysWaiting: number;
  message: string;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Letters asked at least `reminderDays` ago that are still not uploaded (and not
 * declined), oldest first. `today` is YYYY-MM-DD. Also usable by a calendar: `dueOn` is
 * the day each reminder starts.
 */
export function letterReminders(
  letters: readonly Pick<Letter, 'id' | 'writerId' | 'stage' | 'askedOn'>[],
  writers: readonly Pick<LetterWriter, 'id' | 'name'>[],
  today: string,
  reminderDays: number,
): LetterReminder[] {
  const names = new Map(writers.map((w) => [w.id, w.name]));
  const out: LetterReminder[] = [];
  for (const l of letters) {
    if (!awaitsUpload(l)) continue;
    const dueOn = plusDays(l.askedOn, reminderDays);
    if (dueOn > today) continue;
    const writerName = names.get(l.writerId) ?? `Writer ${l.writerId}`;
    const daysWaiting = daysBetween(l.askedOn, today);
    out.push({
      letterId: l.id,
      writerId: l.writerId,
      writerName,
      askedOn: l.askedOn,
      dueOn,
      daysWaiting,
      message: `${writerName}'s letter was asked for ${daysWaiting} days ago and is not uploaded yet (${LETTER_STAGE_LABELS[l.stage]}): send a polite reminder.`,
    });
  }
  return out.sort((a, b) => (a.askedOn < b.askedOn ? -1 : a.askedOn > b.askedOn ? 1 : a.letterId - b.letterId));
}
