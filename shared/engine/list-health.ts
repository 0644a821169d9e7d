// List health (docs/DOMAIN.md §4.4 "List composition"): for the programs the user marked to
// apply to, how the list compares with the seed's advice, and what to do about each gap.
import type { Profile } from '../domain/profile';
import type { Program } from '../domain/program';
import { censusRegionOf, type CensusRegion } from '../domain/us-states';
import { erasListCost, type ErasCost, type ErasFeeSchedule } from './eras-fees';
import { THRESHOLDS } from './thresholds';
import { TIER_OUTCOMES, type TierOutcome, type TierSummary } from './types';
import { seasonListFindings, type SeasonListOptions } from './list-health-season';
import type { GeoSpread } from './geo-preference';

const L = THRESHOLDS.list;

export interface ListEntry {
  program: Program;
  tier: TierSummary;
  /** The user's override of the tier (with a note elsewhere); wins over `tier.outcome`. */
  overriddenOutcome?: TierOutcome | null;
}

export interface ListHealthOptions extends SeasonListOptions {
  /** One ERAS fee per institution, both tracks together (docs/DOMAIN.md §9; default true). */
  feesPerInstitution?: boolean;
  /** When tracks are counted apart: as one ERAS specialty (unconfirmed; default separate). */
  feesCombineTracks?: boolean;
  feeSchedule?: ErasFeeSchedule;
}

export type FindingSeverity = 'ok' | 'info' | 'warning' | 'problem';

export const LIST_FINDING_CODES = [
  'list_empty',
  'list_too_short',
  'list_size_ok',
  'list_large',
  'excluded_on_list',
  'excluded_overridden',
  'tier2_not_majority',
  'no_safety',
  'many_long_shots',
  'prelim_not_majority',
  'too_many_categorical',
  'community_not_majority',
  'h1b_needs_step3',
  'few_open_region_programs',
  'low_confidence_data',
  'j1_widens_pool',
  'step2ck_pending',
  'eras_cost',
  'signals_wasted',
  'signals_not_accepted',
  'signals_accepts_unknown',
  'signals_left',
  'geo_spread',
  'list_balanced',
] as const;
export type ListFindingCode = (typeof LIST_FINDING_CODES)[number];

export interface ListFinding {
  severity: FindingSeverity;
  code: ListFindingCode;
  text: string;
  /** What to do about it. */
  action: string;
  /** The programs the finding is about, when it is about some. */
  programIds?: number[];
}

export interface ListProgramRef {
  programId: number;
  name: string;
  /** Why (e.g. the exclusion texts). */
  why: string[];
}

export type RegionKey = CensusRegion | 'Unknown';

export interface ListHealthMetrics {
  count: number;
  target: { min: number; max: number };
  preliminary: number;
  categorical: number;
  /** Shares are 0–1 (0 for an empty list). */
  prelimShare: number;
  /** Community and community/university-affiliated programs. */
  community: number;
  communityShare: number;
  /** Counts by effective outcome (override wins). */
  byOutcome: Record<TierOutcome, number>;
  /** Tier 2 among the programs not excluded. */
  tier2Share: number;
  overridden: number;
  /** Programs still on the list whose engine outcome is 'excluded' (overridden or not). */
  excluded: (ListProgramRef & { overridden: boolean })[];
  /** Programs where your H-1B needs Step 3 passed first. */
  h1bAtRisk: ListProgramRef[];
  byRegion: Record<RegionKey, number>;
  /** Midwest + South share. */
  openRegionShare: number;
  lowConfidence: number;
  cost: ErasCost;
  /** Signals sent to institutions on the list (docs/DOMAIN.md §6). */
  signalsOnList: number;
  /** Spread over the chosen Census divisions, when there is a geographic preference. */
  geo: GeoSpread | null;
}

