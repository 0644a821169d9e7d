import { DATED_KIND_LABELS, type AgendaEntry } from '../../../shared/engine/agenda';
import { daysLeftText, formatDay } from '../../../shared/engine/calendar-dates';
import { openSection } from '../../stores/route-query';

/** One line per dated item: the day, days left, what it is, the time in the user's zone and in ET. */
export function AgendaList({ entries, empty, compact = false }: { entries: AgendaEntry[]; empty: string; compact?: boolean }) {
  if (entries.length === 0) return <p className="muted empty-line">{empty}</p>;
  return (
    <ul className={`agenda${compact ? ' compact' : ''}`}>
      {entries.map((e) => (
        <li key={e.key} className={`agenda-entry state-${e.state}`} data-key={e.key}>
          <div className="agenda-when">
            <span className="agenda-day">{formatDay(e.userDate)}</span>
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
              {e.localTime ? (
                <span className="agenda-time">
                  {e.localTime}
                  {e.easternTime && !e.localTime.endsWith(e.easternTime.split(' ').pop() ?? '') ? <span className="muted"> · {e.easternTime}</span> : null}
                </span>
              ) : null}
            </span>
            {!compact && e.detail ? <span className="agenda-detail muted">{e.detail}</span> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
