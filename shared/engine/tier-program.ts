/**
 * Program tiers (docs/DOMAIN.md §4). Pure and deterministic: program + profile + today in,
 * a TierResult out, every step explained in `reasons`.
 *
 * How a program is tiered:
 *
 * 1. Hard screens ("Program screens"), all checked, each failing one recorded in
 *    `exclusions`; any failure makes the outcome 'excluded':
 *    - the applicant needs a visa and the program sponsors none;
 *    - visa type: H-1B required vs J-1 only, or J-1 planned vs H-1B only
 *      ('either_prefers_h1b' accepts both; 'none' needs nothing). H-1B required/used with
 *      Step 3 not passed is a flag (`h1b_needs_step3`), never an exclusion;
 *    - Step 2 CK / numeric Step 1 below a *strict* minimum (below a *preference* is a
 *      fit penalty instead);
 *    - first-attempt passes required and the applicant has a failure;
 *    - more years since graduation (today's year minus graduation year) than allowed;
 *    - USCE (N months ≈ N × 4 weeks) required and the applicant has less.
 *    Unknown data never excludes: it lowers `confidence` and adds an 'unknown' reason
 *    (visa unknown, Step 2 CK not in yet, pass/fail Step 1 vs a numeric minimum, ...).
 * 2. Fit score 0–100 = base + applicant strength (scores vs the seed's thresholds,
 *    first-attempt passes, Step 2 CK trajectory over a numeric Step 1, Step 3, hands-on
 *    surgical USCE; capped) + program signals (setting, IMG share, non-US IMG residents,
 *    J-1 sponsorship, Midwest/South, unfilled Matches, score margins, track, internal
 *    connection, large prelim class). Weights: THRESHOLDS.fit.
 * 3. Tier, first rule that applies:
 *    - Long shot: top academic or research-heavy, unless internal connection (then at
 *      most Tier 1).
 *    - Categorical track: long shot below fit 50; Tier 2 only if very IMG-friendly
 *      (IMG share ≥ 20 % and non-US IMG residents), the applicant's scores are not low
 *      (Step 2 CK in and ≥ 230, numeric Step 1 ≥ 220, no failure), fit ≥ 70 and no reach
 *      marker; otherwise Tier 1 ("realistic categorical positions"). Never Tier 3.
 *    - Prelim with fit < 30: long shot.
 *    - Tier 3 (safety): prelim, flexible on scores (no minimum, preference only, or the
 *      applicant ≥ 10 above it), not IMG-averse (IMG-averse = IMG share < 10 % or no
 *      non-US IMG residents), and unfilled in ≥ 2 of the last 4 Matches — or in ≥ 1 with
 *      a large prelim class (≥ 6 positions: heavy service needs).
 *    - Tier 1 (reach): any reach marker — below a preference minimum, less than 5 above a
 *      strict minimum, IMG-averse — or fit < 55.
 *    The "last 4 Matches" end at the latest Match Day before today (22 March).
 *    - Tier 2 (core): everything else.
 * Numbers live in ./thresholds with their sources.
 */
import type { Profile } from '../domain/profile';
import type { Program } from '../domain/program';
import { censusRegionOf } from '../domain/us-states';
import { isoDayNumber, summarizeApplicant, type ApplicantSummary, type SeasonChoices, type TodayInput } from './applicant';
import { GEO_PREFERENCE_PLUS, geoPreferenceReason, preferredDivisionOf } from './geo-preference';
import { THRESHOLDS } from './thresholds';
import { TIER_LABELS, type ConfidenceLevel, type TierExclusion, type TierFlag, type TierOutcome, type TierReason, type TierResult } from './types';

const P = THRESHOLDS.fit.program;
const C = THRESHOLDS.confidence.penalties;
const CUT = THRESHOLDS.cutoffs;
const TIERS = THRESHOLDS.tiers;
const IMG = THRESHOLDS.img;
const N_MATCHES = THRESHOLDS.unfilled.matchesConsidered;

// Reasons and flags are plain frozen objects. Those that do not depend on the program's
// numbers are built once here, and the others are memoized (per applicant where they
// name the applicant's scores), so tiering thousands of programs allocates little.
const freeze = <T extends object>(o: T): T => Object.freeze(o);
const reason = (rule: TierReason['rule'], effect: TierReason['effect'], text: string): TierReason => freeze({ rule, effect, text });

