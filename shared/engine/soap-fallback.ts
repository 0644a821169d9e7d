/**
 * The SOAP fallback plan (docs/DOMAIN.md §5 advice, seed "Tier 3 … SOAP-sensitive"): built weeks
 * before Match Week from preliminary programs that sponsor the applicant's visa, are
 * flexible on their scores and often go unfilled; on Monday intersected with the List of
 * Unfilled Programs. Pure: the tier results come from tierPrograms (this file adds no
 * screening rule of its own, it reads the engine's reasons), `today` is passed in.
 */
import type { Profile } from '../domain/profile';
import { PROGRAM_LABELS, type Program, type Track, programLabel } from '../domain/program';
import type { SoapMatchStatus } from '../domain/soap';
import { summarizeApplicant, type TodayInput } from './applicant';
import { THRESHOLDS } from './thresholds';
import { scoreMinimumChecks } from './tier-program';
import type { TierOutcome, TierReason, TierResult } from './types';

/** Which position types the applicant may apply to in SOAP (docs/DOMAIN.md §5 "partial match"). */
export function soapAllowedTracks(status: SoapMatchStatus): { tracks: readonly Track[]; why: string } {
  switch (status) {
    case 'partial_advanced':
      return { tracks: ['preliminary'], why: 'You matched to an advanced (PGY-2) position only: in SOAP you may apply only to the complementary PGY-1 (preliminary) positions.' };
    case 'partial_preliminary':
      return { tracks: [], why: 'You matched to a preliminary position only: in SOAP you may apply only to the complementary advanced positions, which this tracker does not hold.' };
    case 'matched':
      return { tracks: [], why: 'You matched: SOAP is only for unmatched or partially matched applicants.' };
    default:
      return { tracks: ['preliminary', 'categorical'], why: 'Unmatched applicants may apply to any unfilled program (up to 45).' };
  }
}

/** Why this program cannot be in the applicant's SOAP plan or applications, or null. */
export function soapTrackProblem(status: SoapMatchStatus, program: Pick<Program, 'track'> & { institution: { name: string } }): string | null {
  const allowed = soapAllowedTracks(status);
  if (allowed.tracks.includes(program.track)) return null;
  if (allowed.tracks.length === 0) return allowed.why;
  return `${programLabel(program)} is not open to you: ${allowed.why}`;
}

/** Ranking weights of the fallback list: engine choices, documented here. */
export const SOAP_RANKING = {
  /**
   * Tier 3 is the engine's "SOAP-sensitive" tier: it leads. A long shot (top academic or
   * research-heavy, docs/DOMAIN.md §4.3 "de-emphasize") stays below every tiered program even with
   * 4 unfilled Matches.
   */
  tier: { tier3: 40, tier2: 25, tier1: 12, long_shot: -40, excluded: 0 } as Record<TierOutcome, number>,
  /** Per Match of the last 4 with unfilled positions. */
  perUnfilledYear: 10,
  /** The fit score (0–100) counts a tenth. */
  fitDivisor: 10,
} as const;

/** Rules whose reasons explain a SOAP candidate (in this order). */
const EXPLAINING_RULES: readonly TierReason['rule'][] = ['unfilled_history', 'service_needs', 'visa', 'step2ck_minimum', 'step1_minimum', 'first_attempt_only', 'img_share', 'non_us_img_residents', 'setting', 'geography'];

export interface SoapCandidate {
  programId: number;
  score: number;
  outcome: TierOutcome;
  tierLabel: string;
  unfilledYears: number;
  /** Plain-words reasons, the engine's own texts. */
  reasons: string[];
  /** On Monday's list (null before the list is imported). */
  open: boolean | null;
}

export interface SoapCandidatesResult {
  candidates: SoapCandidate[];
  /** Why some preliminary programs were left out, with counts (so the user can fix data). */
  leftOut: { why: string; count: number }[];
}

export interface SoapCandidatesInput {
  programs: readonly Program[];
  /** tierPrograms(programs, profile, today), same order. */
  tiers: readonly TierResult[];
  profile: Profile;
  today: TodayInput;
  matchStatus: SoapMatchStatus;
  /** NRMP codes on Monday's List of Unfilled Programs, or null before it is imported. */
  unfilledCodes: ReadonlySet<string> | null;
}

