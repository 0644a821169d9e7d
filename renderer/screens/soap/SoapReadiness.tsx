// The SOAP readiness items (group 'soap', computed by the engine); the manual one (a prelim
// statement kept outside Documents) is ticked here.
import { AlertOctagon, CheckCircle2, Circle } from 'lucide-react';
import type { SoapOverview } from '../../../shared/api/soap-api';
import { useSoapStore } from '../../stores/soap-store';
import { formatDatesIn, formatDueDate } from '../../components/format';
import { openSection } from '../../stores/route-query';

const TICKS: Record<string, 'prelimStatementReady'> = { 'soap.prelim-statement': 'prelimStatementReady' };

export function SoapReadiness({ overview }: { overview: SoapOverview }) {
  const run = useSoapStore((s) => s.run);
  const closed = overview.notApplicable;
  if (closed) {
    // Matched: no to-dos, one calm note with what comes next.
    return (
      <section className="card" aria-labelledby="soap-ready-title" data-soap="not-applicable">
        <h2 id="soap-ready-title">SOAP does not apply</h2>
        <p>{closed.why}</p>
        <p className="muted small">{closed.next}</p>
        {closed.track === 'preliminary' ? (
          <button type="button" className="secondary" onClick={() => openSection('prelim')}>
            Open the prelim-year plan
          </button>
        ) : null}
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="soap-ready-title">
      <h2 id="soap-ready-title">SOAP readiness</h2>
      <ul className="soap-ready">
        {overview.readiness.map((item) => {
          const tick = TICKS[item.id];
          return (
            <li key={item.id} className={`soap-ready-${item.state}`}>
              {item.state === 'done' ? <CheckCircle2 size={18} aria-hidden className="ok" /> : item.state === 'blocking' ? <AlertOctagon size={18} aria-hidden className="bad" /> : <Circle size={18} aria-hidden />}
              <div>
                <div className="soap-plan-title">
                  <strong>{item.title}</strong>
                  <span className="sr-only">({item.state.replace('_', ' ')})</span>
                  {item.dueDate && item.state !== 'done' ? <span className="muted small">by {formatDueDate(item.dueDate)}</span> : null}
                </div>
                <p className="muted small">
                  {formatDatesIn(item.why)} {formatDatesIn(item.next)}
                </p>
              </div>
              {item.manual && tick ? (
                <label className="inline-check">
                  <input type="checkbox" aria-label={`${item.title}: ready`} checked={item.state === 'done'} onChange={(e) => void run('soap.setTicks', { [tick]: e.target.checked })} /> Ready
                </label>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