const FLAG = {
  h1bStep3: freeze<TierFlag>({ code: 'h1b_needs_step3', text: 'H-1B needs Step 3 passed before the petition' }),
  visaUnknown: freeze<TierFlag>({ code: 'visa_unknown', text: 'Check whether this program sponsors your visa' }),
  step2ckPending: freeze<TierFlag>({ code: 'step2ck_pending', text: 'Step 2 CK minimum cannot be checked until your score is in' }),
  step1PassFail: freeze<TierFlag>({ code: 'step1_pass_fail_unknown', text: 'Ask how they treat a pass/fail Step 1 against their Step 1 minimum' }),
  firstAttempt: freeze<TierFlag>({ code: 'first_attempt_policy_unknown', text: 'Check whether they accept applicants with a failed attempt' }),
};

const EXCLUDE = {
  noVisa: freeze<TierExclusion>({ screen: 'no_visa_sponsorship', text: 'Sponsors no visa; you need one' }),
  j1OnlyForH1b: freeze<TierExclusion>({ screen: 'visa_type_mismatch', text: 'Sponsors J-1 only; you require an H-1B' }),
  h1bOnlyForJ1: freeze<TierExclusion>({ screen: 'visa_type_mismatch', text: 'Sponsors H-1B only; you plan on a J-1 (choose "Either" as visa need if you could take an H-1B)' }),
  noUsce: freeze<TierExclusion>({ screen: 'usce_required', text: 'Requires US clinical experience; you have none' }),
};

const exclusionReason = (x: TierExclusion): TierReason => reason(x.screen, 'exclude', x.text);

const R = {
  visaUnknown: reason('visa', 'unknown', 'Visa sponsorship unknown; you need a visa (unknown data never excludes: check the website or FREIDA)'),
  noVisa: exclusionReason(EXCLUDE.noVisa),
  j1OnlyForH1b: exclusionReason(EXCLUDE.j1OnlyForH1b),
  h1bOnlyForJ1: exclusionReason(EXCLUDE.h1bOnlyForJ1),
  h1bBothForH1b: reason('visa', 'positive', 'Sponsors H-1B (and J-1); you require an H-1B'),
  h1bForH1b: reason('visa', 'positive', 'Sponsors H-1B; you require an H-1B'),
  h1bNeedsStep3: reason('step3', 'negative', 'H-1B needs Step 3 passed before the petition; yours is not passed yet'),
  j1BothForJ1: reason('visa', 'positive', 'Sponsors J-1 (and H-1B); you need a J-1'),
  j1ForJ1: reason('visa', 'positive', 'Sponsors J-1; you need a J-1'),
  h1bOnlyForEither: reason('visa', 'positive', 'Sponsors H-1B only; you accept an H-1B'),
  bothForEitherStep3: reason('visa', 'positive', 'Sponsors J-1 and H-1B: your preferred H-1B is possible'),
  bothForEither: reason('visa', 'positive', 'Sponsors J-1 and H-1B: H-1B once Step 3 is passed, J-1 otherwise'),
  j1OnlyForEither: reason('visa', 'positive', 'Sponsors J-1 only; you accept a J-1 (you prefer H-1B)'),
  noStep2ckMin: reason('step2ck_minimum', 'positive', 'No Step 2 CK minimum on record (flexible on scores)'),
  statesNoStep2ckCutoff: reason('step2ck_minimum', 'positive', 'States no Step 2 CK cutoff (flexible on scores)'),
  uscePreferredNone: reason('usce_required', 'negative', 'Prefers US clinical experience (not required); you have none yet: a minus, not a screen'),
  imgFriendlyHigh: reason('img_friendliness', 'positive', 'You rated it highly IMG-friendly'),
  imgFriendlyMedium: reason('img_friendliness', 'neutral', 'You rated it medium on IMG-friendliness'),
  imgFriendlyLow: reason('img_friendliness', 'negative', 'You rated it low on IMG-friendliness'),
  moreAttemptsOk: reason('first_attempt_only', 'positive', 'Considers applicants with more than one attempt'),
  firstAttemptsOk: reason('first_attempt_only', 'positive', 'Requires first-attempt passes; all of yours are first attempts'),
  noUsce: exclusionReason(EXCLUDE.noUsce),
  usceUnknown: reason('usce_required', 'unknown', 'Unknown whether they require US clinical experience; you have none yet'),
  community: reason('setting', 'positive', 'Community program: the most open setting for IMGs with low scores'),
  hybrid: reason('setting', 'positive', 'Community program affiliated with a university (hybrid)'),
  university: reason('setting', 'negative', 'University program: usually more competitive than community programs'),
  topAcademic: reason('setting', 'negative', 'Top academic program: de-emphasize unless you have an internal connection'),
  settingUnknown: reason('setting', 'unknown', 'Setting unknown (community, university-affiliated or university?)'),
  researchHeavy: reason('research_heavy', 'negative', 'Research-heavy department: de-emphasize unless you have an internal connection'),
  internal: reason('internal_connection', 'positive', 'You have an internal connection here'),
  imgShareUnknown: reason('img_share', 'unknown', 'IMG share unknown: look for IMGs among current residents (any specialty)'),
  residentsYes: reason('non_us_img_residents', 'positive', 'Has current non-US IMG residents'),
  residentsNo: reason('non_us_img_residents', 'negative', 'Has no current non-US IMG residents'),
  residentsUnknown: reason('non_us_img_residents', 'unknown', 'Unknown whether current residents include non-US IMGs'),
  noState: reason('geography', 'unknown', 'No state entered'),
  prelim: reason('track', 'neutral', 'Preliminary track: about half of prelim surgery positions go unfilled in the Match'),
  categorical: reason('track', 'negative', 'Categorical track: fills almost completely (99.7% in 2024); realistic only where IMG-friendly with moderate thresholds'),
  neverVerified: reason('data_age', 'unknown', 'Program data not verified yet'),
};

