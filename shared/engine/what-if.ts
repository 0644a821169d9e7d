// What-if (docs/DOMAIN.md §4.4 "Flexibility on J-1 greatly increases the pool; H-1B-only shrinks
// it and needs Step 3"): apply hypothetical changes to a copy of the profile, re-tier,
// and show what moved.
import { LABELS, type Profile, type UsceEntry, type VisaNeed } from '../domain/profile';
import type { Program } from '../domain/program';
import { summarizeApplicant, type SeasonChoices, type TodayInput } from './applicant';
import { THRESHOLDS } from './thresholds';
import { tierProgramFor } from './tier-program';
import { TIER_OUTCOMES, type FlagCode, type TierOutcome, type TierResult } from './types';

export interface WhatIfChanges {
  /** A Step 2 CK score (passed if at or above the passing line 218, else a failed attempt). */
  step2ckScore: number;
  /** Step 3 passed (true) or not taken (false). */
  step3Passed: boolean;
  /** true: an H-1B-only need becomes "either"; false: J-1 is no longer acceptable. Applied after `visaNeed`. */
  acceptJ1: boolean;
  visaNeed: VisaNeed;
  /**
   * Total months of US clinical experience to assume (1 month ≈ 4 weeks). Above your
   * current USCE, the difference is added as a hands-on surgical elective; below it, your
   * USCE is replaced by that many months of hands-on surgical experience.
   */
  usceMonths: number;
  /** One more failed attempt on Step 2 CK (a first failed attempt if it is not taken yet). */
  addFailedAttempt: boolean;
}

export interface WhatIfProgramChange {
  programId: number;
  name: string;
  track: Program['track'];
  before: TierOutcome;
  after: TierOutcome;
  /** Excluded before, not after. */
  becameEligible: boolean;
  /** Not excluded before, excluded after. */
  becameExcluded: boolean;
  flagsAdded: FlagCode[];
  flagsRemoved: FlagCode[];
  fitBefore: number;
  fitAfter: number;
}

export interface WhatIfResult {
  /** The hypothetical profile (a copy; the input profile is never changed). */
  profileAfter: Profile;
  /** The changes in plain words. */
  applied: string[];
  before: Record<TierOutcome, number>;
  after: Record<TierOutcome, number>;
  /** Programs not excluded, before and after. */
  eligibleBefore: number;
  eligibleAfter: number;
  /** Programs whose tier (or eligibility) changed. */
  changed: WhatIfProgramChange[];
  /** Programs whose tier stayed but whose flags changed (e.g. H-1B flags cleared by Step 3). */
  flagsChanged: WhatIfProgramChange[];
  /** How many programs carry each flag, before and after. */
  flagCountsBefore: Partial<Record<FlagCode, number>>;
  flagCountsAfter: Partial<Record<FlagCode, number>>;
}

const HYPOTHETICAL_USCE_ID = 'what-if-usce';

/** Applies the changes to a copy of the profile (the input is not touched). */
export function applyWhatIf(profile: Profile, changes: Partial<WhatIfChanges>): { profile: Profile; applied: string[] } {
  const p: Profile = { ...profile, usce: profile.usce.map((e) => ({ ...e })) };
  const applied: string[] = [];

  if (changes.step2ckScore !== undefined) {
    const score = changes.step2ckScore;
    const passed = score >= THRESHOLDS.scores.step2ck.passing;
    p.step2ckStatus = passed ? 'passed' : 'failed';
    p.step2ckScore = score;
    p.step2ckAttempts = Math.max(1, p.step2ckAttempts);
    applied.push(passed ? `Step 2 CK ${score}` : `Step 2 CK ${score} (below the passing line ${THRESHOLDS.scores.step2ck.passing})`);
  }
  if (changes.addFailedAttempt) {
    if (p.step2ckStatus === 'passed' || p.step2ckStatus === 'failed') p.step2ckAttempts += 1;
    else {
      p.step2ckStatus = 'failed';
      p.step2ckAttempts = 1;
      p.step2ckScore = null;
    }
    applied.push('one more failed Step 2 CK attempt');
  }
  if (changes.step3Passed !== undefined) {
    if (changes.step3Passed) {
      p.step3Status = 'passed';
      applied.push('Step 3 passed');
    } else {
      p.step3Status = 'not_taken';
      p.step3Score = null;
      p.step3Date = null;
      applied.push('Step 3 not passed');
    }
  }
  if (changes.visaNeed !== undefined) {
    p.visaNeed = changes.visaNeed;
    applied.push(`visa need: ${LABELS.visaNeed[changes.visaNeed]}`);
  }
  if (changes.acceptJ1 !== undefined) {
    if (changes.acceptJ1 && p.visaNeed === 'h1b_required') {
      p.visaNeed = 'either_prefers_h1b';
      applied.push('J-1 accepted (H-1B preferred)');
    } else if (!changes.acceptJ1 && (p.visaNeed === 'j1' || p.visaNeed === 'either_prefers_h1b')) {
      p.visaNeed = 'h1b_required';
      applied.push('J-1 not accepted (H-1B required)');
    }
  }
  if (changes.usceMonths !== undefined) {
    const target = Math.max(0, Math.round(changes.usceMonths * THRESHOLDS.usce.weeksPerMonth));
    const current = p.usce.reduce((s, e) => s + e.weeks, 0);
    const entry = (weeks: number): UsceEntry => ({ id: HYPOTHETICAL_USCE_ID, type: 'elective', specialty: 'General Surgery', surgical: true, weeks, hospital: 'Hypothetical (what-if)', state: 'OH', handsOn: true });
    if (target > current) p.usce.push(entry(target - current));
    else if (target < current) p.usce = target > 0 ? [entry(target)] : [];
    applied.push(`${changes.usceMonths} month${changes.usceMonths === 1 ? '' : 's'} of USCE in total`);
  }
  return { profile: p, applied };
}