/** Unfilled Matches among the engine's last-4 window (THRESHOLDS.unfilled). */
export function unfilledYearsOf(program: Pick<Program, 'unfilledHistory'>, window: { firstMatchYear: number; lastMatchYear: number }): number {
  return program.unfilledHistory.filter((u) => u.year >= window.firstMatchYear && u.year <= window.lastMatchYear && u.unfilled > 0).length;
}

/**
 * Preliminary programs worth a SOAP application, best first. Candidates: a track the
 * applicant may apply to (suggestions are preliminary only), not excluded by any screen,
 * visa sponsorship known to fit (or no visa needed), flexible on scores as the tier engine
 * means it (scoreMinimumChecks: no minimum, a preference only, or well above a strict one),
 * unfilled in at least one of the last THRESHOLDS.unfilled.matchesConsidered Matches.
 * A minimum that cannot be compared (a pass/fail Step 1, Step 2 CK not in yet) is kept
 * with a reason to check it with the program. Once the list is imported, open ones lead.
 */
export function soapCandidates(input: SoapCandidatesInput): SoapCandidatesResult {
  const a = summarizeApplicant(input.profile, input.today);
  const allowed = soapAllowedTracks(input.matchStatus).tracks;
  const counts = { visa: 0, screens: 0, history: 0, excluded: 0, toCheck: 0 };
  const candidates: SoapCandidate[] = [];
  input.programs.forEach((program, i) => {
    const tier = input.tiers[i]!;
    if (program.track !== 'preliminary' || !allowed.includes('preliminary')) return;
    if (tier.outcome === 'excluded') return void counts.excluded++;
    const visaFits = !a.needsVisa || tier.reasons.some((r) => r.rule === 'visa' && r.effect === 'positive');
    if (!visaFits) return void counts.visa++;
    const checks = scoreMinimumChecks(program, a);
    const unknown = checks.filter((c) => c.reason.effect === 'unknown');
    if (checks.some((c) => c.reason.effect !== 'unknown' && !c.flexible)) return void counts.screens++;
    const unfilledYears = unfilledYearsOf(program, a);
    if (unfilledYears === 0) return void counts.history++;
    if (unknown.length > 0) counts.toCheck++;

    const open = input.unfilledCodes === null ? null : program.nrmpCode !== '' && input.unfilledCodes.has(program.nrmpCode);
    const score = SOAP_RANKING.tier[tier.outcome] + SOAP_RANKING.perUnfilledYear * unfilledYears + Math.round(tier.fitScore / SOAP_RANKING.fitDivisor);
    const reasons = [tier.summary];
    const said = tier.summary.toLowerCase();
    for (const rule of EXPLAINING_RULES) for (const r of tier.reasons) if (r.rule === rule && r.effect !== 'unknown' && !said.includes(r.text.toLowerCase())) reasons.push(r.text);
    for (const c of unknown) reasons.push(`Check with the program: ${c.reason.text}`);
    candidates.push({ programId: program.id, score, outcome: tier.outcome, tierLabel: tier.label, unfilledYears, reasons, open });
  });
  candidates.sort((x, y) => Number(y.open === true) - Number(x.open === true) || y.score - x.score || x.programId - y.programId);
  const n = THRESHOLDS.unfilled.matchesConsidered;
  const leftOut = [
    { why: 'Excluded by a screen (visa type, score filter, attempts, years since graduation or USCE)', count: counts.excluded },
    { why: 'Visa sponsorship unknown or not yours: enter the program\'s visa policy to consider it', count: counts.visa },
    { why: 'A strict Step 2 CK or Step 1 minimum you do not clear by a wide margin (not flexible on your scores)', count: counts.screens },
    { why: `No unfilled positions recorded in the last ${n} Matches: add the unfilled history where you know it`, count: counts.history },
    { why: 'Kept, but check with the program: a Step 2 CK or Step 1 minimum that cannot be compared with your scores yet (e.g. a pass/fail Step 1)', count: counts.toCheck },
  ].filter((l) => l.count > 0);
  return { candidates, leftOut };
}

export interface PlanItem {
  programId: number;
  position: number;
}

/**
 * The plan re-ranked to what is actually open (docs/DOMAIN.md §5 "on Monday, intersect it with the
 * released unfilled list"): programs on the list first, then the rest, each group in the
 * user's order. Returns program ids in the new order.
 */