function pct(n: number): string {
  return `${Math.round(n * 10) / 10}%`;
}

export function confidenceLevelOf(confidence: number): ConfidenceLevel {
  const c = THRESHOLDS.confidence;
  return confidence >= c.highFrom ? 'high' : confidence >= c.mediumFrom ? 'medium' : 'low';
}

/** The result of comparing the applicant's score with one program minimum. */
interface ScoreCheck {
  reason: TierReason;
  exclusion: TierExclusion | null;
  points: number;
  /** Flexible for this applicant: no filter in the way ("preference only" or well above). */
  flexible: boolean;
  reach: string | null;
  flag: TierFlag | null;
  confidencePenalty: number;
}

function checkStep2ck(a: ApplicantSummary, min: number, strict: boolean): ScoreCheck {
  const kind = strict ? 'strict filter' : 'preference';
  if (a.step2ck === null) {
    return { reason: reason('step2ck_minimum', 'unknown', `Minimum Step 2 CK ${min} (${kind}) cannot be checked yet: your Step 2 CK is not in`), exclusion: null, points: 0, flexible: !strict, reach: null, flag: FLAG.step2ckPending, confidencePenalty: C.step2ckPending };
  }
  return compare('step2ck_minimum', 'Step 2 CK', a.step2ck, min, strict, P.step2ckWellAbove, P.step2ckAbove, P.step2ckBelowPreference);
}

function checkStep1(a: ApplicantSummary, min: number, strict: boolean): ScoreCheck {
  if (a.step1Numeric === null) {
    const passFail = a.step1Kind === 'pass_fail';
    return {
      reason: passFail
        ? reason('step1_minimum', 'unknown', `Minimum Step 1 ${min} on record, but your Step 1 is pass/fail: unknown how they treat pass/fail`)
        : reason('step1_minimum', 'unknown', `Minimum Step 1 ${min} cannot be checked: your Step 1 is not passed yet`),
      exclusion: null,
      points: 0,
      flexible: !strict,
      reach: null,
      flag: passFail ? FLAG.step1PassFail : null,
      confidencePenalty: C.step1Unscored,
    };
  }
  return compare('step1_minimum', 'Step 1', a.step1Numeric, min, strict, P.step1WellAbove, 0, P.step1BelowPreference);
}

function compare(rule: 'step2ck_minimum' | 'step1_minimum', exam: string, score: number, min: number, strict: boolean, wellAbove: number, above: number, belowPreference: number): ScoreCheck {
  const diff = score - min;
  const base = { flag: null, confidencePenalty: 0 };
  if (diff < 0) {
    if (strict) {
      const exclusion = freeze<TierExclusion>({ screen: rule, text: `Your ${exam} ${score} is ${-diff} below its minimum ${min} (a strict filter)` });
      return { ...base, reason: exclusionReason(exclusion), exclusion, points: 0, flexible: false, reach: null };
    }
    return { ...base, reason: reason(rule, 'negative', `Your ${exam} ${score} is ${-diff} below its preferred minimum ${min} (a preference, not a filter)`), exclusion: null, points: belowPreference, flexible: true, reach: `${exam} ${-diff} below their preferred ${min}` };
  }
  if (diff >= CUT.wellAboveMargin) {
    return { ...base, reason: reason(rule, 'positive', `Your ${exam} ${score} is ${diff} above its minimum ${min}`), exclusion: null, points: wellAbove, flexible: true, reach: null };
  }
  const edge = strict && diff < CUT.edgeMargin;
  const where = diff === 0 ? `meets its minimum ${min} exactly` : `is ${diff} above its minimum ${min}`;
  return {
    ...base,
    reason: reason(rule, edge ? 'neutral' : 'positive', `Your ${exam} ${score} ${where}${edge ? ' (at the edge of the filter)' : ''}`),
    exclusion: null,
    points: above,
    flexible: !strict,
    reach: edge ? `${exam} only ${diff} above their minimum ${min}` : null,
  };
}

