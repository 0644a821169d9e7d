// The Programs screen's filters: tier, visa, setting, state, census region, track, on list.
import { censusRegionOf, type CensusRegion } from '../../../shared/domain/us-states';
import type { Program, ProgramSetting, Track, VisaSponsorship } from '../../../shared/domain/program';
import type { TierOutcome, TierSummary } from '../../../shared/engine/types';

export interface ProgramFilters {
  tier: TierOutcome | 'all';
  visa: VisaSponsorship | 'all';
  setting: ProgramSetting | 'all';
  state: string;
  region: CensusRegion | 'all';
  track: Track | 'all';
  onList: 'all' | 'yes' | 'no';
}

export const NO_FILTERS: ProgramFilters = { tier: 'all', visa: 'all', setting: 'all', state: 'all', region: 'all', track: 'all', onList: 'all' };

/** The tier the user sees: their override, else the computed one. */
export function effectiveTier(p: Program, computed: TierSummary | undefined): TierOutcome | undefined {
  return p.override?.outcome ?? computed?.outcome;
}

export function applyFilters(programs: Program[], f: ProgramFilters, tiers: Map<number, TierSummary>): Program[] {
  return programs.filter(
    (p) =>
      (f.tier === 'all' || effectiveTier(p, tiers.get(p.id)) === f.tier) &&
      (f.visa === 'all' || p.institution.visaSponsorship === f.visa) &&
      (f.setting === 'all' || p.institution.setting === f.setting) &&
      (f.state === 'all' || p.institution.state === f.state) &&
      (f.region === 'all' || censusRegionOf(p.institution.state) === f.region) &&
      (f.track === 'all' || p.track === f.track) &&
      (f.onList === 'all' || p.onList === (f.onList === 'yes')),
  );
}

export function activeFilterCount(f: ProgramFilters): number {
  return Object.entries(f).filter(([k, v]) => v !== NO_FILTERS[k as keyof ProgramFilters]).length;
}

/** Filters named in the URL hash ("#/programs?tier=tier2&onList=yes"), e.g. from a dashboard number; unknown values are ignored. */
export function filtersFromQuery(q: URLSearchParams): ProgramFilters {
  const f: ProgramFilters = { ...NO_FILTERS };
  const tier = q.get('tier');
  if (tier && (['excluded', 'long_shot', 'tier1', 'tier2', 'tier3'] as const).includes(tier as TierOutcome)) f.tier = tier as TierOutcome;
  const onList = q.get('onList');
  if (onList === 'yes' || onList === 'no') f.onList = onList;
  return f;
}

/**
 * A list of programs named by another screen ("#/programs?ids=3,8,12&why=…"): the programs a
 * readiness item affects or a list-health warning names. The table shows exactly those.
 */
export interface NamedPrograms {
  ids: number[];
  /** What named them, shown above the table (e.g. the readiness item's title). */
  why: string;
}

export function namedFromQuery(q: URLSearchParams): NamedPrograms | null {
  const raw = q.get('ids');
  if (raw === null) return null;
  const ids = [...new Set(raw.split(',').map((x) => Number(x)).filter((n) => Number.isInteger(n) && n > 0))];
  return { ids, why: (q.get('why') ?? '').slice(0, 300) };
}

/** The hash query that opens the Programs screen on exactly these programs. */
export function namedQuery(ids: readonly number[], why: string): Record<string, string> {
  return { ids: ids.join(','), why };
}
