// What the engine needs to know about the applicant, computed once per profile (not once
// per program): scores, failures, USCE, visa need, the strength part of the fit score and
// the reasons that explain it. Also the engine's notion of "today".
import type { Profile, Step1ResultKind, VisaNeed } from '../domain/profile';
import { THRESHOLDS } from './thresholds';
import type { TierReason } from './types';
import type { CensusDivision } from '../domain/census-divisions';

const S = THRESHOLDS.scores;
const W = THRESHOLDS.fit.applicant;

/** Today's date: a Date (read in local time) or an ISO date string "YYYY-MM-DD[...]". */
export type TodayInput = Date | string;

export interface EngineDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** Days since 1970-01-01 (UTC calendar), for date differences. */
  dayNumber: number;
}

const MS_PER_DAY = 86_400_000;

function parseIsoDay(s: string): EngineDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day, dayNumber: Math.floor(ms / MS_PER_DAY) };
}

export function toEngineDate(today: TodayInput): EngineDate {
  if (typeof today === 'string') {
    const d = parseIsoDay(today);
    if (!d) throw new RangeError(`"${today}" is not a date like 2026-09-15.`);
    return d;
  }
  if (Number.isNaN(today.getTime())) throw new RangeError('Invalid date.');
  const year = today.getFullYear();
  const month = today.getMonth() + 1;
  const day = today.getDate();
  return { year, month, day, dayNumber: Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY) };
}

/** Days since 1970-01-01 of an ISO date "YYYY-MM-DD", or null if it is not one. */
export function isoDayNumber(s: string): number | null {
  return parseIsoDay(s)?.dayNumber ?? null;
}

/** The most recent Match whose results are known on `date` (Match Day is in mid-March). */
export function lastMatchYear(date: EngineDate): number {
  const from = THRESHOLDS.unfilled.matchResultsKnownFrom;
  const after = date.month > from.month || (date.month === from.month && date.day >= from.day);
  return after ? date.year : date.year - 1;
}

export interface ApplicantSummary {
  today: EngineDate;
  /** The last of the Matches considered for unfilled history, and the first. */
  lastMatchYear: number;
  firstMatchYear: number;
  visaNeed: VisaNeed;
  needsVisa: boolean;
  /** Step 2 CK score if there is one (passed, or a failed attempt with a score). */
  step2ck: number | null;
  step1Kind: Step1ResultKind;
  step1Numeric: number | null;
  hasFailure: boolean;
  /** Plain words for the failures, e.g. "2 attempts at Step 1". */
  failureText: string;
  anyExamTaken: boolean;
  step3Passed: boolean;
  usceWeeks: number;
  surgicalHandsOnWeeks: number;
  graduationYear: number | null;
  yearsSinceGraduation: number | null;
  /**
   * Why the applicant counts as having low scores for categorical surgery (Step 2 CK not in
   * or below average, numeric Step 1 low, or a failure), or null when not.
   */
  lowScores: string | null;
  /** Applicant part of the fit score, capped at ±THRESHOLDS.fit.applicantCap. */
  strength: number;
  /** Confidence lost for unknowns on the applicant's side (e.g. Step 2 CK not in yet). */
  confidencePenalty: number;
  /** Reasons explaining `strength`; shared by every program's result (read-only). */
  reasons: readonly TierReason[];
  /** The ERAS geographic preference: programs in these divisions get a small plus (docs/DOMAIN.md §7). */
  geoDivisions: readonly CensusDivision[];
}

/** What the applicant chose for the season beyond the profile (ERAS geographic preference). */
export interface SeasonChoices {
  geoDivisions?: readonly CensusDivision[];
}

function failureParts(p: Profile): string[] {
  const parts: string[] = [];
  if (p.step1Result === 'failed') parts.push(p.step1Attempts > 1 ? `Step 1 not passed after ${p.step1Attempts} attempts` : 'Step 1 not passed yet');
  else if (p.step1Attempts > 1) parts.push(`${p.step1Attempts} attempts at Step 1`);
  if (p.step2ckStatus === 'failed') parts.push(p.step2ckAttempts > 1 ? `Step 2 CK not passed after ${p.step2ckAttempts} attempts` : 'a failed Step 2 CK');
  else if (p.step2ckAttempts > 1) parts.push(`${p.step2ckAttempts} attempts at Step 2 CK`);
  if (p.step3Status === 'failed') parts.push('a failed Step 3');
  return parts;
}

