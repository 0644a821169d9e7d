/**
 * SOAP readiness (docs/DOMAIN.md §5, seed "Personal statement … plus a prelim-track version"):
 * items of the 'soap' group for the readiness checklist. Pure; the caller passes the ROL
 * deadline (season calendar), the letters assigned (letters feature) and the user's ticks.
 */
import { LABELS, type Profile } from '../domain/profile';
import type { Track } from '../domain/program';
import type { SoapMatchStatus } from '../domain/soap';
import { EASTERN } from '../domain/season-calendar';
import { localDateOf } from './calendar-dates';
import { SOAP_NOT_APPLICABLE_ID, type ReadinessItem } from './readiness-types';
import { ecfmgFacts } from './applicant';

export interface SoapReadinessInput {
  profile: Profile;
  /** Now, as an ISO instant or Date. */
  now: Date | string;
  /** ROL certification deadline (ISO instant): IMGs must have passed the ECFMG exams by then. */
  rolDeadline: string;
  /** The user's tick: a prelim-track personal statement is written and uploaded. */
  prelimStatementReady: boolean;
  /** Versions of the prelim personal statement in Documents (one is enough). */
  prelimStatementVersions: number;
  /**
   * Letters uploaded to the Letter Writer Portal and confirmed strong, counted per writer (engine/letters uploadedStrongWriters), so
   * assignable to SOAP programs, and how many of them are from US surgeons.
   */
  letters: { strongUploaded: number; usSurgeonStrongUploaded: number };
  /** The season's result so far: the Match Week result and the position matched (soapNotApplicable). */
  result: SoapResultInput;
}

/** What decides whether SOAP still applies: the Match Week result and any position already matched. */
export interface SoapResultInput {
  /** The Match Week result recorded on the SOAP screen. */
  matchStatus: SoapMatchStatus;
  /** The application Matched in the Main Match (Applications), if any. */
  mainMatch: { label: string; track: Track | null } | null;
  /** The SOAP offer accepted (binding), if any. */
  soapAccepted: { label: string; track: Track | null } | null;
}


/** What comes after a match: the prelim year's plan for a preliminary position. */
function afterMatch(track: Track | null): string {
  if (track === 'preliminary') return 'What comes next is your preliminary year: the Prelim year screen has its plan (the letters to ask for, feedback, categorical openings for next season).';
  if (track === 'categorical') return 'Nothing to prepare for SOAP: get ready to start on 1 July.';
  return 'If the position is a preliminary one, mark that program Matched in Applications and the Prelim year screen plans the year.';
}

/**
 * Whether SOAP still applies (docs/DOMAIN.md §5: only applicants unmatched or partially
 * matched on Match Week Monday take part; an accepted offer ends SOAP). Null while it applies,
 * else why not and what comes next. "Advanced position only" still needs a PGY-1 position, so
 * SOAP applies; so does "preliminary position only" (for the advanced positions).
 */
export function soapNotApplicable(r: SoapResultInput): { why: string; next: string; track: Track | null } | null {
  if (r.soapAccepted) {
    return { why: `You accepted ${r.soapAccepted.label} in SOAP: the acceptance is binding, so SOAP is over for this season.`, next: afterMatch(r.soapAccepted.track), track: r.soapAccepted.track };
  }
  if (r.matchStatus === 'partial_advanced' || r.matchStatus === 'partial_preliminary' || r.matchStatus === 'unmatched') return null;
  if (r.mainMatch) {
    return { why: `You matched at ${r.mainMatch.label} in the Main Match: SOAP is only for applicants unmatched or partially matched on Match Week Monday.`, next: afterMatch(r.mainMatch.track), track: r.mainMatch.track };
  }
  if (r.matchStatus === 'matched') {
    return { why: 'Your Match Week result is "Fully matched": SOAP is only for applicants unmatched or partially matched on Match Week Monday.', next: afterMatch(null), track: null };
  }
  return null;
}

/** SOAP programs read the same letters; two or more from US surgeons is the seed's minimum. */
export const SOAP_MIN_LETTERS = 2;

