import { useState } from 'react';
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { AlertOctagon, CheckCircle2, CircleDashed, CircleMinus } from 'lucide-react';
import { READINESS_GROUPS, type ReadinessGroup, type ReadinessItem, type ReadinessState } from '../../../shared/engine/readiness-types';
import { MANUAL_ITEM_IDS, readinessDue, type ManualItemId } from '../../../shared/engine/readiness';
import { daysLeftText, instantOf } from '../../../shared/engine/calendar-dates';
import { EASTERN } from '../../../shared/domain/season-calendar';
import { formatDatesIn, formatDueDate, formatInZone, formatTimeInZone } from '../../components/format';
import { errorMessage } from '../../api/client';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useReadinessStore } from '../../stores/readiness-store';
import { useWatch } from '../../stores/live';
import { hashQuery, openSection } from '../../stores/route-query';
import { namedQuery } from '../programs/program-filters';
import '../../styles/readiness.css';

export const STATE_LABELS: Record<ReadinessState, string> = { done: 'Done', needs_action: 'Needs action', blocking: 'Blocking', not_applicable: 'Not applicable' };
const GROUP_LABELS: Record<ReadinessGroup, string> = { profile: 'Profile', exams: 'Exams and certification', letters: 'Letters', documents: 'Documents', list: 'Program list', applications: 'Applications and the Match', soap: 'SOAP' };
/** Where the user fixes an item of each group. */
const GROUP_SECTIONS = { profile: 'profile', exams: 'profile', letters: 'letters', documents: 'letters', list: 'programs', applications: 'applications', soap: 'soap' } as const;

export function StateIcon({ state }: { state: ReadinessState }) {
  const Icon = state === 'done' ? CheckCircle2 : state === 'blocking' ? AlertOctagon : state === 'needs_action' ? CircleDashed : CircleMinus;
  return <Icon size={18} aria-hidden className={`state-icon state-${state}`} />;
}

function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

function isManual(id: string): id is ManualItemId {
  return (MANUAL_ITEM_IDS as readonly string[]).includes(id);
}