/**
 * The tier engine's notion of "flexible on scores" for one program (the one Tier 3 uses),
 * for other features (the SOAP fallback plan): each score minimum on record with its
 * reason and whether it is flexible for this applicant. A minimum that cannot be compared
 * (pass/fail Step 1, Step 2 CK not in yet) has an 'unknown' reason: the caller decides
 * whether that means "check it".
 */
export function scoreMinimumChecks(program: Pick<Program, 'minStep2ck' | 'minStep2ckKind' | 'minStep1' | 'minStep1Kind'>, a: ApplicantSummary): { reason: TierReason; flexible: boolean }[] {
  const out: { reason: TierReason; flexible: boolean }[] = [];
  if (program.minStep2ck !== null) {
    const c = checkStep2ck(a, program.minStep2ck, program.minStep2ckKind === 'strict');
    out.push({ reason: c.reason, flexible: c.flexible });
  }
  if (program.minStep1 !== null) {
    const c = checkStep1(a, program.minStep1, program.minStep1Kind === 'strict');
    out.push({ reason: c.reason, flexible: c.flexible });
  }
  return out;
}

interface Memo {
  step2: Map<number, ScoreCheck>;
  step1: Map<number, ScoreCheck>;
  years: Map<number, { reason: TierReason; exclusion: TierExclusion | null }>;
  usce: Map<number, { reason: TierReason; exclusion: TierExclusion | null }>;
  /** First-attempt screen for an applicant with a failure: excluded / policy unknown. */
  firstAttempt: { exclusion: TierExclusion; excluded: TierReason; unknown: TierReason } | null;
}
const memos = new WeakMap<ApplicantSummary, Memo>();

function memoOf(a: ApplicantSummary): Memo {
  let m = memos.get(a);
  if (!m) {
    let firstAttempt: Memo['firstAttempt'] = null;
    if (a.hasFailure) {
      const exclusion = freeze<TierExclusion>({ screen: 'first_attempt_only', text: `Requires first-attempt passes; you have ${a.failureText}` });
      firstAttempt = { exclusion, excluded: exclusionReason(exclusion), unknown: reason('first_attempt_only', 'unknown', `Unknown whether they require first-attempt passes; you have ${a.failureText}`) };
    }
    m = { step2: new Map(), step1: new Map(), years: new Map(), usce: new Map(), firstAttempt };
    memos.set(a, m);
  }
  return m;
}

function yearsCheck(a: ApplicantSummary, maxYears: number): { reason: TierReason; exclusion: TierExclusion | null } {
  const years = a.yearsSinceGraduation;
  if (years === null) return { reason: reason('years_since_graduation', 'unknown', `Accepts graduates of up to ${maxYears} years; your graduation year is not entered`), exclusion: null };
  if (years > maxYears) {
    const exclusion = freeze<TierExclusion>({ screen: 'years_since_graduation', text: `Accepts graduates of up to ${maxYears} years; you graduated ${years} years ago (${a.graduationYear})` });
    return { reason: exclusionReason(exclusion), exclusion };
  }
  return { reason: reason('years_since_graduation', 'positive', `Accepts graduates of up to ${maxYears} years; you graduated ${years} years ago`), exclusion: null };
}

function graduationFloorCheck(a: ApplicantSummary, floor: number): { reason: TierReason; exclusion: TierExclusion | null } {
  const year = a.graduationYear;
  if (year === null) return { reason: reason('years_since_graduation', 'unknown', `Takes graduates from ${floor} on; your graduation year is not entered`), exclusion: null };
  if (year < floor) {
    const exclusion = freeze<TierExclusion>({ screen: 'years_since_graduation', text: `Takes graduates from ${floor} on; you graduated in ${year}` });
    return { reason: exclusionReason(exclusion), exclusion };
  }
  return { reason: reason('years_since_graduation', 'positive', `Takes graduates from ${floor} on; you graduated in ${year}`), exclusion: null };
}

function usceCheck(a: ApplicantSummary, months: number): { reason: TierReason; exclusion: TierExclusion | null } {
  if (months <= 0) {
    if (a.usceWeeks === 0) return { reason: R.noUsce, exclusion: EXCLUDE.noUsce };
    return { reason: reason('usce_required', 'positive', `Requires US clinical experience; you have ${a.usceWeeks} weeks`), exclusion: null };
  }
  const weeks = months * THRESHOLDS.usce.weeksPerMonth;
  const text = `Requires ${months} month${months === 1 ? '' : 's'} of USCE (about ${weeks} weeks); you have ${a.usceWeeks} weeks`;
  if (a.usceWeeks < weeks) {
    const exclusion = freeze<TierExclusion>({ screen: 'usce_required', text });
    return { reason: exclusionReason(exclusion), exclusion };
  }
  return { reason: reason('usce_required', 'positive', text), exclusion: null };
}

