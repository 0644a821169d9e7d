import { PROGRAM_LABELS, SETTINGS, TRACKS, VISA_SPONSORSHIPS } from '../../../shared/domain/program-labels';
import { US_STATES } from '../../../shared/domain/us-states';
import { TIER_LABELS, TIER_OUTCOMES } from '../../../shared/engine/types';
import { activeFilterCount, NO_FILTERS, type ProgramFilters } from './program-filters';

const REGIONS = ['Northeast', 'Midwest', 'South', 'West', 'Territory'] as const;
const pairs = <T extends string>(keys: readonly T[], labels: Record<T, string>) => keys.map((k) => [k, labels[k]] as const);

export function ProgramFiltersBar({ filters, onChange, states }: { filters: ProgramFilters; onChange: (f: ProgramFilters) => void; states: string[] }) {
  const n = activeFilterCount(filters);
  const select = <K extends keyof ProgramFilters>(key: K, label: string, any: string, options: readonly (readonly [string, string])[]) => (
    <select aria-label={label} value={filters[key]} onChange={(e) => onChange({ ...filters, [key]: e.target.value })}>
      <option value="all">{any}</option>
      {options.map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </select>
  );
  return (
    <div className="filters" role="group" aria-label="Filters">
      {select('tier', 'Tier filter', 'All tiers', pairs(TIER_OUTCOMES, TIER_LABELS))}
      {select('visa', 'Visa filter', 'Any visa', pairs(VISA_SPONSORSHIPS, PROGRAM_LABELS.visa))}
      {select('setting', 'Setting filter', 'Any setting', pairs(SETTINGS, PROGRAM_LABELS.setting))}
      {select('region', 'Region filter', 'Any region', REGIONS.map((r) => [r, r] as const))}
      {select('state', 'State filter', 'Any state', US_STATES.filter((s) => states.includes(s.code)).map((s) => [s.code, s.name] as const))}
      {select('track', 'Track filter', 'Both tracks', pairs(TRACKS, PROGRAM_LABELS.track))}
      {select('onList', 'List filter', 'On list or not', [['yes', 'On my list'], ['no', 'Not on my list']])}
      {n > 0 ? (
        <button type="button" className="ghost" onClick={() => onChange(NO_FILTERS)}>
          Clear {n} filter{n === 1 ? '' : 's'}
        </button>
      ) : null}
    </div>
  );
}