function countOutcomes(results: readonly TierResult[]): Record<TierOutcome, number> {
  const c = Object.fromEntries(TIER_OUTCOMES.map((o) => [o, 0])) as Record<TierOutcome, number>;
  for (const r of results) c[r.outcome]++;
  return c;
}

function countFlags(results: readonly TierResult[]): Partial<Record<FlagCode, number>> {
  const c: Partial<Record<FlagCode, number>> = {};
  for (const r of results) for (const f of r.flags) c[f.code] = (c[f.code] ?? 0) + 1;
  return c;
}

function flagDiff(a: TierResult, b: TierResult): { added: FlagCode[]; removed: FlagCode[] } {
  const before = a.flags.map((f) => f.code);
  const after = b.flags.map((f) => f.code);
  return { added: after.filter((c) => !before.includes(c)), removed: before.filter((c) => !after.includes(c)) };
}

/** Re-tiers `programs` with the changed profile and reports what moved. */
export function whatIf(programs: readonly Program[], profile: Profile, changes: Partial<WhatIfChanges>, today: TodayInput, season: SeasonChoices = {}): WhatIfResult {
  const { profile: profileAfter, applied } = applyWhatIf(profile, changes);
  // The season's choices (the geographic preference's plus) as every screen's tiers take them.
  const aBefore = summarizeApplicant(profile, today, season);
  const aAfter = summarizeApplicant(profileAfter, today, season);
  const beforeResults: TierResult[] = [];
  const afterResults: TierResult[] = [];
  const changed: WhatIfProgramChange[] = [];
  const flagsChanged: WhatIfProgramChange[] = [];

  for (const program of programs) {
    const b = tierProgramFor(program, aBefore);
    const a = tierProgramFor(program, aAfter);
    beforeResults.push(b);
    afterResults.push(a);
    const { added, removed } = flagDiff(b, a);
    if (b.outcome === a.outcome && added.length === 0 && removed.length === 0) continue;
    const change: WhatIfProgramChange = {
      programId: program.id,
      name: program.institution.name,
      track: program.track,
      before: b.outcome,
      after: a.outcome,
      becameEligible: b.outcome === 'excluded' && a.outcome !== 'excluded',
      becameExcluded: b.outcome !== 'excluded' && a.outcome === 'excluded',
      flagsAdded: added,
      flagsRemoved: removed,
      fitBefore: b.fitScore,
      fitAfter: a.fitScore,
    };
    if (b.outcome !== a.outcome) changed.push(change);
    else flagsChanged.push(change);
  }

  const before = countOutcomes(beforeResults);
  const after = countOutcomes(afterResults);
  return {
    profileAfter,
    applied,
    before,
    after,
    eligibleBefore: programs.length - before.excluded,
    eligibleAfter: programs.length - after.excluded,
    changed,
    flagsChanged,
    flagCountsBefore: countFlags(beforeResults),
    flagCountsAfter: countFlags(afterResults),
  };
}