// Program-only texts, shared by every applicant (memoized by module-level makers, so a
// cache hit allocates nothing).
function memoized<K, V>(map: Map<K, V>, key: K, make: (key: K) => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make(key);
    map.set(key, v);
  }
  return v;
}

const imgShareCache = new Map<number, TierReason>();
const makeImgShareReason = (share: number): TierReason =>
  share >= IMG.shareStrongPct
    ? reason('img_share', 'positive', `IMG share ${pct(share)}: strong IMG presence (${IMG.shareStrongPct}% or more)`)
    : share >= IMG.shareSignalPct
      ? reason('img_share', 'positive', `IMG share ${pct(share)}: an IMG-friendly signal (${IMG.shareSignalPct}–${IMG.shareStrongPct}%)`)
      : reason('img_share', 'negative', `IMG share ${pct(share)}: few IMGs (under ${IMG.shareSignalPct}%)`);

const geographyCache = new Map<string, { reason: TierReason; open: boolean }>();
const makeGeography = (state: string): { reason: TierReason; open: boolean } => {
  const region = censusRegionOf(state);
  const open = region === 'Midwest' || region === 'South';
  return open
    ? { reason: reason('geography', 'positive', `${state} is in the ${region}: community prelim positions there are more open`), open }
    : { reason: reason('geography', 'neutral', `${state} is in the ${region ?? 'US'}`), open };
};

/** Key = prelim(1000) + unfilled years × 100 + recorded years. */
const unfilledCache = new Map<number, TierReason>();
const makeUnfilledReason = (key: number): TierReason => {
  const trackWord = key >= 1000 ? 'prelim' : 'categorical';
  const unfilledYears = Math.floor((key % 1000) / 100);
  const recorded = key % 100;
  const of = recorded < N_MATCHES ? ` (${recorded} recorded)` : '';
  return unfilledYears > 0
    ? reason('unfilled_history', 'positive', `Unfilled ${trackWord} positions in ${unfilledYears} of the last ${N_MATCHES} Matches${of}`)
    : reason('unfilled_history', 'neutral', `Filled every ${trackWord} position in the last ${N_MATCHES} Matches${of}`);
};

/** Key = the last Match year considered. */
const noHistoryCache = new Map<number, TierReason>();
const makeNoHistoryReason = (last: number): TierReason =>
  reason('unfilled_history', 'unknown', `No record of unfilled prelim positions for the ${last - N_MATCHES + 1}–${last} Matches (check NRMP data / SOAP lists)`);

const serviceCache = new Map<number, TierReason>();
const makeServiceReason = (positions: number): TierReason => reason('service_needs', 'positive', `${positions} prelim positions: a large prelim class usually means heavy service needs`);

