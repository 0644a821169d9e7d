import { PROGRAM_LABELS, SETTINGS, TRACKS, VISA_SPONSORSHIPS } from '../../../shared/domain/program';
import { US_STATES } from '../../../shared/domain/us-states';
import { TIER_LABELS, TIER_OUTCOMES } from '../../../shared/engine/types';
import { activeFilterCount, NO_FILTERS, type ProgramFilters } from './program-filters';

const REGIONS = ['Northeast', 'Midwest', 'South', 'West', 'Territory'] as const;

export function ProgramFiltersBar({ filters, onChange, states }: { filters: ProgramFilters; onChange: (f: ProgramFilters) => void; states: string[] }) {
  const set = <K extends keyof ProgramFilters>(k: K, v: ProgramFilters[K]) => onChange({ ...filters, [k]: v });
  const n = activeFilterCount(filters);
  return (
    <div className="filters" role="group" aria-label="Filters">
      <select aria-label="Tier filter" value={filters.tier} onChange={(e) => set('tier', e.target.value as ProgramFilters['tier'])}>
        <option value="all">All tiers</option>
        {TIER_OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {TIER_LABELS[o]}
          </option>
        ))}
      </select>
      <select aria-label="Visa filter" value={filters.visa} onChange={(e) => set('visa', e.target.value as ProgramFilters['visa'])}>
        <option value="all">Any visa</option>
        {VISA_SPONSORSHIPS.map((v) => (
          <option key={v} value={v}>
            {PROGRAM_LABELS.visa[v]}
          </option>
        ))}
      </select>
      <select aria-label="Setting filter" value={filters.setting} onChange={(e) => set('setting', e.target.value as ProgramFilters['setting'])}>
        <option value="all">Any setting</option>
        {SETTINGS.map((s) => (
          <option key={s} value={s}>
            {PROGRAM_LABELS.setting[s]}
          </option>
        ))}
      </select>
      <select aria-label="Region filter" value={filters.region} onChange={(e) => set('region', e.target.value as ProgramFilters['region'])}>
        <option value="all">Any region</option>
        {REGIONS.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <select aria-label="State filter" value={filters.state} onChange={(e) => set('state', e.target.value)}>
        <option value="all">Any state</option>
        {US_STATES.filter((s) => states.includes(s.code)).map((s) => (
          <option key={s.code} value={s.code}>
            {s.name}
          </option>
        ))}
      </select>
      <select aria-label="Track filter" value={filters.track} onChange={(e) => set('track', e.target.value as ProgramFilters['track'])}>
        <option value="all">Both tracks</option>
        {TRACKS.map((t) => (
          <option key={t} value={t}>
            {PROGRAM_LABELS.track[t]}
          </option>
        ))}
      </select>
      <select aria-label="List filter" value={filters.onList} onChange={(e) => set('onList', e.target.value as ProgramFilters['onList'])}>
        <option value="all">On list or not</option>
        <option value="yes">On my list</option>
        <option value="no">Not on my list</option>
      </select>
      {n > 0 ? (
        <button type="button" className="ghost" onClick={() => onChange(NO_FILTERS)}>
          Clear {n} filter{n === 1 ? '' : 's'}
        </button>
      ) : null}
    </div>
  );
}
