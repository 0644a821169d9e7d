import { useMemo } from 'react';
import { useWatch } from '../../stores/live';
import { EMPTY_PROFILE, type Profile } from '../../../shared/domain/profile';
import type { Program } from '../../../shared/domain/program';
import { listHealth } from '../../../shared/engine/list-health';
import { TIER_LABELS, TIER_OUTCOMES, type TierSummary } from '../../../shared/engine/types';
import { money } from '../../components/format';
import type { ProgramFilters } from './program-filters';
import { useSignalsStore } from '../../stores/signals-store';
import { useCostsStore } from '../../stores/costs-store';

interface Props {
  /** Opens the Programs table on exactly the programs a finding names. */
  onShowPrograms: (ids: number[], why: string) => void;
  /** Opens the Programs table with filters (a metric's list: on the list, a tier, a track). */
  onShowFilter: (filters: Partial<ProgramFilters>) => void;
  programs: Program[];
  tiers: Map<number, TierSummary>;
  /** The saved profile; null before it was saved once (counts as empty). */
  profile: Profile | null;
  feesCombineTracks: boolean;
  onFeesCombineTracks: (v: boolean) => void;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** How the list of programs marked to apply to looks against the seed's advice. */
export function ListHealthPanel({ onShowPrograms, onShowFilter, programs, tiers, profile, feesCombineTracks, onFeesCombineTracks }: Props) {
  // Signals, the geographic preference and how ERAS fees count (docs/DOMAIN.md §6, §7, §9).
  const signalBudget = useSignalsStore((s) => s.signals?.budget.budget);
  const geoDivisions = useSignalsStore((s) => s.geo.divisions);
  const feesPerInstitution = useCostsStore((s) => s.view?.feesPerInstitution ?? true);
  useWatch(useSignalsStore, useCostsStore);
  const health = useMemo(() => {
    const entries = programs
      .filter((p) => p.onList && tiers.has(p.id))
      .map((p) => ({ program: p, tier: tiers.get(p.id)!, overriddenOutcome: p.override?.outcome ?? null }));
    return listHealth(entries, profile ?? EMPTY_PROFILE, { feesCombineTracks, feesPerInstitution, geoDivisions, ...(signalBudget !== undefined ? { signalBudget } : {}) });
  }, [programs, tiers, profile, feesCombineTracks, feesPerInstitution, geoDivisions, signalBudget]);
  const m = health.metrics;
  return (
    <section className="card list-health" aria-label="List health">
      <div className="card-title-row">
        <h2>List health</h2>
        <span className={`badge status-${health.status}`}>{m.count} on your list · target {m.target.min}–{m.target.max}</span>
      </div>
      <div className="metrics">
        <Metric label="Programs" value={String(m.count)} onOpen={() => onShowFilter({ onList: 'yes' })} />
        <div className="metric">
          <span className="muted">Preliminary / categorical</span>
          <strong>
            <button type="button" className="link" aria-label={`${m.preliminary} preliminary programs on your list`} onClick={() => onShowFilter({ onList: 'yes', track: 'preliminary' })}>
              {m.preliminary}
            </button>{' '}
            /{' '}
            <button type="button" className="link" aria-label={`${m.categorical} categorical programs on your list`} onClick={() => onShowFilter({ onList: 'yes', track: 'categorical' })}>
              {m.categorical}
            </button>
          </strong>
        </div>
        <Metric label="Community share" value={pct(m.communityShare)} />
        <Metric label="Tier 2 share" value={pct(m.tier2Share)} />
        <Metric label="Midwest + South" value={pct(m.openRegionShare)} />
        <Metric label={`ERAS cost${m.cost.unconfirmed ? ' (unconfirmed)' : ''}`} value={money(m.cost.total)} />
      </div>
      <div className="tier-bars" aria-label="Tier distribution">
        {TIER_OUTCOMES.map((o) => (
          <div key={o} className="tier-bar">
            <span className={`badge tier tier-${o}`}>{TIER_LABELS[o]}</span>
            <span className="bar">
              <span className={`fill tier-${o}`} style={{ width: m.count ? `${(m.byOutcome[o] / m.count) * 100}%` : 0 }} />
            </span>
            <button type="button" className="link num" aria-label={`${TIER_LABELS[o]}: ${m.byOutcome[o]} on your list`} onClick={() => onShowFilter({ onList: 'yes', tier: o })}>
              {m.byOutcome[o]}
            </button>
          </div>
        ))}
      </div>
      <p className="muted regions">
        By census region: {Object.entries(m.byRegion).filter(([, n]) => n > 0).map(([r, n]) => `${r} ${n}`).join(' · ') || 'none yet'}
      </p>
      <ul className="findings">
        {health.findings.map((f) => (
          <li key={f.code} className={`finding sev-${f.severity}`}>
            <strong>{f.text}</strong>
            <span>{f.action}</span>
            {f.programIds && f.programIds.length > 0 ? (
              <button type="button" className="link self-start" onClick={() => onShowPrograms(f.programIds!, f.text)}>
                Show {f.programIds.length === 1 ? 'this program' : `these ${f.programIds.length} programs`}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <label className="inline-check">
        <input type="checkbox" checked={feesCombineTracks} onChange={(e) => onFeesCombineTracks(e.target.checked)} />
        When tracks are counted apart (Costs), count preliminary and categorical surgery as one ERAS specialty (unconfirmed)
      </label>
    </section>
  );
}

function Metric({ label, value, onOpen }: { label: string; value: string; onOpen?: () => void }) {
  return (
    <div className="metric">
      <span className="muted">{label}</span>
      <strong>
        {onOpen ? (
          <button type="button" className="link" aria-label={`${label}: ${value} (open the list)`} onClick={onOpen}>
            {value}
          </button>
        ) : (
          value
        )}
      </strong>
    </div>
  );
}