/** Tier one program for an applicant already summarized (use in loops: the summary is computed once). */
export function tierProgramFor(program: Program, a: ApplicantSummary): TierResult {
  const inst = program.institution;
  const memo = memoOf(a);
  const reasons: TierReason[] = [];
  const exclusions: TierExclusion[] = [];
  const flags: TierFlag[] = [];
  let reach: string[] | null = null;
  let points = 0;
  let confidence = THRESHOLDS.confidence.start - a.confidencePenalty;
  const isPrelim = program.track === 'preliminary';

  // ---- Screen: visa (docs/DOMAIN.md §4.2 Program screens 1–3) ----
  const sp = inst.visaSponsorship;
  if (a.needsVisa) {
    if (sp === 'unknown') {
      confidence -= C.visaUnknown;
      flags.push(FLAG.visaUnknown);
      reasons.push(R.visaUnknown);
    } else if (sp === 'none') {
      exclusions.push(EXCLUDE.noVisa);
      reasons.push(R.noVisa);
    } else if (a.visaNeed === 'h1b_required') {
      if (sp === 'j1') {
        exclusions.push(EXCLUDE.j1OnlyForH1b);
        reasons.push(R.j1OnlyForH1b);
      } else {
        reasons.push(sp === 'both' ? R.h1bBothForH1b : R.h1bForH1b);
        if (!a.step3Passed) {
          flags.push(FLAG.h1bStep3);
          reasons.push(R.h1bNeedsStep3);
        }
      }
    } else if (a.visaNeed === 'j1') {
      if (sp === 'h1b') {
        exclusions.push(EXCLUDE.h1bOnlyForJ1);
        reasons.push(R.h1bOnlyForJ1);
      } else reasons.push(sp === 'both' ? R.j1BothForJ1 : R.j1ForJ1);
    } else if (sp === 'h1b') {
      // either_prefers_h1b: J-1 and H-1B both acceptable.
      reasons.push(R.h1bOnlyForEither);
      if (!a.step3Passed) {
        flags.push(FLAG.h1bStep3);
        reasons.push(R.h1bNeedsStep3);
      }
    } else reasons.push(sp === 'both' ? (a.step3Passed ? R.bothForEitherStep3 : R.bothForEither) : R.j1OnlyForEither);
    if (sp === 'j1' || sp === 'both') points += P.j1Sponsorship;
  }

  // ---- Screens: Step 2 CK and Step 1 minimums (strict = filter, preference = penalty) ----
  let flexible = true;
  // One score minimum: memoized per (minimum, kind), then folded into the result.
  const applyCutoff = (cache: Map<number, ScoreCheck>, min: number, strict: boolean, check: typeof checkStep2ck): boolean => {
    const key = strict ? min : -min;
    let c = cache.get(key);
    if (c === undefined) cache.set(key, (c = check(a, min, strict)));
    reasons.push(c.reason);
    if (c.exclusion) exclusions.push(c.exclusion);
    if (c.flag) flags.push(c.flag);
    if (c.reach) (reach ??= []).push(c.reach);
    points += c.points;
    confidence -= c.confidencePenalty;
    return c.flexible;
  };
  const min2 = program.minStep2ck;
  if (min2 !== null) {
    flexible = applyCutoff(memo.step2, min2, program.minStep2ckKind === 'strict', checkStep2ck);
  } else {
    points += P.noStep2ckMinimum;
    reasons.push(program.noStep2ckCutoff ? R.statesNoStep2ckCutoff : R.noStep2ckMin);
  }
  const min1 = program.minStep1;
  if (min1 !== null) flexible = applyCutoff(memo.step1, min1, program.minStep1Kind === 'strict', checkStep1) && flexible;

  // ---- Screen: first-attempt passes ----
  const fao = program.firstAttemptOnly;
  const fa = memo.firstAttempt;
  if (fa !== null) {
    if (fao === 'yes') {
      exclusions.push(fa.exclusion);
      reasons.push(fa.excluded);
    } else if (fao === 'unknown') {
      confidence -= C.firstAttemptUnknown;
      flags.push(FLAG.firstAttempt);
      reasons.push(fa.unknown);
    } else reasons.push(R.moreAttemptsOk);
  } else if (fao === 'yes' && a.anyExamTaken) reasons.push(R.firstAttemptsOk);

  // ---- Screen: years since graduation ----
  const maxYears = program.maxYearsSinceGraduation;
  if (maxYears !== null) {
    let y = memo.years.get(maxYears);
    if (y === undefined) memo.years.set(maxYears, (y = yearsCheck(a, maxYears)));
    reasons.push(y.reason);
    if (y.exclusion) exclusions.push(y.exclusion);
    else if (a.yearsSinceGraduation === null) confidence -= C.graduationYearUnknown;
  }
  // A graduation-year floor ("2019+") is the same screen written as a year.
  const floor = program.minGraduationYear;
  if (floor !== null) {
    const g = graduationFloorCheck(a, floor);
    reasons.push(g.reason);
    if (g.exclusion) exclusions.push(g.exclusion);
    else if (a.graduationYear === null) confidence -= C.graduationYearUnknown;
  }

  // ---- Screen: USCE required (N months ≈ N × 4 weeks) ----
  if (program.usceRequired === 'yes') {
    const months = program.usceMonthsRequired ?? 0;
    let u = memo.usce.get(months);
    if (u === undefined) memo.usce.set(months, (u = usceCheck(a, months)));
    reasons.push(u.reason);
    if (u.exclusion) exclusions.push(u.exclusion);
  } else if (program.uscePreferred) {
    // Preferred, not required: a minus for an applicant without USCE, never a screen.
    if (a.usceWeeks === 0) {
      points += P.uscePreferredMissing;
      reasons.push(R.uscePreferredNone);
    }
  } else if (program.usceRequired === 'unknown' && a.usceWeeks === 0) {
    confidence -= C.usceUnknown;
    reasons.push(R.usceUnknown);
  }

  // ---- Signals: setting, research, connection ----
  const setting = inst.setting;
  const internal = inst.internalConnection;
  if (setting === 'community') {
    points += P.community;
    reasons.push(R.community);
  } else if (setting === 'community_university_affiliated') {
    points += P.communityUniversityAffiliated;
    reasons.push(R.hybrid);
  } else if (setting === 'university') {
    points += P.university;
    reasons.push(R.university);
  } else if (setting === 'top_academic') {
    points += P.topAcademic;
    reasons.push(R.topAcademic);
  } else {
    confidence -= C.settingUnknown;
    reasons.push(R.settingUnknown);
  }
  if (inst.researchHeavy) {
    points += P.researchHeavy;
    reasons.push(R.researchHeavy);
  }
  if (internal) {
    points += P.internalConnection;
    reasons.push(R.internal);
  }

  // ---- Signals: IMG-friendliness ----
  const share = inst.imgSharePct;
  if (share === null) {
    confidence -= C.imgShareUnknown;
    reasons.push(R.imgShareUnknown);
  } else {
    reasons.push(memoized(imgShareCache, share, makeImgShareReason));
    if (share >= IMG.shareStrongPct) points += P.imgShareStrong;
    else if (share >= IMG.shareSignalPct) points += P.imgShareSignal;
    else {
      points += P.imgShareLow;
      (reach ??= []).push(`few IMGs (${pct(share)})`);
    }
  }
  const residents = inst.nonUsImgResidents;
  if (residents === 'yes') {
    points += P.nonUsImgResidentsYes;
    reasons.push(R.residentsYes);
  } else if (residents === 'no') {
    points += P.nonUsImgResidentsNo;
    (reach ??= []).push('no non-US IMG residents');
    reasons.push(R.residentsNo);
  } else {
    confidence -= C.nonUsImgResidentsUnknown;
    reasons.push(R.residentsUnknown);
  }
  const friendliness = inst.imgFriendliness;
  if (friendliness === 'high') {
    points += P.imgFriendlinessHigh;
    reasons.push(R.imgFriendlyHigh);
  } else if (friendliness === 'low') {
    points += P.imgFriendlinessLow;
    reasons.push(R.imgFriendlyLow);
  } else if (friendliness === 'medium') reasons.push(R.imgFriendlyMedium);
  const imgAverse = (share !== null && share < IMG.shareSignalPct) || residents === 'no';
  const veryImgFriendly = share !== null && share >= IMG.shareStrongPct && residents === 'yes';

  // ---- Signals: geography ----
  if (inst.state === '') {
    confidence -= C.stateUnknown;
    reasons.push(R.noState);
  } else {
    const g = memoized(geographyCache, inst.state, makeGeography);
    if (g.open) points += P.openRegion;
    reasons.push(g.reason);
    // ERAS geographic preference (docs/DOMAIN.md §7): a small plus inside a chosen division, never a screen.
    const preferred = preferredDivisionOf(inst.state, a.geoDivisions);
    if (preferred !== null) {
      points += GEO_PREFERENCE_PLUS;
      reasons.push(geoPreferenceReason(preferred));
    }
  }

  // ---- Signals: unfilled positions in the last N Matches, service needs ----
  let recorded = 0;
  let unfilledYears = 0;
  const history = program.unfilledHistory;
  for (let i = 0; i < history.length; i++) {
    const u = history[i]!;
    if (u.year < a.firstMatchYear || u.year > a.lastMatchYear) continue;
    recorded++;
    if (u.unfilled > 0) unfilledYears++;
  }
  if (recorded === 0) {
    // Known without positions per year: Match years it went unfilled ("SOAP 2024, 2025"),
    // read as the record of the last N Matches, or a count out of the last M ("3/4 yrs").
    const years = program.unfilledYears;
    if (years.length > 0) {
      recorded = N_MATCHES;
      for (const y of years) if (y >= a.firstMatchYear && y <= a.lastMatchYear) unfilledYears++;
    } else if (program.unfilledCount !== null && program.unfilledWindow !== null) {
      recorded = Math.min(program.unfilledWindow, N_MATCHES);
      unfilledYears = Math.min(program.unfilledCount, recorded);
    }
  }
  if (recorded === 0) {
    if (isPrelim) {
      confidence -= C.unfilledHistoryUnknown;
      reasons.push(memoized(noHistoryCache, a.lastMatchYear, makeNoHistoryReason));
    }
  } else {
    points += P.perUnfilledYear * unfilledYears;
    reasons.push(memoized(unfilledCache, (isPrelim ? 1000 : 0) + unfilledYears * 100 + recorded, makeUnfilledReason));
  }
  const positions = program.positionsOffered;
  const largeClass = isPrelim && positions !== null && positions >= THRESHOLDS.service.largePrelimClass;
  if (largeClass) {
    points += P.largePrelimClass;
    reasons.push(memoized(serviceCache, positions, makeServiceReason));
  }

  // ---- Track ----
  if (isPrelim) reasons.push(R.prelim);
  else {
    points += P.categorical;
    reasons.push(R.categorical);
  }

  // ---- Data age ----
  if (inst.lastVerified === null) {
    confidence -= C.neverVerified;
    reasons.push(R.neverVerified);
  } else {
    const day = isoDayNumber(inst.lastVerified);
    if (day !== null && a.today.dayNumber - day > THRESHOLDS.dataAge.staleAfterDays) {
      confidence -= C.staleData;
      reasons.push(reason('data_age', 'unknown', `Program data last verified ${inst.lastVerified}, over a year ago`));
    }
  }

  const applicantReasons = a.reasons;
  for (let i = 0; i < applicantReasons.length; i++) reasons.push(applicantReasons[i]!);

  const fitScore = Math.max(0, Math.min(100, Math.round(THRESHOLDS.fit.base + a.strength + points)));
  const conf = Math.max(0, Math.min(100, confidence));

  // ---- Decision (see the header) ----
  let outcome: TierOutcome;
  let summary: string;
  const prestige = setting === 'top_academic' || inst.researchHeavy;
  const prestigeWord = setting === 'top_academic' ? 'top academic program' : 'research-heavy department';
  if (exclusions.length > 0) {
    outcome = 'excluded';
    summary = exclusions.length === 1 ? `Excluded: ${exclusions[0]!.text}` : `Excluded: ${exclusions.map((e) => e.text).join('; ')}`;
  } else if (prestige && !internal) {
    outcome = 'long_shot';
    summary = `Long shot: ${prestigeWord}, and no internal connection`;
  } else if (!isPrelim) {
    if (fitScore < TIERS.categoricalLongShotBelow) {
      outcome = 'long_shot';
      summary = `Long shot: categorical track with fit ${fitScore} (below ${TIERS.categoricalLongShotBelow})`;
    } else if (!prestige && veryImgFriendly && a.lowScores === null && fitScore >= TIERS.categoricalTier2MinFit && reach === null) {
      outcome = 'tier2';
      summary = `Core: a very IMG-friendly categorical track (IMG share ${IMG.shareStrongPct}%+, non-US IMG residents) and your scores are not low; fit ${fitScore}`;
    } else {
      outcome = 'tier1';
      const why = reach ?? (veryImgFriendly && a.lowScores !== null ? [a.lowScores] : null);
      summary = prestige ? `Reach: ${prestigeWord}, but you have an internal connection` : `Reach but realistic: a categorical position${why ? ` (${why.join('; ')})` : ''}`;
    }
  } else if (prestige) {
    outcome = 'tier1';
    summary = `Reach: ${prestigeWord}, but you have an internal connection`;
  } else if (fitScore < TIERS.prelimLongShotBelow) {
    outcome = 'long_shot';
    summary = `Long shot: fit ${fitScore} (below ${TIERS.prelimLongShotBelow})${reach ? `: ${reach.join('; ')}` : ''}`;
  } else if (flexible && !imgAverse && (unfilledYears >= THRESHOLDS.unfilled.frequentMinYears || (unfilledYears >= 1 && largeClass))) {
    outcome = 'tier3';
    summary = `Safety: unfilled prelim positions in ${unfilledYears} of the last ${N_MATCHES} Matches${unfilledYears < THRESHOLDS.unfilled.frequentMinYears ? ' with a large prelim class' : ''}, flexible on your scores`;
  } else if (reach !== null) {
    outcome = 'tier1';
    summary = `Reach but realistic: ${reach.join('; ')}`;
  } else if (fitScore < TIERS.tier2MinFit) {
    outcome = 'tier1';
    summary = `Reach but realistic: fit ${fitScore} (Tier 2 needs ${TIERS.tier2MinFit})`;
  } else {
    outcome = 'tier2';
    summary = `Core: a prelim track whose filters you meet, fit ${fitScore}`;
  }

  return {
    outcome,
    label: TIER_LABELS[outcome],
    summary,
    fitScore,
    confidence: conf,
    confidenceLevel: confidenceLevelOf(conf),
    flags,
    reasons,
    exclusions,
  };
}

/** Tiers one program. `today` is passed in (never read from the clock). */
export function tierProgram(program: Program, profile: Profile, today: TodayInput, season: SeasonChoices = {}): TierResult {
  return tierProgramFor(program, summarizeApplicant(profile, today, season));
}

/** Tiers many programs against one profile (the applicant is summarized once). */
export function tierPrograms(programs: readonly Program[], profile: Profile, today: TodayInput, season: SeasonChoices = {}): TierResult[] {
  const a = summarizeApplicant(profile, today, season);
  const out = new Array<TierResult>(programs.length);
  for (let i = 0; i < programs.length; i++) out[i] = tierProgramFor(programs[i]!, a);
  return out;
}
