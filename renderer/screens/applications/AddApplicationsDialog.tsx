// Opening applications: choose programs that have none yet (by default those on your list)
// and create them with a status and a date.
import { useMemo, useState } from 'react';
import { APPLICATION_STATUSES, APPLICATION_STATUS_LABELS, type ApplicationStatus } from '../../../shared/domain/application';
import { compareNames, PROGRAM_LABELS, type Program } from '../../../shared/domain/program';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../api/client';
import { usePipelineStore } from '../../stores/pipeline-store';
import { plural } from '../../components/format';
import { localToday } from '../../components/format';
import { Tabs } from '../../components/Tabs';
import type { TierSummary } from '../../../shared/engine/types';
import { TierBadge } from '../programs/TierBadge';
import { ExcludedNote } from './ExcludedNote';
import { excludedWarning } from './pipeline-format';

interface Props {
  programs: Program[];
  /** The tiers store's summaries: each program shows its tier, and an Excluded one asks before it is added. */
  tiers: Map<number, TierSummary>;
  appliedProgramIds: Set<number>;
  onClose: () => void;
  onCreated: (count: number) => void;
}

const SCOPES = [
  ['list', 'On my list'],
  ['all', 'All programs'],
] as const;

export function AddApplicationsDialog({ programs, tiers, appliedProgramIds, onClose, onCreated }: Props) {
  const [scope, setScope] = useState<'list' | 'all'>('list');
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [status, setStatus] = useState<ApplicationStatus>('considering');
  const [date, setDate] = useState(localToday());
  const [error, setError] = useState<string | null>(null);
  // Excluded programs among the chosen ones: named with their reason, added only after "Add anyway".
  const [confirmExcluded, setConfirmExcluded] = useState(false);
  const excludedChosen = useMemo(
    () => programs.filter((p) => chosen.has(p.id)).map((p) => ({ p, why: excludedWarning(p, tiers.get(p.id)) })).filter((x): x is { p: Program; why: string } => x.why !== null),
    [programs, chosen, tiers],
  );

  const candidates = useMemo(() => {
    const q = query.trim().toLowerCase();
    return programs
      .filter((p) => !appliedProgramIds.has(p.id) && (scope === 'all' || p.onList))
      .filter((p) => !q || `${p.institution.name} ${p.institution.city} ${p.institution.state} ${p.nrmpCode}`.toLowerCase().includes(q))
      .sort((a, b) => compareNames(a.institution.name, b.institution.name) || a.track.localeCompare(b.track));
  }, [programs, appliedProgramIds, scope, query]);
  const allShownChosen = candidates.length > 0 && candidates.every((p) => chosen.has(p.id));

  const toggle = (id: number) => {
    setConfirmExcluded(false);
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };
  const create = async () => {
    if (excludedChosen.length > 0 && !confirmExcluded) {
      setConfirmExcluded(true);
      return;
    }
    try {
      onCreated(await usePipelineStore.getState().createApplications({ programIds: [...chosen], status, date }));
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <FormModal title="Add applications" onClose={onClose} wide dirty={chosen.size > 0} onSave={() => void create()} message={error} saveDisabled={chosen.size === 0} saveLabel={confirmExcluded && excludedChosen.length > 0 ? `Add anyway (${plural(chosen.size, 'application')})` : `Add ${plural(chosen.size, 'application')}`}>
      <div className="add-apps">
        <div className="toolbar">
          <Tabs label="Which programs" tabs={SCOPES} value={scope} onChange={setScope} />
          <input type="search" aria-label="Search programs" placeholder="Search by name, city, state, NRMP code" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <div className="grid cols-3">
          <label className="field">
            <span>Start as</span>
            <select value={status} onChange={(e) => setStatus(e.target.value as ApplicationStatus)}>
              {APPLICATION_STATUSES.slice(0, 4).map((s) => (
                <option key={s} value={s}>
                  {APPLICATION_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Date</span>
            <input type="date" value={date} max={localToday()} onChange={(e) => setDate(e.target.value)} />
          </label>
        </div>
        {confirmExcluded && excludedChosen.length > 0 ? (
          <div className="finding sev-problem" role="alert">
            <p>
              {excludedChosen.length === 1 ? 'One chosen program is Excluded' : `${excludedChosen.length} chosen programs are Excluded`}: an application there costs an ERAS fee and is unlikely to be read. Untick{' '}
              {excludedChosen.length === 1 ? 'it' : 'them'}, or press “Add anyway”.
            </p>
            <ul>
              {excludedChosen.map(({ p, why }) => (
                <li key={p.id}>
                  {p.institution.name} ({PROGRAM_LABELS.track[p.track]}): {why.replace(/^Excluded: /, '')}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {candidates.length === 0 ? (
          <p className="muted">{scope === 'list' ? 'Every program on your list has an application. Choose “All programs” to add others, or mark programs on the Programs screen.' : 'Every program has an application.'}</p>
        ) : (
          <>
            <label className="inline-check">
              <input type="checkbox" checked={allShownChosen} onChange={() => { setConfirmExcluded(false); setChosen(allShownChosen ? new Set([...chosen].filter((id) => !candidates.some((p) => p.id === id))) : new Set([...chosen, ...candidates.map((p) => p.id)])); }} />
              Select all {plural(candidates.length, 'program')} shown
            </label>
            <ul className="add-apps-list">
              {candidates.map((p) => (
                <li key={p.id}>
                  <label className="inline-check">
                    <input type="checkbox" checked={chosen.has(p.id)} onChange={() => toggle(p.id)} />
                    <span>
                      <TierBadge program={p} computed={tiers.get(p.id)} /> {p.institution.name} <span className={`badge track-${p.track}`}>{PROGRAM_LABELS.track[p.track]}</span>{' '}
                      <small className="muted">{[p.institution.city, p.institution.state].filter(Boolean).join(', ')}</small>
                      <ExcludedNote text={excludedWarning(p, tiers.get(p.id))} />
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </FormModal>
  );
}