export function rerankPlanToOpen(plan: readonly PlanItem[], isOpen: (programId: number) => boolean): number[] {
  const ordered = [...plan].sort((x, y) => x.position - y.position);
  return [...ordered.filter((p) => isOpen(p.programId)), ...ordered.filter((p) => !isOpen(p.programId))].map((p) => p.programId);
}

export interface UnfilledIntersection {
  /** In the plan and on the list. */
  matched: number[];
  /** Plan programs not on the list (not open this year). */
  planNotOpen: number[];
  /** Known programs on the list that are not in the plan. */
  notInPlan: number[];
  /** List codes with no program in the database (to be added). */
  newCodes: string[];
}

/** Intersects Monday's list (by NRMP code) with the plan and the program database. */
export function intersectUnfilled(listCodes: readonly string[], programs: readonly Pick<Program, 'id' | 'nrmpCode'>[], planIds: readonly number[]): UnfilledIntersection {
  const byCode = new Map(programs.filter((p) => p.nrmpCode !== '').map((p) => [p.nrmpCode, p.id]));
  const inPlan = new Set(planIds);
  const onList = new Set<number>();
  const out: UnfilledIntersection = { matched: [], planNotOpen: [], notInPlan: [], newCodes: [] };
  for (const code of new Set(listCodes)) {
    const id = byCode.get(code);
    if (id === undefined) out.newCodes.push(code);
    else {
      onList.add(id);
      (inPlan.has(id) ? out.matched : out.notInPlan).push(id);
    }
  }
  out.planNotOpen = planIds.filter((id) => !onList.has(id));
  return out;
}

const VISA_SENTENCE: Record<Profile['visaNeed'], string> = {
  none: 'I do not need visa sponsorship.',
  j1: 'I would train on a J-1 visa sponsored by ECFMG.',
  h1b_required: 'I need H-1B sponsorship.',
  either_prefers_h1b: 'I can train on a J-1 (ECFMG) or an H-1B visa.',
};

/**
 * A short note ready to paste (ERAS message or email to the coordinator) for one program:
 * who, visa, one or two strengths, why this program (seed "short, targeted email").
 */
export function soapBlurb(program: Program, profile: Profile): string {
  const name = profile.fullName || '[your name]';
  const school = profile.medicalSchool ? `, a graduate of ${profile.medicalSchool}${profile.country ? ` (${profile.country})` : ''}` : '';
  const track = PROGRAM_LABELS.trackProse[program.track];
  const strengths: string[] = [];
  if (profile.step2ckStatus === 'passed' && profile.step2ckScore !== null) strengths.push(`Step 2 CK ${profile.step2ckScore}${profile.step2ckAttempts === 1 ? ' on the first attempt' : ''}`);
  if (profile.step3Status === 'passed') strengths.push('Step 3 passed');
  const surgicalWeeks = profile.usce.filter((u) => u.surgical && u.handsOn).reduce((s, u) => s + u.weeks, 0);
  if (surgicalWeeks > 0) strengths.push(`${surgicalWeeks} weeks of hands-on surgical US clinical experience`);
  if (profile.ecfmgStatus === 'certified') strengths.push('ECFMG certification');
  const inst = program.institution;
  const place = [inst.city, inst.state].filter(Boolean).join(', ');
  const why = program.positionsOffered !== null && program.positionsOffered >= THRESHOLDS.service.largePrelimClass
    ? 'a busy service where I can carry real clinical responsibility'
    : inst.setting === 'community' || inst.setting === 'community_university_affiliated'
      ? 'the hands-on, team-based training of a community program'
      : 'the breadth of surgical training it offers';
  return [
    `Dear Program Director,`,
    `I am ${name}${school}, applying through SOAP to your ${track} position${program.nrmpCode ? ` (${program.nrmpCode})` : ''}. ${VISA_SENTENCE[profile.visaNeed]}`,
    strengths.length > 0 ? `I bring ${strengths.slice(0, 3).join(', ')}, and I am ready to work hard from day one.` : 'I am reliable, hard-working and ready to contribute from day one.',
    `I am drawn to ${inst.name}${place ? ` in ${place}` : ''} for ${why}. Thank you for considering my application.`,
  ].join('\n');
}