export interface ListHealth {
  metrics: ListHealthMetrics;
  /** Worst first: problem, warning, info, ok. */
  findings: ListFinding[];
  /** The worst severity among the findings. */
  status: FindingSeverity;
}

const SEVERITY_ORDER: Record<FindingSeverity, number> = { problem: 0, warning: 1, info: 2, ok: 3 };

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function nameOf(p: Program): string {
  return `${p.institution.name} (${p.track === 'preliminary' ? 'prelim' : 'categorical'})`;
}

function listNames(refs: readonly ListProgramRef[], max = 5): string {
  const shown = refs.slice(0, max).map((r) => (r.why.length ? `${r.name}: ${r.why.join('; ')}` : r.name));
  return refs.length > max ? `${shown.join(', ')} and ${refs.length - max} more` : shown.join(', ');
}

export function effectiveOutcome(entry: ListEntry): TierOutcome {
  return entry.overriddenOutcome ?? entry.tier.outcome;
}

export function listHealth(entries: readonly ListEntry[], profile: Profile, options: ListHealthOptions = {}): ListHealth {
  const byOutcome = Object.fromEntries(TIER_OUTCOMES.map((o) => [o, 0])) as Record<TierOutcome, number>;
  const byRegion: Record<RegionKey, number> = { Northeast: 0, Midwest: 0, South: 0, West: 0, Territory: 0, Unknown: 0 };
  const excluded: ListHealthMetrics['excluded'] = [];
  const h1bAtRisk: ListProgramRef[] = [];
  let preliminary = 0;
  let community = 0;
  let overridden = 0;
  let lowConfidence = 0;
  const lowConfidenceIds: number[] = [];

  for (const e of entries) {
    const p = e.program;
    const outcome = effectiveOutcome(e);
    byOutcome[outcome]++;
    if (e.overriddenOutcome != null && e.overriddenOutcome !== e.tier.outcome) overridden++;
    if (p.track === 'preliminary') preliminary++;
    const setting = p.institution.setting;
    if (setting === 'community' || setting === 'community_university_affiliated') community++;
    byRegion[censusRegionOf(p.institution.state) ?? 'Unknown']++;
    if (e.tier.confidenceLevel === 'low') {
      lowConfidence++;
      lowConfidenceIds.push(p.id);
    }
    if (e.tier.outcome === 'excluded') {
      excluded.push({ programId: p.id, name: nameOf(p), why: e.tier.exclusions.map((x) => x.text), overridden: outcome !== 'excluded' });
    }
    if (outcome !== 'excluded' && e.tier.flags.some((f) => f.code === 'h1b_needs_step3')) h1bAtRisk.push({ programId: p.id, name: nameOf(p), why: [] });
  }

  const count = entries.length;
  const categorical = count - preliminary;
  const notExcluded = count - byOutcome.excluded;
  const institutions = new Set(entries.map((e) => e.program.institutionId)).size;
  const cost = erasListCost(
    { preliminary, categorical, institutions },
    { perInstitution: options.feesPerInstitution ?? true, combineTracks: options.feesCombineTracks ?? false, ...(options.feeSchedule ? { schedule: options.feeSchedule } : {}) },
  );
  const season = seasonListFindings(entries, options);
  const metrics: ListHealthMetrics = {
    count,
    target: { min: L.targetMin, max: L.targetMax },
    preliminary,
    categorical,
    prelimShare: share(preliminary, count),
    community,
    communityShare: share(community, count),
    byOutcome,
    tier2Share: share(byOutcome.tier2, notExcluded),
    overridden,
    excluded,
    h1bAtRisk,
    byRegion,
    openRegionShare: share(byRegion.Midwest + byRegion.South, count),
    lowConfidence,
    cost,
    signalsOnList: season.signals.used,
    geo: season.geo,
  };

  const findings: ListFinding[] = [];
  const add = (f: ListFinding) => findings.push(f);

  // Size: 80–120+, below 80 is a warning.
  if (count === 0) {
    add({ severity: 'info', code: 'list_empty', text: 'No programs are marked to apply to yet.', action: `Mark ${L.targetMin}–${L.targetMax} programs to apply to, mostly Tier 2 (core) and Tier 3 (safety) prelim programs.` });
  } else if (count < L.targetMin) {
    add({ severity: 'warning', code: 'list_too_short', text: `${count} programs on the list; ${L.targetMin}–${L.targetMax} is the target for a non-US IMG with low scores.`, action: `Add at least ${L.targetMin - count} more, mostly Tier 2 and Tier 3 prelim programs that sponsor your visa.` });
  } else if (count <= L.targetMax) {
    add({ severity: 'ok', code: 'list_size_ok', text: `${count} programs: within the ${L.targetMin}–${L.targetMax} target.`, action: 'Keep the list in this range; add more only if the budget allows.' });
  } else {
    add({ severity: 'info', code: 'list_large', text: `${count} programs: above ${L.targetMax}, which improves the odds if the budget allows.`, action: `Check the cost below (now $${cost.total}); drop long shots first if it is too high.` });
  }

  if (count > 0) {
    const stillExcluded = excluded.filter((x) => !x.overridden);
    if (stillExcluded.length > 0) {
      add({
        severity: 'problem',
        code: 'excluded_on_list',
        text: `${stillExcluded.length} program${stillExcluded.length === 1 ? ' fails' : 's fail'} a hard screen: ${listNames(stillExcluded)}.`,
        action: 'Remove them from the list, or fix the program data if the screen is wrong (or override the tier with a note after checking with the program).',
        programIds: stillExcluded.map((x) => x.programId),
      });
    }
    const kept = excluded.filter((x) => x.overridden);
    if (kept.length > 0) {
      add({
        severity: 'info',
        code: 'excluded_overridden',
        text: `${kept.length} program${kept.length === 1 ? '' : 's'} you moved out of Excluded still fail${kept.length === 1 ? 's' : ''} a screen: ${listNames(kept)}.`,
        action: 'Keep them only if the program confirmed it would consider you; note what they said.',
        programIds: kept.map((x) => x.programId),
      });
    }

    // Tier 2 is the majority; Tier 3 exists; long shots are few.
    if (notExcluded > 0 && metrics.tier2Share <= L.tier2MajorityShare) {
      add({ severity: 'warning', code: 'tier2_not_majority', text: `Tier 2 (core) is ${byOutcome.tier2} of ${notExcluded} programs (${pct(metrics.tier2Share)}); it should be the majority.`, action: 'Add Tier 2 programs (mid-to-small hospitals with strong IMG presence and prelim positions), or drop some Tier 1 programs and long shots.' });
    }
    if (notExcluded > 0 && byOutcome.tier3 === 0) {
      add({ severity: 'warning', code: 'no_safety', text: 'No Tier 3 (safety) programs on the list.', action: 'Add prelim programs that often have unfilled positions and are flexible on scores: they are also your SOAP fallback.' });
    }
    const longShotShare = share(byOutcome.long_shot, count);
    if (longShotShare > L.longShotMaxShare) {
      add({ severity: 'info', code: 'many_long_shots', text: `${byOutcome.long_shot} long shots (${pct(longShotShare)} of the list).`, action: `Keep long shots under ${pct(L.longShotMaxShare)} unless you have an internal connection; spend those applications on Tier 2.` });
    }

    // Majority prelim and community-based; limited categorical.
    if (metrics.prelimShare <= L.prelimMajorityShare) {
      add({ severity: 'warning', code: 'prelim_not_majority', text: `Preliminary programs are ${preliminary} of ${count} (${pct(metrics.prelimShare)}); they should be the majority.`, action: 'Add prelim programs; keep categorical ones to where you have a realistic shot.' });
    }
    const categoricalShare = share(categorical, count);
    if (categoricalShare > L.categoricalMaxShare) {
      add({ severity: 'warning', code: 'too_many_categorical', text: `${categorical} categorical programs (${pct(categoricalShare)} of the list).`, action: `Keep categorical programs limited (under ${pct(L.categoricalMaxShare)}): IMG-friendly ones with moderate thresholds that sponsor your visa.` });
    }
    if (metrics.communityShare <= L.communityMajorityShare) {
      add({ severity: 'warning', code: 'community_not_majority', text: `Community-based programs are ${community} of ${count} (${pct(metrics.communityShare)}); they should be the majority.`, action: 'Add community and community/university-affiliated prelim programs.' });
    }

    // Visa.
    if (h1bAtRisk.length > 0) {
      add({
        severity: 'warning',
        code: 'h1b_needs_step3',
        text: `${h1bAtRisk.length} program${h1bAtRisk.length === 1 ? '' : 's'} would sponsor your H-1B only once Step 3 is passed: ${listNames(h1bAtRisk)}.`,
        action: 'Pass Step 3 before the H-1B petition (schedule it now), or accept a J-1 where the program offers both (try it in What-if).',
        programIds: h1bAtRisk.map((x) => x.programId),
      });
    }

    // Geography.
    if (metrics.openRegionShare < L.openRegionsMinShare) {
      add({ severity: 'info', code: 'few_open_region_programs', text: `${pct(metrics.openRegionShare)} of the list is in the Midwest or South, where community prelim positions are more open.`, action: 'Add community prelim programs in the Midwest and South.' });
    }

    // Data quality.
    const lowShare = share(lowConfidence, count);
    if (lowShare > L.lowConfidenceMaxShare) {
      add({ severity: 'info', code: 'low_confidence_data', text: `${lowConfidence} programs (${pct(lowShare)}) are tiered with low confidence because of unknown data.`, action: 'Check visa sponsorship, score minimums, IMG share and unfilled history for them (program websites, FREIDA, NRMP data).', programIds: lowConfidenceIds });
    }
  }

  // Applicant side.
  if (profile.visaNeed === 'h1b_required') {
    add({ severity: 'info', code: 'j1_widens_pool', text: 'You require an H-1B: that shrinks the pool and needs Step 3.', action: 'If you can accept a J-1, try "Accept J-1" in What-if to see how many programs it adds.' });
  }
  if (!((profile.step2ckStatus === 'passed' || profile.step2ckStatus === 'failed') && profile.step2ckScore !== null)) {
    add({ severity: 'info', code: 'step2ck_pending', text: 'Your Step 2 CK score is not in yet, so score minimums cannot be checked.', action: 'Enter the score when it is out; it is better to delay slightly than apply with a poor Step 2 CK.' });
  }

  if (count > 0) {
    const parts = cost.lines.filter((l) => l.programs > 0).map((l) => `${l.label} ${l.programs}: $${l.cost}`);
    const next = cost.lines.find((l) => l.specialty !== 'categorical');
    add({
      severity: 'info',
      code: 'eras_cost',
      text: `ERAS fees for this list: $${cost.total} (${parts.join('; ')}). ${cost.notes.join(' ')}`,
      action: next ? `One more ${next.specialty === 'institution' ? 'institution' : next.specialty === 'combined' ? 'program' : 'prelim program'} would cost $${next.nextProgramCost}; a broader list improves the odds if the budget allows.` : 'A broader list improves the odds if the budget allows.',
    });
  }

  for (const f of season.findings) add(f);

  if (count > 0 && !findings.some((f) => f.severity === 'warning' || f.severity === 'problem')) {
    add({ severity: 'ok', code: 'list_balanced', text: 'The list matches the advice: size, tiers, prelim and community share.', action: 'Keep the data current and submit as early as possible once Step 2 CK is in.' });
  }

  findings.sort((x, y) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity]);
  const status = findings.length === 0 ? 'ok' : findings[0]!.severity;
  return { metrics, findings, status };
}
