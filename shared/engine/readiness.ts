// The ERAS readiness checklist (docs/DOMAIN.md §4.5 "ERAS readiness", seed "Apply early and
// completely"), computed from the profile, the letters, the documents, the programs on
// the list and the applications. Each rule is one small function returning one item,
// with why it is in its state and what to do next. Items only the user can judge (the CV
// order, the Additional Information) take their state from the user's tick.
import type { Application } from '../domain/application';
import { SUBMITTED_STATUSES } from '../domain/application';
import type { Profile } from '../domain/profile';
import type { Program } from '../domain/program';
import { EASTERN, type ResolvedSeasonEvent } from '../domain/season-calendar';
import { daysLeft, easternTime, formatInstant, instantOfPoint, isPast, userDateOf } from './calendar-dates';
import { ecfmgFacts, summarizeApplicant, type ApplicantSummary } from './applicant';
import type { DocumentVersion } from '../domain/documents';
import { isConfirmedStrong, MAX_LETTERS_PER_PROGRAM, MIN_LETTERS_PER_APPLICATION, MIN_US_SURGEON_LETTERS, type Letter, type LetterAssignment, type LetterWriter } from '../domain/letters';
import { THRESHOLDS } from './thresholds';
import { strongWriters } from './letters';
import { SOAP_NOT_APPLICABLE_ID, type ReadinessGroup, type ReadinessItem, type ReadinessState } from './readiness-types';
import { programLabel } from '../domain/program';

/** What the checklist needs to know about a letter (built from the letters domain by readinessLetters). */
export interface ReadinessLetter {
  id: number;
  writerId: number;
  writerName: string;
  /** Who wrote it, in the terms of docs/DOMAIN.md §4.5: US surgeon, other US faculty, surgeon at home, someone else. */
  writerKind: 'us_surgeon' | 'us_faculty' | 'home_surgeon' | 'other';
  /** The writer said yes to "a strong letter for preliminary surgery?" (went through strong confirmed; isConfirmedStrong). */
  confirmedStrong: boolean;
  /** The writer said no or hesitated: the letter is not used. */
  declined: boolean;
  /** Uploaded to the AAMC Letter Writer Portal. */
  uploaded: boolean;
  /** Programs the letter is assigned to in ERAS (through their applications). */
  assignedProgramIds: readonly number[];
}

/** Joins letters, their writers and their assignments (per application) into what the checklist reads. */
export function readinessLetters(
  letters: readonly Letter[],
  writers: readonly LetterWriter[],
  assignments: readonly LetterAssignment[],
  applications: readonly Pick<Application, 'id' | 'programId'>[],
): ReadinessLetter[] {
  const writerById = new Map(writers.map((w) => [w.id, w]));
  const programOf = new Map(applications.map((a) => [a.id, a.programId]));
  return letters.map((l) => {
    const w = writerById.get(l.writerId);
    const writerKind: ReadinessLetter['writerKind'] = !w ? 'other' : w.location === 'us' ? (w.isSurgeon ? 'us_surgeon' : 'us_faculty') : w.isSurgeon ? 'home_surgeon' : 'other';
    const programIds = assignments.filter((a) => a.letterId === l.id).map((a) => programOf.get(a.applicationId)).filter((x): x is number => x !== undefined);
    return {
      id: l.id,
      writerId: l.writerId,
      writerName: (w?.name ?? `Writer ${l.writerId}`) + (l.label ? ` (${l.label})` : ''),
      writerKind,
      confirmedStrong: isConfirmedStrong(l),
      declined: l.stage === 'declined',
      uploaded: l.stage === 'uploaded',
      assignedProgramIds: [...new Set(programIds)],
    };
  });
}

export interface ReadinessInput {
  profile: Profile;
  /** False until the profile was saved once. */
  profileSaved: boolean;
  programs: readonly Program[];
  applications: readonly Application[];
  letters: readonly ReadinessLetter[];
  documents: readonly Pick<DocumentVersion, 'id' | 'kind' | 'title'>[];
  /** The user's ticks for manual items, by item id. */
  ticks: Readonly<Record<string, boolean>>;
  calendar: readonly ResolvedSeasonEvent[];
  /** YYYY-MM-DD in the user's zone. */
  today: string;
}


/** Ids of the items the user ticks (stored by id). */
export const MANUAL_ITEM_IDS = ['eras.cv-ordered', 'eras.additional-info', 'eras.nrmp-registered'] as const;
export type ManualItemId = (typeof MANUAL_ITEM_IDS)[number];