export function summarizeApplicant(profile: Profile, today: TodayInput, season: SeasonChoices = {}): ApplicantSummary {
  const date = toEngineDate(today);
  const last = lastMatchYear(date);
  const reasons: TierReason[] = [];
  let strength = 0;
  let confidencePenalty = 0;

  const step2ck = profile.step2ckStatus === 'passed' || profile.step2ckStatus === 'failed' ? profile.step2ckScore : null;
  const step1Numeric = profile.step1Result === 'numeric' ? profile.step1Score : null;

  // Step 2 CK (docs/DOMAIN.md §4.1 Scores: strong > 245, below average < 230).
  if (step2ck === null) {
    confidencePenalty += THRESHOLDS.confidence.penalties.applicantStep2ckPending;
    const when = profile.step2ckStatus === 'scheduled' && profile.step2ckDate ? `scheduled for ${profile.step2ckDate}` : profile.step2ckStatus === 'failed' ? 'not passed yet' : 'not taken yet';
    reasons.push({ rule: 'applicant_step2ck', effect: 'unknown', text: `Your Step 2 CK is ${when}: programs screen on it, so tiers will move once the score is in` });
  } else if (step2ck > S.step2ck.strong) {
    strength += W.step2ckStrong;
    reasons.push({ rule: 'applicant_step2ck', effect: 'positive', text: `Your Step 2 CK ${step2ck} is strong for surgery (above ${S.step2ck.strong})` });
  } else if (step2ck >= S.step2ck.belowAverage) {
    strength += W.step2ckAverage;
    reasons.push({ rule: 'applicant_step2ck', effect: 'positive', text: `Your Step 2 CK ${step2ck} is not below the surgical average (below ${S.step2ck.belowAverage} counts as below average)` });
  } else if (step2ck >= S.step2ck.passing) {
    strength += W.step2ckBelowAverage;
    reasons.push({ rule: 'applicant_step2ck', effect: 'negative', text: `Your Step 2 CK ${step2ck} is below the surgical average (below ${S.step2ck.belowAverage})` });
  } else {
    strength += W.step2ckBelowPassing;
    reasons.push({ rule: 'applicant_step2ck', effect: 'negative', text: `Your Step 2 CK ${step2ck} is below the passing line ${S.step2ck.passing}` });
  }

  // Step 1 (docs/DOMAIN.md §4.1 Scores: competitive > 235–240, low < 220, significant concern < 210).
  if (step1Numeric !== null) {
    if (step1Numeric > S.step1.competitive) {
      strength += W.step1Competitive;
      reasons.push({ rule: 'applicant_step1', effect: 'positive', text: `Your Step 1 ${step1Numeric} is competitive for surgery (above ${S.step1.competitive}–${S.step1.competitiveUpper})` });
    } else if (step1Numeric < S.step1.significantConcern) {
      strength += W.step1SignificantConcern;
      reasons.push({ rule: 'applicant_step1', effect: 'negative', text: `Your Step 1 ${step1Numeric} is a significant concern for surgery (below ${S.step1.significantConcern})` });
    } else if (step1Numeric < S.step1.low) {
      strength += W.step1Low;
      reasons.push({ rule: 'applicant_step1', effect: 'negative', text: `Your Step 1 ${step1Numeric} is low for surgery (below ${S.step1.low}; below ${S.step1.significantConcern} is a significant concern)` });
    } else {
      reasons.push({ rule: 'applicant_step1', effect: 'neutral', text: `Your Step 1 ${step1Numeric} is in the usual range (${S.step1.low}–${S.step1.competitive})` });
    }
  } else if (profile.step1Result === 'pass_fail') {
    reasons.push({ rule: 'applicant_step1', effect: 'neutral', text: 'Your Step 1 is pass/fail: programs weigh Step 2 CK instead' });
  } else if (profile.step1Result === 'failed') {
    reasons.push({ rule: 'applicant_step1', effect: 'negative', text: 'Your Step 1 is not passed yet: ECFMG certification needs it' });
  } else {
    reasons.push({ rule: 'applicant_step1', effect: 'unknown', text: 'Your Step 1 is not taken yet' });
  }

  // Trajectory (docs/DOMAIN.md §4.1 Scores: Step 2 CK 15–20+ points above a numeric Step 1).
  if (step1Numeric !== null && step2ck !== null) {
    const diff = step2ck - step1Numeric;
    if (diff >= S.trajectoryPoints) {
      strength += W.trajectory;
      reasons.push({ rule: 'trajectory', effect: 'positive', text: `Your Step 2 CK is ${diff} points above your Step 1: an upward trajectory (${S.trajectoryPoints}+ points)` });
    } else if (diff >= 0) {
      reasons.push({ rule: 'trajectory', effect: 'neutral', text: `Your Step 2 CK is ${diff} points above your Step 1; ${S.trajectoryPoints}+ points would show an upward trajectory` });
    } else {
      reasons.push({ rule: 'trajectory', effect: 'negative', text: `Your Step 2 CK is ${-diff} points below your Step 1: no upward trajectory` });
    }
  }

  // Attempts (docs/DOMAIN.md §4.1 Scores: first-attempt passes matter more than the score; any failure is a major screen).
  const failures = failureParts(profile);
  const hasFailure = failures.length > 0;
  const failureText = failures.join(', ');
  const anyExamTaken = profile.step1Result !== 'not_taken' || profile.step2ckStatus === 'passed' || profile.step2ckStatus === 'failed' || profile.step3Status === 'passed' || profile.step3Status === 'failed';
  if (hasFailure) {
    strength += W.failure;
    reasons.push({ rule: 'attempts', effect: 'negative', text: `You have ${failureText}: any failure is a major screen` });
  } else if (anyExamTaken) {
    strength += W.firstAttemptPasses;
    reasons.push({ rule: 'attempts', effect: 'positive', text: 'Every USMLE exam you took was passed on the first attempt' });
  }

  // Step 3 (docs/DOMAIN.md §4.1 Scores: lowers perceived risk; required for H-1B).
  const step3Passed = profile.step3Status === 'passed';
  // (Step 3 missing for an H-1B is said per program, where the program offers the H-1B.)
  if (step3Passed) {
    strength += W.step3Passed;
    reasons.push({ rule: 'step3', effect: 'positive', text: 'Step 3 passed: lowers perceived risk and makes H-1B possible' });
  }

  // USCE (seed: hands-on surgical USCE is weighted highest; "even short (4–8 week) experiences").
  let usceWeeks = 0;
  let handsOnWeeks = 0;
  let surgicalHandsOnWeeks = 0;
  for (const e of profile.usce) {
    usceWeeks += e.weeks;
    if (e.handsOn) {
      handsOnWeeks += e.weeks;
      if (e.surgical) surgicalHandsOnWeeks += e.weeks;
    }
  }
  const U = THRESHOLDS.usce;
  if (surgicalHandsOnWeeks >= U.surgicalHandsOnGoodWeeks) {
    strength += W.surgicalUsceGood;
    reasons.push({ rule: 'applicant_usce', effect: 'positive', text: `${surgicalHandsOnWeeks} weeks of hands-on surgical USCE (${U.surgicalHandsOnGoodWeeks}+ is solid)` });
  } else if (surgicalHandsOnWeeks >= U.surgicalHandsOnSomeWeeks) {
    strength += W.surgicalUsceSome;
    reasons.push({ rule: 'applicant_usce', effect: 'positive', text: `${surgicalHandsOnWeeks} weeks of hands-on surgical USCE (${U.surgicalHandsOnGoodWeeks}+ would be solid)` });
  } else if (handsOnWeeks === 0) {
    strength += W.noHandsOnUsce;
    reasons.push({ rule: 'applicant_usce', effect: 'negative', text: usceWeeks > 0 ? `Your ${usceWeeks} weeks of USCE are observerships only: hands-on surgical USCE weighs most` : 'No US clinical experience yet: hands-on surgical USCE weighs most' });
  } else {
    reasons.push({ rule: 'applicant_usce', effect: 'neutral', text: `${handsOnWeeks} weeks of hands-on USCE, ${surgicalHandsOnWeeks} of them surgical: surgical hands-on USCE weighs most` });
  }

  const cap = THRESHOLDS.fit.applicantCap;
  strength = Math.max(-cap, Math.min(cap, strength));
  for (const r of reasons) Object.freeze(r);

  const lowScores =
    step2ck === null
      ? 'your Step 2 CK is not in yet'
      : step2ck < S.step2ck.belowAverage
        ? `your Step 2 CK ${step2ck} is below average`
        : step1Numeric !== null && step1Numeric < S.step1.low
          ? `your Step 1 ${step1Numeric} is low`
          : hasFailure
            ? `you have ${failureText}`
            : null;

  const needsVisa = profile.visaNeed !== 'none';
  const graduationYear = profile.graduationYear;
  return {
    today: date,
    lastMatchYear: last,
    firstMatchYear: last - THRESHOLDS.unfilled.matchesConsidered + 1,
    visaNeed: profile.visaNeed,
    needsVisa,
    step2ck,
    step1Kind: profile.step1Result,
    step1Numeric,
    hasFailure,
    failureText,
    anyExamTaken,
    step3Passed,
    usceWeeks,
    surgicalHandsOnWeeks,
    graduationYear,
    yearsSinceGraduation: graduationYear === null ? null : date.year - graduationYear,
    lowScores,
    strength,
    confidencePenalty,
    reasons: Object.freeze(reasons),
    geoDivisions: season.geoDivisions ?? [],
  };
}

/**
 * ECFMG certification and its parts (docs/DOMAIN.md §2 "ECFMG certification"), the one answer
 * every rule reads: a certified applicant has passed Step 1, Step 2 CK and the Pathway's
 * OET Medicine, whatever the separate fields still say.
 */
export interface EcfmgFacts {
  certified: boolean;
  inProgress: boolean;
  step1Passed: boolean;
  step2ckPassed: boolean;
  oetPassed: boolean;
  /** The exams certification needs (Step 1, Step 2 CK, OET Medicine) are all passed. */
  examsPassed: boolean;
}

export function ecfmgFacts(p: Pick<Profile, 'ecfmgStatus' | 'step1Result' | 'step2ckStatus' | 'oetStatus'>): EcfmgFacts {
  const certified = p.ecfmgStatus === 'certified';
  const step1Passed = certified || p.step1Result === 'pass_fail' || p.step1Result === 'numeric';
  const step2ckPassed = certified || p.step2ckStatus === 'passed';
  const oetPassed = certified || p.oetStatus === 'passed';
  return { certified, inProgress: p.ecfmgStatus === 'in_progress', step1Passed, step2ckPassed, oetPassed, examsPassed: step1Passed && step2ckPassed && oetPassed };
}
