import { DATED_KIND_LABELS, type AgendaEntry } from '../../../shared/engine/agenda';
import { daysLeftText } from '../../../shared/engine/days-left';
import { EASTERN } from '../../../shared/domain/eastern-time';
import { formatDatesIn, formatDueDate, formatInZone, formatTimeInZone, userTimeZone } from '../../components/format';
import { openSection } from '../../stores/route-query';

/** One line per dated item: the day, days left, what it is, the time in the user's zone and in ET. */
export function AgendaList({ entries, empty, compact = false, timeZone = userTimeZone() }: { entries: AgendaEntry[]; empty: string; compact?: boolean; timeZone?: string }) {
  if (entries.length === 0) return <p className="muted empty-line">{empty}</p>;
  return (
    <ul className={`agenda${compact ? ' compact' : ''}`}>
      {entries.map((e) => (
        <li key={e.key} className={`agenda-entry state-${e.state}`} data-key={e.key}>
          <div className="agenda-when">
            <span className="agenda-day">{formatDueDate(e.userDate)}</span>
            <span className={`agenda-left${e.state === 'overdue' ? ' overdue' : e.daysLeft <= 3 ? ' soon' : ''}`}>{daysLeftText(e.daysLeft)}</span>
          </div>
          <div className="agenda-what">
            <button type="button" className="link" onClick={() => openSection(e.section, e.query ?? {})}>
              {e.title}
            </button>
            <span className="agenda-meta">
              <span className="badge">{DATED_KIND_LABELS[e.kind]}</span>
              {e.estimated ? (
                <span className="badge est" title="A projected date, not yet confirmed by the source: check it and correct it here when published.">
                  est.
                </span>
              ) : null}
              {e.instant ? <AgendaTime instant={new Date(e.instant)} zone={timeZone} /> : null}
            </span>
            {!compact && e.detail ? <span className="agenda-detail muted">{formatDatesIn(e.detail)}</span> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** A timed item: its time in the user's zone, and in Eastern time (NRMP's) when that differs. */
function AgendaTime({ instant, zone }: { instant: Date; zone: string }) {
  return (
    <span className="agenda-time">
      {formatInZone(instant, zone)}
      {zone === EASTERN ? null : <span className="muted"> · {formatTimeInZone(instant, EASTERN)}</span>}
    </span>
  );
}