interface Ctx {
  input: ReadinessInput;
  applicant: ApplicantSummary;
  onList: readonly Program[];
  due(eventId: string): string | null;
  /** The season event's date and, for a timed event, its time (Eastern): a due point that keeps the time. */
  dueAt(eventId: string): DuePoint | null;
}

/** A due point: the day (YYYY-MM-DD, Eastern for a timed one) and the time in Eastern time, or null for all day. */
export interface DuePoint {
  date: string;
  time: string | null;
}

type Rule = (ctx: Ctx) => ReadinessItem;

function item(id: string, group: ReadinessGroup, title: string, state: ReadinessState, why: string, next: string, due: string | DuePoint | null, affected: readonly number[] = [], manual = false): ReadinessItem {
  const closed = state === 'done' || state === 'not_applicable';
  const point = closed || due === null ? null : typeof due === 'string' ? { date: due, time: null } : due;
  const base = { id, group, title, state, why, next: closed ? '' : next, dueDate: point?.date ?? null, affectedProgramIds: [...affected], manual };
  return point?.time ? { ...base, dueTime: point.time } : base;
}

function names(programs: readonly Program[], max = 3): string {
  const shown = programs.slice(0, max).map(programLabel).join(', ');
  return programs.length > max ? `${shown} and ${programs.length - max} more` : shown;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

// ---- Profile and exams ----------------------------------------------------

export const profileBasicsRule: Rule = ({ input, due }) => {
  const p = input.profile;
  const missing = [
    p.fullName === '' && 'your name',
    p.medicalSchool === '' && 'your medical school',
    p.graduationYear === null && 'your graduation year',
    p.aamcId === '' && 'your AAMC ID',
  ].filter((x): x is string => typeof x === 'string');
  if (!input.profileSaved) return item('eras.profile', 'profile', 'Profile filled in', 'blocking', 'Your profile has not been saved yet, so nothing below can be checked against it.', 'Fill in the Profile screen and save it.', due('eras-submit-opens'));
  if (missing.length > 0) return item('eras.profile', 'profile', 'Profile filled in', 'needs_action', `Missing: ${missing.join(', ')}.`, 'Complete them on the Profile screen (ERAS needs your AAMC ID).', due('eras-submit-opens'));
  return item('eras.profile', 'profile', 'Profile filled in', 'done', 'Name, medical school, graduation year and AAMC ID are in your profile.', '', null);
};

export const step1Rule: Rule = ({ input, onList, due }) => {
  const p = input.profile;
  const title = 'Step 1 passed';
  if (p.step1Result === 'pass_fail' || p.step1Result === 'numeric') {
    const score = p.step1Result === 'numeric' ? ` with ${p.step1Score}` : ' (pass/fail)';
    return item('eras.step1', 'exams', title, 'done', `Step 1 passed${score}${p.step1Attempts > 1 ? ` after ${p.step1Attempts} attempts` : ''}.`, '', null);
  }
  const why = p.step1Result === 'failed' ? 'Step 1 is not passed yet: ECFMG certification needs it.' : 'Step 1 is not taken yet: ECFMG certification needs it.';
  return item('eras.step1', 'exams', title, 'blocking', why, 'Pass Step 1, then record the result in your profile.', due('eras-submit-opens'), onList.map((x) => x.id));
};

export const step2ckRule: Rule = ({ input, applicant, onList, due }) => {
  const p = input.profile;
  const title = 'Step 2 CK taken and reported before you submit';
  const submit = due('eras-submit-opens');
  if (p.step2ckStatus === 'passed' && p.step2ckScore !== null) {
    const S = THRESHOLDS.scores;
    const trajectory =
      applicant.step1Numeric === null
        ? ''
        : p.step2ckScore - applicant.step1Numeric >= S.trajectoryPoints
          ? ` It is ${p.step2ckScore - applicant.step1Numeric} points above your Step 1: an upward trajectory worth pointing out.`
          : ` It is ${p.step2ckScore - applicant.step1Numeric} points from your Step 1 (${S.trajectoryPoints}+ would show an upward trajectory).`;
    const level = p.step2ckScore < S.step2ck.belowAverage ? ` ${p.step2ckScore} is below the surgical average (${S.step2ck.belowAverage}).` : '';
    return item('eras.step2ck', 'exams', title, 'done', `Step 2 CK passed with ${p.step2ckScore}.${level}${trajectory}`, '', null);
  }
  if (p.step2ckStatus === 'scheduled') {
    const late = submit !== null && p.step2ckDate !== null && p.step2ckDate > submit;
    return item(
      'eras.step2ck',
      'exams',
      title,
      'needs_action',
      `Step 2 CK is scheduled for ${p.step2ckDate}${late ? `, after applications open on ${submit}` : ''}. Programs screen on it, so apply once the score is reported.`,
      late ? 'Plan to submit as soon as the score is out: better to delay slightly than to apply with a poor score.' : 'Sit the exam, then record the score in your profile.',
      p.step2ckDate ?? submit,
    );
  }
  const why = p.step2ckStatus === 'failed' ? 'Step 2 CK is not passed yet: ECFMG certification needs it and programs screen on the score.' : 'Step 2 CK is not taken yet: ECFMG certification needs it and programs screen on the score.';
  return item('eras.step2ck', 'exams', title, 'blocking', why, 'Schedule Step 2 CK and record the date in your profile; apply once the score is reported.', submit, onList.map((x) => x.id));
};

/**
 * The H-1B programs on the list that need Step 3 (docs/DOMAIN.md §4.2 Program screens: "requires H-1B,
 * program offers H-1B, Step 3 not passed" is flagged). An applicant who requires the H-1B
 * needs Step 3 at every H-1B sponsor, the H-1B-only ones and those sponsoring both (they
 * could only take the applicant on a J-1, which the applicant does not accept). One who
 * prefers the H-1B but accepts a J-1 depends on Step 3 only at the H-1B-only programs: the
 * programs sponsoring both can take them on a J-1.
 */
function h1bDependentPrograms(visaNeed: Profile['visaNeed'], onList: readonly Program[]): { h1bOnly: Program[]; both: Program[]; blocked: Program[] } {
  const h1bOnly = onList.filter((x) => x.institution.visaSponsorship === 'h1b');
  const both = onList.filter((x) => x.institution.visaSponsorship === 'both');
  return { h1bOnly, both, blocked: visaNeed === 'h1b_required' ? [...h1bOnly, ...both] : visaNeed === 'either_prefers_h1b' ? h1bOnly : [] };
}

export const step3ForH1bRule: Rule = ({ input, onList, dueAt }) => {
  const p = input.profile;
  const title = 'Step 3 passed for an H-1B';
  if (p.visaNeed !== 'h1b_required' && p.visaNeed !== 'either_prefers_h1b') return item('eras.step3-for-h1b', 'exams', title, 'not_applicable', 'You do not need an H-1B (J-1 or no visa).', '', null);
  if (p.step3Status === 'passed') return item('eras.step3-for-h1b', 'exams', title, 'done', `Step 3 passed${p.step3Score ? ` with ${p.step3Score}` : ''}: an H-1B petition is possible.`, '', null);
  const { h1bOnly, both, blocked } = h1bDependentPrograms(p.visaNeed, onList);
  const status = p.step3Status === 'scheduled' ? `scheduled for ${p.step3Date}` : p.step3Status === 'failed' ? 'not passed' : 'not taken';
  if (p.visaNeed === 'h1b_required') {
    const only = h1bOnly.length > 0 ? ` H-1B-only ${h1bOnly.length === 1 ? 'program' : 'programs'} on your list: ${names(h1bOnly)}.` : '';
    const alsoBoth =
      both.length > 0
        ? ` ${plural(both.length, 'program')} on your list ${both.length === 1 ? 'sponsors' : 'sponsor'} both visas (${names(both)}): they could take you on a J-1, but you require an H-1B, so they need Step 3 too.`
        : '';
    return item('eras.step3-for-h1b', 'exams', title, 'blocking', `You require an H-1B, which needs Step 3 passed before the petition; your Step 3 is ${status}.${only}${alsoBoth}`, 'Pass Step 3 (before the rank order list deadline at the latest), or accept a J-1 to widen your list.', dueAt('rol-deadline'), blocked.map((x) => x.id));
  }
  const viaJ1 = both.length > 0 ? ` ${plural(both.length, 'program')} on your list ${both.length === 1 ? 'sponsors' : 'sponsor'} both visas and can take you on a J-1: ${names(both)}.` : '';
  if (h1bOnly.length > 0) {
    return item('eras.step3-for-h1b', 'exams', title, 'blocking', `You prefer an H-1B and your Step 3 is ${status}. ${plural(h1bOnly.length, 'program')} on your list sponsor the H-1B only: ${names(h1bOnly)}.${viaJ1}`, 'Pass Step 3, or take the H-1B-only programs off your list (a J-1 elsewhere is fine).', dueAt('rol-deadline'), h1bOnly.map((x) => x.id));
  }
  return item('eras.step3-for-h1b', 'exams', title, 'needs_action', `You prefer an H-1B, which needs Step 3 passed; your Step 3 is ${status}. No program on your list sponsors the H-1B only.${viaJ1}`, 'Pass Step 3 if you want the H-1B; otherwise plan for a J-1.', dueAt('rol-deadline'));
};

/** Whether a program's sponsorship fits a visa need (unknown sponsorship is not judged here; the tiers flag it). */
function sponsorsFor(need: Profile['visaNeed'], sponsorship: Program['institution']['visaSponsorship']): boolean {
  if (sponsorship === 'unknown' || need === 'none') return true;
  if (sponsorship === 'none') return false;
  if (need === 'j1') return sponsorship !== 'h1b';
  if (need === 'h1b_required') return sponsorship !== 'j1';
  return true;
}

const VISA_NEED_TEXT: Record<Profile['visaNeed'], string> = { none: 'no visa', j1: 'a J-1', h1b_required: 'an H-1B', either_prefers_h1b: 'a J-1 or an H-1B' };

export const visaSponsorshipRule: Rule = ({ input, onList, due }) => {
  const need = input.profile.visaNeed;
  const title = 'Every program on your list sponsors your visa';
  if (need === 'none') return item('eras.visa-sponsorship', 'list', title, 'not_applicable', 'You do not need a visa.', '', null);
  if (onList.length === 0) return item('eras.visa-sponsorship', 'list', title, 'not_applicable', 'No programs on your list yet.', '', null);
  const misfit = onList.filter((x) => !sponsorsFor(need, x.institution.visaSponsorship));
  if (misfit.length === 0) return item('eras.visa-sponsorship', 'list', title, 'done', `Every program on your list with a known visa policy sponsors ${VISA_NEED_TEXT[need]}.`, '', null);
  return item(
    'eras.visa-sponsorship',
    'list',
    title,
    'needs_action',
    `You need ${VISA_NEED_TEXT[need]}; ${plural(misfit.length, 'program')} on your list ${misfit.length === 1 ? 'does' : 'do'} not sponsor it: ${names(misfit, 5)}.`,
    need === 'h1b_required' ? 'Take them off your list, or accept a J-1 (it widens the pool).' : 'Take them off your list (an application there cannot lead to a position), or check their visa policy.',
    due('eras-submit-opens'),
    misfit.map((x) => x.id),
  );
};

export const step3RecommendedRule: Rule = ({ input, applicant }) => {
  const p = input.profile;
  const title = 'Step 3 passed (recommended with low scores)';
  if (p.visaNeed === 'h1b_required' || p.visaNeed === 'either_prefers_h1b') return item('eras.step3-recommended', 'exams', title, 'not_applicable', 'Covered by "Step 3 passed for an H-1B".', '', null);
  if (p.step3Status === 'passed') return item('eras.step3-recommended', 'exams', title, 'done', 'Step 3 passed: it lowers the risk programs see.', '', null);
  if (applicant.lowScores === null || applicant.step2ck === null) return item('eras.step3-recommended', 'exams', title, 'not_applicable', 'Your scores are not low, so Step 3 is optional.', '', null);
  return item('eras.step3-recommended', 'exams', title, 'needs_action', `Recommended because ${applicant.lowScores}: a Step 3 pass reassures programs.`, 'Consider sitting Step 3 before interviews.', null);
};

export const ecfmgRule: Rule = ({ input, onList, due }) => {
  const p = input.profile;
  const title = 'ECFMG certification clear or in progress';
  if (p.ecfmgStatus === 'certified') return item('eras.ecfmg', 'exams', title, 'done', 'You are ECFMG certified.', '', null);
  if (p.ecfmgStatus === 'in_progress') return item('eras.ecfmg', 'exams', title, 'done', 'ECFMG certification is in progress (exams passed, pathway pending); it must be complete before training starts.', '', null);
  return item('eras.ecfmg', 'exams', title, 'blocking', 'ECFMG certification is not started: programs need to see it clear or in progress, and you cannot start training without it.', 'Open your ECFMG certification application and its Pathway, then update your profile.', due('eras-submit-opens'), onList.map((x) => x.id));
};

export const oetRule: Rule = ({ input, onList, due }) => {
  const p = input.profile;
  const title = 'OET Medicine passed';
  if (ecfmgFacts(p).certified) return item('eras.oet', 'exams', title, 'done', 'You are ECFMG certified, so OET Medicine (the communication part of its Pathway) is passed.', '', null);
  if (p.oetStatus === 'passed') return item('eras.oet', 'exams', title, 'done', 'OET Medicine passed (the communication part of the ECFMG Pathway).', '', null);
  if (p.oetStatus === 'scheduled') return item('eras.oet', 'exams', title, 'needs_action', 'OET Medicine is scheduled: ECFMG certification needs it.', 'Sit the OET, then record the pass in your profile.', due('eras-submit-opens'));
  return item('eras.oet', 'exams', title, 'blocking', `OET Medicine is ${p.oetStatus === 'failed' ? 'not passed yet' : 'not taken'}: ECFMG certification needs it.`, 'Book OET Medicine and record it in your profile.', due('eras-submit-opens'), onList.map((x) => x.id));
};

// ---- Letters ---------------------------------------------------------------

/** The writers of confirmed-strong letters, each once (engine/letters strongWriters), named without the letter label. */
function countingWriters(letters: readonly ReadinessLetter[]): ReadinessLetter[] {
  return strongWriters(letters);
}

function writerNames(letters: readonly ReadinessLetter[]): string {
  return letters.map((l) => l.writerName.replace(/ \(.*\)$/, '')).join(', ');
}

export const usSurgeonLettersRule: Rule = ({ input, due }) => {
  const title = `Strong letters from ${MIN_US_SURGEON_LETTERS} US surgeons who saw your clinical work`;
  const all = input.letters.filter((l) => l.writerKind === 'us_surgeon' && !l.declined);
  const strong = countingWriters(all);
  if (strong.length >= MIN_US_SURGEON_LETTERS) return item('eras.letters-us-surgeons', 'letters', title, 'done', `Confirmed-strong letters from ${plural(strong.length, 'US surgeon')}: ${writerNames(strong)}.`, '', null);
  const unconfirmed = new Set(all.filter((l) => !l.confirmedStrong).map((l) => l.writerId)).size;
  const why = `Confirmed-strong letters from ${plural(strong.length, 'US surgeon')} who saw your clinical work${strong.length > 0 ? ` (${writerNames(strong)})` : ''}${unconfirmed > 0 ? `; ${plural(unconfirmed, 'more writer')} not confirmed as strong, which do not count` : ''}. You need ${MIN_US_SURGEON_LETTERS} different surgeons (two letters from one writer count once).`;
  return item('eras.letters-us-surgeons', 'letters', title, 'needs_action', why, 'Ask US surgeons you worked with: "Can you write me a strong letter for preliminary surgery?"', due('eras-submit-opens'));
};

export const thirdLetterRule: Rule = ({ input, due }) => {
  const title = `Strong letters from at least ${MIN_LETTERS_PER_APPLICATION} writers`;
  const strong = countingWriters(input.letters);
  if (strong.length >= MIN_LETTERS_PER_APPLICATION) return item('eras.letters-total', 'letters', title, 'done', `Confirmed-strong letters from ${plural(strong.length, 'writer')}.`, '', null);
  return item('eras.letters-total', 'letters', title, 'needs_action', `Confirmed-strong letters from ${plural(strong.length, 'writer')} so far; you need ${MIN_LETTERS_PER_APPLICATION} (the third from US faculty of any specialty or a senior surgeon at home).`, 'Ask one more writer, and ask each "strong letter for preliminary surgery?"; only confirmed-strong letters count.', due('eras-submit-opens'));
};

export const lettersAskedStrongRule: Rule = ({ input, due }) => {
  const title = 'Every writer asked for a strong letter for preliminary surgery';
  if (input.letters.length === 0) return item('eras.letters-confirmed', 'letters', title, 'not_applicable', 'No letters recorded yet.', '', null);
  const open = input.letters.filter((l) => !l.confirmedStrong && !l.declined);
  const declined = input.letters.filter((l) => l.declined);
  const declinedText = declined.length > 0 ? ` Not used (declined or hesitated): ${declined.map((l) => l.writerName).join(', ')}.` : '';
  if (open.length === 0) return item('eras.letters-confirmed', 'letters', title, 'done', `Every writer you use confirmed a strong letter.${declinedText}`, '', null);
  return item('eras.letters-confirmed', 'letters', title, 'needs_action', `Not confirmed as strong yet: ${open.map((l) => l.writerName).join(', ')}. Letters that are not confirmed strong do not count.${declinedText}`, 'Ask each of them plainly, and replace any who hesitate.', due('eras-submit-opens'));
};

export const lettersUploadedRule: Rule = ({ input, due }) => {
  const title = 'Letters uploaded to the Letter Writer Portal';
  const strong = input.letters.filter((l) => l.confirmedStrong && !l.declined);
  if (strong.length === 0) return item('eras.letters-uploaded', 'letters', title, 'not_applicable', 'No confirmed-strong letters yet.', '', null);
  const missing = strong.filter((l) => !l.uploaded);
  if (missing.length === 0) return item('eras.letters-uploaded', 'letters', title, 'done', strong.length === 1 ? 'Your confirmed-strong letter is uploaded.' : `All ${strong.length} confirmed-strong letters are uploaded.`, '', null);
  return item('eras.letters-uploaded', 'letters', title, 'needs_action', `Not uploaded yet: ${missing.map((l) => l.writerName).join(', ')}.`, 'Send each writer their Letter Writer Portal request and follow up politely.', due('programs-review'));
};

export const lettersAssignedRule: Rule = ({ input, onList, due }) => {
  const title = `Letters assigned to every program (at most ${MAX_LETTERS_PER_PROGRAM} each)`;
  if (onList.length === 0) return item('eras.letters-assigned', 'letters', title, 'not_applicable', 'No programs on your list yet.', '', null);
  const perProgram = new Map<number, number>();
  for (const l of input.letters) for (const id of new Set(l.assignedProgramIds)) perProgram.set(id, (perProgram.get(id) ?? 0) + 1);
  const tooMany = onList.filter((x) => (perProgram.get(x.id) ?? 0) > MAX_LETTERS_PER_PROGRAM);
  if (tooMany.length > 0) return item('eras.letters-assigned', 'letters', title, 'blocking', `More than ${MAX_LETTERS_PER_PROGRAM} letters assigned to ${names(tooMany)}: ERAS allows ${MAX_LETTERS_PER_PROGRAM} per program.`, `Unassign letters until each has ${MAX_LETTERS_PER_PROGRAM} at most.`, due('eras-submit-opens'), tooMany.map((x) => x.id));
  const none = onList.filter((x) => (perProgram.get(x.id) ?? 0) === 0);
  if (none.length > 0) return item('eras.letters-assigned', 'letters', title, 'needs_action', `${plural(none.length, 'program')} on your list ${none.length === 1 ? 'has' : 'have'} no letter assigned: ${names(none)}.`, 'Assign your strongest letters to each program before you apply (you can add letters later, but not remove one once you applied).', due('eras-submit-opens'), none.map((x) => x.id));
  return item('eras.letters-assigned', 'letters', title, 'done', `Every program on your list has 1–${MAX_LETTERS_PER_PROGRAM} letters assigned.`, '', null);
};

// ---- Documents -------------------------------------------------------------

export const personalStatementRule: Rule = ({ input, due }) => {
  const title = 'Personal statement tailored to surgery';
  const ps = input.documents.filter((d) => d.kind === 'personal_statement_surgery');
  if (ps.length > 0) return item('eras.ps-surgery', 'documents', title, 'done', `Recorded in Documents: ${ps.map((d) => d.title).join(', ')}.`, '', null);
  return item('eras.ps-surgery', 'documents', title, 'needs_action', 'No surgery personal statement recorded in Documents yet.', 'Write a statement tailored to surgery and add it under Documents.', due('eras-submit-opens'));
};

export const prelimStatementRule: Rule = ({ input, onList, due }) => {
  const title = 'Preliminary-track personal statement';
  const prelims = onList.filter((x) => x.track === 'preliminary');
  if (onList.length > 0 && prelims.length === 0) return item('eras.ps-prelim', 'documents', title, 'not_applicable', 'No preliminary programs on your list.', '', null);
  const ps = input.documents.filter((d) => d.kind === 'personal_statement_prelim');
  if (ps.length > 0) return item('eras.ps-prelim', 'documents', title, 'done', `Recorded in Documents: ${ps.map((d) => d.title).join(', ')}.`, '', null);
  return item('eras.ps-prelim', 'documents', title, 'needs_action', 'No preliminary-track version yet: prelim programs want to hear why a prelim year.', 'Write a version for preliminary programs, add it under Documents and assign it to them.', due('eras-submit-opens'), prelims.map((x) => x.id));
};

export const cvRule: Rule = ({ input, due }) => {
  const title = 'CV with the strongest items first';
  const p = input.profile;
  const ticked = input.ticks['eras.cv-ordered'] === true;
  const listed = [`${p.usce.length} USCE`, `${p.leadershipCount} leadership`, `${p.teachingCount} teaching`, `${p.researchCount} research`].join(', ');
  const hasCv = input.documents.some((d) => d.kind === 'cv');
  if (ticked) return item('eras.cv-ordered', 'documents', title, 'done', `You checked it (profile lists ${listed}).`, '', null, [], true);
  return item('eras.cv-ordered', 'documents', title, 'needs_action', `Only you can judge the order. Your profile lists ${listed} items.${hasCv ? '' : ' No CV recorded in Documents yet.'}`, 'Put USCE and the most relevant items first; list leadership, teaching, QI and research. Tick when done.', due('eras-submit-opens'), [], true);
};

export const additionalInfoRule: Rule = ({ input, applicant, due }) => {
  const title = 'ERAS "Additional Information" written';
  const ticked = input.ticks['eras.additional-info'] === true;
  if (ticked) return item('eras.additional-info', 'documents', title, 'done', 'You checked it.', '', null, [], true);
  const recorded = input.documents.filter((d) => d.kind === 'additional_information');
  if (recorded.length > 0) return item('eras.additional-info', 'documents', title, 'done', `Recorded in Documents: ${recorded.map((d) => d.title).join(', ')}.`, '', null, [], true);
  if (applicant.hasFailure) {
    return item('eras.additional-info', 'documents', title, 'needs_action', `You have ${applicant.failureText}: explain it there (ownership, reflection, evidence of improvement).`, 'Write the Additional Information section, then tick it.', due('eras-submit-opens'), [], true);
  }
  const years = applicant.yearsSinceGraduation;
  const gap = THRESHOLDS.gap.yearsSinceGraduation;
  if (years !== null && years > gap) {
    return item('eras.additional-info', 'documents', title, 'needs_action', `You graduated ${years} years ago (more than ${gap}): explain the gap there (what you did since: clinical work, research, USCE, exams).`, 'Write the Additional Information section, then tick it.', due('eras-submit-opens'), [], true);
  }
  return item('eras.additional-info', 'documents', title, 'not_applicable', `No exam failure in your profile${years === null ? '' : ` and you graduated ${years} ${years === 1 ? 'year' : 'years'} ago`}. Write it if you have a gap or disruption in training, then tick it.`, '', null, [], true);
};

// ---- List and applications -------------------------------------------------

export const listSizeRule: Rule = ({ onList, due }) => {
  const min = THRESHOLDS.list.targetMin;
  const title = `${min}+ programs on your list`;
  if (onList.length >= min) return item('eras.list-size', 'list', title, 'done', `${onList.length} programs on your list.`, '', null);
  return item('eras.list-size', 'list', title, 'needs_action', `${onList.length} programs on your list; a non-US IMG with low scores should apply to ${min}–${THRESHOLDS.list.targetMax}+.`, 'Add programs from the Programs screen (Tier 2 and Tier 3 first).', due('eras-submit-opens'));
};

export const submittedRule: Rule = ({ input, onList, due }) => {
  const title = 'Applications submitted early';
  const submittedIds = new Set(input.applications.filter((a) => SUBMITTED_STATUSES.has(a.status) || a.submittedOn !== null).map((a) => a.programId));
  const pending = onList.filter((x) => !submittedIds.has(x.id));
  const submitDate = due('eras-submit-opens');
  const reviewDate = due('programs-review');
  if (onList.length === 0) return item('eras.submitted', 'applications', title, 'not_applicable', 'No programs on your list yet.', '', null);
  if (pending.length === 0) return item('eras.submitted', 'applications', title, 'done', `Submitted to all ${plural(onList.length, 'program')} on your list.`, '', null);
  const step2In = input.profile.step2ckStatus === 'passed';
  const open = submitDate !== null && input.today >= submitDate;
  const late = reviewDate !== null && input.today >= reviewDate;
  const why = `${plural(pending.length, 'program')} on your list not submitted yet${!step2In ? '; submit once your Step 2 CK is in' : ''}.${late ? ' Programs are already reviewing: late applications are an easy rejection.' : ''}`;
  return item('eras.submitted', 'applications', title, late && step2In ? 'blocking' : 'needs_action', why, open && step2In ? 'Submit now, as complete as possible.' : 'Get everything ready to submit on the first day.', reviewDate ?? submitDate, pending.map((x) => x.id));
};

export const nrmpRegisteredRule: Rule = ({ input, due }) => {
  const title = 'Registered for the NRMP Match';
  if (input.ticks['eras.nrmp-registered'] === true) return item('eras.nrmp-registered', 'applications', title, 'done', 'You checked it.', '', null, [], true);
  return item('eras.nrmp-registered', 'applications', title, 'needs_action', 'ERAS and the NRMP are separate: you must register for the Match too (SOAP also needs it).', 'Register on the NRMP site before the standard deadline, then tick it.', due('nrmp-registration-deadline'), [], true);
};

export const READINESS_RULES: readonly Rule[] = [
  profileBasicsRule,
  step1Rule,
  step2ckRule,
  ecfmgRule,
  oetRule,
  step3ForH1bRule,
  step3RecommendedRule,
  usSurgeonLettersRule,
  thirdLetterRule,
  lettersAskedStrongRule,
  lettersUploadedRule,
  lettersAssignedRule,
  personalStatementRule,
  prelimStatementRule,
  cvRule,
  additionalInfoRule,
  listSizeRule,
  visaSponsorshipRule,
  submittedRule,
  nrmpRegisteredRule,
];

export interface ReadinessProgress {
  done: number;
  needsAction: number;
  blocking: number;
  notApplicable: number;
  /** Items that count (all but not applicable). */
  applicable: number;
  /** 0–100, done of applicable. */
  percent: number;
}

export function readinessProgress(items: readonly ReadinessItem[]): ReadinessProgress {
  const count = (s: ReadinessState) => items.filter((i) => i.state === s).length;
  const done = count('done');
  const notApplicable = count('not_applicable');
  const applicable = items.length - notApplicable;
  return { done, needsAction: count('needs_action'), blocking: count('blocking'), notApplicable, applicable, percent: applicable === 0 ? 100 : Math.round((done / applicable) * 100) };
}

/** Progress of the ERAS items only (the SOAP plan's items, group "soap", have their own). */
export function erasProgress(items: readonly ReadinessItem[]): ReadinessProgress {
  return readinessProgress(items.filter((i) => i.group !== 'soap'));
}

/** Progress of the SOAP plan's items, or null when there are none or SOAP does not apply (matched: nothing to count). */
export function soapProgress(items: readonly ReadinessItem[]): ReadinessProgress | null {
  const soap = items.filter((i) => i.group === 'soap');
  return soap.length === 0 || soap.some((i) => i.id === SOAP_NOT_APPLICABLE_ID) ? null : readinessProgress(soap);
}

export function readinessChecklist(input: ReadinessInput): ReadinessItem[] {
  const applicant = summarizeApplicant(input.profile, input.today);
  const byId = new Map(input.calendar.map((e) => [e.id, e]));
  const ctx: Ctx = {
    input,
    applicant,
    onList: input.programs.filter((x) => x.onList),
    due: (id) => byId.get(id)?.date ?? null,
    dueAt: (id) => {
      const e = byId.get(id);
      return e ? { date: e.date, time: e.time } : null;
    },
  };
  return READINESS_RULES.map((rule) => rule(ctx));
}

/**
 * How an item's due point reads for the user, in their zone: the day, the time (for a timed
 * item, in the user's zone and in Eastern time), the calendar days left and whether it is
 * overdue. A timed item is overdue once its instant passed (9 pm ET is 6 pm in Los Angeles);
 * an all-day one from the next day on.
 */
export function readinessDue(item: Pick<ReadinessItem, 'dueDate' | 'dueTime'>, now: Date, zone: string): { date: string; time: string | null; days: number; overdue: boolean } | null {
  if (item.dueDate === null) return null;
  const point = { date: item.dueDate, time: item.dueTime ?? null, timeZone: item.dueTime ? EASTERN : null };
  const instant = instantOfPoint(point);
  return {
    date: userDateOf(point, zone),
    time: instant === null ? null : `${formatInstant(instant, zone)}${zone === EASTERN ? '' : ` (${easternTime(instant)})`}`,
    days: daysLeft(point, now, zone),
    overdue: isPast(point, now, zone),
  };
}