export function ReadinessScreen() {
  const { checklist, loadError, tick, tickSoapStatement } = useReadinessStore();
  useWatch(useReadinessStore);
  // "#/readiness?show=open" (what needs doing) or "?show=blocking" (the Dashboard's blocking count).
  const [only, setOnly] = useState<'open' | 'blocking' | null>(() => {
    const show = hashQuery().get('show');
    return show === 'open' || show === 'blocking' ? show : null;
  });
  // "&scope=eras" (the Dashboard's ERAS readiness links): the ERAS items only, without the SOAP plan's;
  // "scope=soap" (the Dashboard's "SOAP plan, counted apart"): the SOAP plan's items only, as counted there.
  const [scope] = useState(() => {
    const s = hashQuery().get('scope');
    return s === 'eras' || s === 'soap' ? s : null;
  });
  const [error, setError] = useState<string | null>(null);

  if (!checklist) {
    return (
      <div className="screen">
        <ScreenHeader title="Readiness" />
        {loadError ? <div className="banner error">{loadError}</div> : <p className="muted">Loading…</p>}
      </div>
    );
  }
  const { progress, soapProgress, items: allItems, today, timeZone, programNames } = checklist;
  const items = scope === 'eras' ? allItems.filter((i) => i.group !== 'soap') : scope === 'soap' ? allItems.filter((i) => i.group === 'soap') : allItems;
  const onTick = async (id: string, done: boolean) => {
    // SOAP's manual item is stored by the SOAP feature (readiness.tick holds only the ERAS ones).
    const soapTick = id === 'soap.prelim-statement';
    if (!isManual(id) && !soapTick) return;
    setError(null);
    try {
      if (isManual(id)) await tick(id, done);
      else await tickSoapStatement(done);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const shown = only === 'blocking' ? items.filter((i) => i.state === 'blocking') : only === 'open' ? items.filter((i) => i.state === 'blocking' || i.state === 'needs_action') : items;
  return (
    <div className="screen readiness">
      <ScreenHeader
        title="Readiness"
        subtitle="Your ERAS checklist, computed from your profile, letters, documents, list and applications."
        actions={
          <label className="inline-check">
            <input type="checkbox" checked={only !== null} onChange={(e) => setOnly(e.target.checked ? 'open' : null)} /> Only what needs doing
          </label>
        }
      />
      <section className="card readiness-progress" aria-label="ERAS progress">
        <div className="card-title-row">
          <h2>
            {progress.done} of {progress.applicable} done
          </h2>
          <span className="big-percent num">{progress.percent}%</span>
        </div>
        <div className="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress.percent} aria-label="Readiness">
          <div className="progress-fill" style={{ width: `${progress.percent}%` }} />
        </div>
        <p className="counts">
          <span className="state-blocking">{progress.blocking} blocking</span> · <span className="state-needs_action">{progress.needsAction} need action</span> · <span className="muted">{progress.notApplicable} not applicable</span>
        </p>
      </section>
      {error ? <div className="banner error" role="alert">{error}</div> : null}
      {only === 'blocking' ? (
        <div className="banner only-blocking">
          <span>
            Showing only the {shown.length} blocking item{shown.length === 1 ? '' : 's'}.
          </span>
          <button type="button" className="secondary" onClick={() => setOnly('open')}>
            Show all that needs doing
          </button>
        </div>
      ) : null}
      {READINESS_GROUPS.map((g) => {
        const groupItems = shown.filter((i) => i.group === g);
        if (groupItems.length === 0) return null;
        return (
          <section key={g} className="card readiness-group" aria-labelledby={`group-${g}`}>
            <div className="card-title-row">
              <h2 id={`group-${g}`}>{GROUP_LABELS[g]}</h2>
              {g === 'soap' && soapProgress ? (
                <span className="muted small">
                  {soapProgress.done} of {soapProgress.applicable} done (not in the ERAS progress)
                </span>
              ) : null}
              <button type="button" className="ghost" onClick={() => openSection(GROUP_SECTIONS[g])}>
                Open {GROUP_SECTIONS[g]}
              </button>
            </div>
            <ul className="readiness-items">
              {groupItems.map((item) => (
                <ReadinessRow key={item.id} item={item} today={today} timeZone={timeZone} programNames={programNames} onTick={onTick} />
              ))}
            </ul>
          </section>
        );
      })}
      {shown.length === 0 ? <div className="empty-state"><p>Nothing needs doing right now.</p></div> : null}
    </div>
  );
}

function ReadinessRow({ item, today, timeZone, programNames, onTick }: { item: ReadinessItem; today: string; timeZone: string; programNames: Record<number, string>; onTick: (id: string, done: boolean) => void }) {
  const [showAll, setShowAll] = useState(false);
  const affected = item.affectedProgramIds.map((id) => programNames[id] ?? `Program ${id}`);
  const visible = showAll ? affected : affected.slice(0, 5);
  // A timed due point (the ROL deadline, 9 pm ET) is read at its instant in the user's zone.
  const timed = item.dueTime ? readinessDue(item, new Date(), timeZone) : null;
  const days = timed ? timed.days : item.dueDate ? daysBetween(today, item.dueDate) : null;
  const overdue = timed ? timed.overdue : days !== null && days < 0;
  // Shown in the user's zone, with Eastern time (NRMP's) after it when that differs.
  const at = item.dueDate && item.dueTime ? instantOf(item.dueDate, item.dueTime, EASTERN) : null;
  const dueText = at ? `${formatInZone(at, timeZone)}${timeZone === EASTERN ? '' : ` (${formatTimeInZone(at, EASTERN)})`}` : item.dueDate ? formatDueDate(item.dueDate) : '';
  return (
    <li className={`readiness-item state-${item.state}`} data-item={item.id} data-state={item.state}>
      <StateIcon state={item.state} />
      <div className="readiness-body">
        <div className="readiness-title">
          <strong>{item.title}</strong>
          <span className={`badge state-badge state-${item.state}`}>{STATE_LABELS[item.state]}</span>
          {item.dueDate && days !== null ? (
            <span className={`due${overdue ? ' overdue' : days <= 7 ? ' soon' : ''}`}>
              Due {dueText} ({overdue && days === 0 ? 'passed today' : daysLeftText(days)})
            </span>
          ) : null}
        </div>
        <p className="why">{formatDatesIn(item.why)}</p>
        {item.next ? (
          <p className="next">
            <span className="label">Next:</span> {formatDatesIn(item.next)}
          </p>
        ) : null}
        {affected.length > 0 ? (
          <div className="affected">
            <button type="button" className="link label" onClick={() => openSection('programs', namedQuery(item.affectedProgramIds, item.title))}>
              Affects {affected.length === 1 ? '1 program' : `${affected.length} programs`}
            </button>
            : {visible.join(', ')}
            {affected.length > visible.length ? (
              <button type="button" className="ghost" onClick={() => setShowAll(true)}>
                show all
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      {item.manual ? (
        <label className="tick">
          <input type="checkbox" checked={item.state === 'done'} onChange={(e) => onTick(item.id, e.target.checked)} aria-label={`${item.title}: done`} /> Done
        </label>
      ) : null}
    </li>
  );
}