export function soapReadinessItems(input: SoapReadinessInput): ReadinessItem[] {
  const { profile: p } = input;
  // Matched: nothing to get ready for. One calm item says so (with what comes next) instead of open tasks.
  const closed = soapNotApplicable(input.result);
  if (closed) {
    return [{ id: SOAP_NOT_APPLICABLE_ID, group: 'soap', title: 'SOAP does not apply', state: 'not_applicable', why: closed.why, next: closed.next, dueDate: null, affectedProgramIds: [], manual: false }];
  }
  const now = new Date(input.now).getTime();
  const deadline = new Date(input.rolDeadline).getTime();
  // The deadline is 9 pm Eastern: its day is the Eastern calendar day, not the UTC one.
  const due = localDateOf(new Date(input.rolDeadline), EASTERN);
  const base = { group: 'soap' as const, affectedProgramIds: [] as number[] };

  const statementTitle = 'Prelim-track personal statement ready';
  const versions = input.prelimStatementVersions;
  const statement: ReadinessItem =
    versions > 0
      ? { ...base, id: 'soap.prelim-statement', title: statementTitle, state: 'done', why: `A prelim personal statement is in Documents (${versions} version${versions === 1 ? '' : 's'}).`, next: '', dueDate: null, manual: false }
      : input.prelimStatementReady
        ? { ...base, id: 'soap.prelim-statement', title: statementTitle, state: 'done', why: 'You marked a preliminary-surgery personal statement as ready.', next: '', dueDate: null, manual: true }
        : { ...base, id: 'soap.prelim-statement', title: statementTitle, state: 'needs_action', why: 'No prelim personal statement in Documents and not marked ready. SOAP moves in hours: the prelim version must exist before Monday.', next: 'Write a preliminary-surgery version of your personal statement, upload it to ERAS and add it in Documents (or tick this).', dueDate: due, manual: true };

  const { strongUploaded: n, usSurgeonStrongUploaded: us } = input.letters;
  const lettersTitle = 'Letters ready to assign to SOAP programs';
  const letters: ReadinessItem =
    n >= SOAP_MIN_LETTERS && us >= SOAP_MIN_LETTERS
      ? { ...base, id: 'soap.letters-assigned', title: lettersTitle, state: 'done', why: `Confirmed-strong letters from ${n} writers are uploaded and assignable, ${us} of them US surgeons.`, next: '', dueDate: null, manual: false }
      : {
          ...base,
          id: 'soap.letters-assigned',
          title: lettersTitle,
          state: 'needs_action',
          why: `Confirmed-strong letters from ${n} writer${n === 1 ? '' : 's'} uploaded, ${us} of them ${us === 1 ? 'a US surgeon' : 'US surgeons'}; you need at least ${SOAP_MIN_LETTERS} US surgeons.`,
          next: 'Ask your US surgeon writers to confirm a strong letter and upload it now (Letters screen); in SOAP you assign up to 4 letters per program within hours.',
          dueDate: due,
          manual: false,
        };

  // Exams for ECFMG certification (docs/DOMAIN.md §2): Step 1, Step 2 CK and OET Medicine.
  const missing: string[] = [];
  const ecfmg = ecfmgFacts(p);
  if (!ecfmg.step1Passed) missing.push(`Step 1 (${LABELS.step1Result[p.step1Result].toLowerCase()})`);
  if (!ecfmg.step2ckPassed) missing.push(`Step 2 CK (${LABELS.examStatus[p.step2ckStatus].toLowerCase()}${p.step2ckStatus === 'scheduled' && p.step2ckDate ? ` for ${p.step2ckDate}` : ''})`);
  if (!ecfmg.oetPassed) missing.push(`OET Medicine (${LABELS.examStatus[p.oetStatus].toLowerCase()})`);
  const title = 'Exams for ECFMG certification passed by the ROL deadline';
  let exams: ReadinessItem;
  if (missing.length === 0) {
    exams = { ...base, id: 'soap.ecfmg-exams', title, state: 'done', why: ecfmg.certified ? 'You are ECFMG certified.' : 'Step 1, Step 2 CK and OET Medicine are passed.', next: '', dueDate: null, manual: false };
  } else if (now > deadline) {
    exams = { ...base, id: 'soap.ecfmg-exams', title, state: 'blocking', why: `The ROL deadline (${due}) has passed and not all are passed: ${missing.join(', ')}. You are not eligible for SOAP this season.`, next: 'Plan for next season; keep your fallback plan for it.', dueDate: due, manual: false };
  } else {
    const lateStep2 = p.step2ckStatus === 'scheduled' && p.step2ckDate !== null && p.step2ckDate > due;
    exams = {
      ...base,
      id: 'soap.ecfmg-exams',
      title,
      state: lateStep2 ? 'blocking' : 'needs_action',
      why: `Not passed yet: ${missing.join(', ')}. IMGs are SOAP-eligible only with these passed by the ROL deadline (${due}).${lateStep2 ? ' Your Step 2 CK date is after it.' : ''}`,
      next: lateStep2 ? `Move Step 2 CK before ${due} (results take weeks), or you cannot take part in SOAP.` : `Pass them (with results reported) before ${due}.`,
      dueDate: due,
      manual: false,
    };
  }
  return [statement, letters, exams];
}
