// Match Week mode: the countdown to the next Thursday round (Eastern time shown with the
// user's time), applications sent against the 45, interview calls, offers per round, and a
// binding acceptance (confirmed first; the main process enforces it).
import { useEffect, useMemo, useState } from 'react';
import { Send } from 'lucide-react';
import type { SoapOverview } from '../../../shared/api/soap-api';
import { SOAP_APPLICATION_STATUS_LABELS, type SoapApplication } from '../../../shared/domain/soap';
import { acceptedApplication, soapClock } from '../../../shared/engine/soap-match-week';
import { ConfirmDialog } from '../../components/Modal';
import { useSoapStore } from '../../stores/soap-store';
import { plural } from '../../components/format';
import { WhenText } from './soap-format';
import { programLabel } from '../../../shared/domain/program';

function useNow(intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

const PHASE_TEXT = {
  before_soap: 'SOAP has not opened yet.',
  applications: 'SOAP is open: applications go out; programs review from Tuesday.',
  offers: 'Offer rounds are under way.',
  ended: 'SOAP has ended for this season.',
} as const;

function ApplicationRow({ app, defaultRound, onAccept }: { app: SoapApplication; defaultRound: number; onAccept: (a: SoapApplication) => void }) {
  const run = useSoapStore((s) => s.run);
  // null = follow the default (the current or latest round) until the user picks one.
  const [picked, setPicked] = useState<number | null>(null);
  const round = picked ?? defaultRound;
  const canOffer = app.status === 'applied' || app.status === 'interview';
  return (
    <tr data-application={app.id} className={`soap-app-${app.status}`}>
      <td>{app.label}</td>
      <td>
        <span className={`badge soap-status-${app.status}`}>{SOAP_APPLICATION_STATUS_LABELS[app.status]}</span>
      </td>
      <td className="num">{app.offerRound ?? '—'}</td>
      <td>
        <div className="row-buttons">
          {app.status === 'applied' ? (
            <button type="button" className="ghost" onClick={() => void run('soap.interview', { applicationId: app.id })}>
              Interview call
            </button>
          ) : null}
          {canOffer ? (
            <>
              <label className="soap-round">
                <span className="sr-only">Offer round for {app.label}</span>
                <select value={round} onChange={(e) => setPicked(Number(e.target.value))}>
                  {[1, 2, 3, 4].map((r) => (
                    <option key={r} value={r}>
                      Round {r}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="secondary" onClick={() => void run('soap.offer', { applicationId: app.id, round })}>
                Record offer
              </button>
            </>
          ) : null}
          {app.status === 'offered' ? (
            <>
              <button type="button" className="primary" onClick={() => onAccept(app)}>
                Accept…
              </button>
              <button type="button" className="ghost danger" onClick={() => void run('soap.decide', { applicationId: app.id, decision: 'reject' })}>
                Reject
              </button>
              <button type="button" className="ghost" onClick={() => void run('soap.decide', { applicationId: app.id, decision: 'expire' })}>
                Let expire
              </button>
            </>
          ) : null}
        </div>
      </td>
    </tr>
  );
}

export function MatchWeekPanel({ overview }: { overview: SoapOverview }) {
  const run = useSoapStore((s) => s.run);
  const now = useNow(15_000);
  const clock = soapClock(now, overview.dates);
  const accepted = acceptedApplication(overview.applications);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [accepting, setAccepting] = useState<SoapApplication | null>(null);
  const left = overview.max - overview.used;
  const latestRound = Math.max(0, ...overview.applications.map((a) => a.offerRound ?? 0));
  const defaultRound = Math.min(4, Math.max(1, clock.currentRound, latestRound));

  const openToApply = useMemo(() => overview.plan.filter((p) => p.open === true && p.applicationId === null && p.problem === null), [overview.plan]);
  const chosen = openToApply.filter((p) => selected.has(p.program.id)).map((p) => p.program.id);

  const toggle = (id: number) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  return (
    <div className="soap-columns soap-week">
      <section className="card" aria-labelledby="soap-clock-title">
        <div className="card-title-row">
          <h2 id="soap-clock-title">Thursday offer rounds</h2>
          {overview.dates.estimated ? <span className="badge soap-est" title={overview.dates.source}>Estimated times</span> : null}
        </div>
        <p>{PHASE_TEXT[clock.phase]}</p>
        {clock.next ? (
          <p className="soap-countdown" aria-live="polite">
            {clock.next.label} in <strong>{clock.countdown}</strong>
          </p>
        ) : null}
        <ol className="soap-rounds">
          {overview.dates.offerRounds.map((at, i) => (
            <li key={at} className={clock.currentRound === i + 1 && clock.phase === 'offers' ? 'current' : undefined}>
              <strong>Round {i + 1}</strong> <WhenText iso={at} />
            </li>
          ))}
          <li>
            <strong>SOAP ends</strong> <WhenText iso={overview.dates.soapEnds} />
          </li>
        </ol>
        <p className="muted small">
          SOAP opens <WhenText iso={overview.dates.soapOpens} /> with the List of Unfilled Programs. An offer lasts its round; a rejected or expired offer ends that program's offers.
        </p>
      </section>

      <section className="card" aria-labelledby="soap-apps-title">
        <div className="card-title-row">
          <h2 id="soap-apps-title">Applications</h2>
          <span className={`badge${left <= 0 ? ' soap-full' : ''}`} aria-label="Applications sent">
            {overview.used} of {overview.max} sent
          </span>
        </div>
        {accepted ? (
          <p className="banner ok" role="status">
            You accepted {accepted.label} in round {accepted.offerRound}. The acceptance is binding: every other application is closed and no further applications are possible.
          </p>
        ) : (
          <>
            <h3>Open programs in your plan</h3>
            {openToApply.length === 0 ? (
              <p className="muted">{overview.state.unfilledImportedAt ? 'No open plan program left to apply to.' : 'Import Monday’s List of Unfilled Programs first: SOAP applications go only to programs on it.'}</p>
            ) : (
              <ul className="soap-apply-list">
                {openToApply.map((p) => (
                  <li key={p.program.id}>
                    <label className="inline-check">
                      <input type="checkbox" checked={selected.has(p.program.id)} onChange={() => toggle(p.program.id)} /> {programLabel(p.program)}
                    </label>
                  </li>
                ))}
              </ul>
            )}
            <div className="row-buttons">
              <button type="button" className="ghost" disabled={openToApply.length === 0} onClick={() => setSelected(new Set(openToApply.slice(0, Math.max(0, left)).map((p) => p.program.id)))}>
                Select the first {Math.min(openToApply.length, Math.max(0, left))}
              </button>
              <button
                type="button"
                className="primary"
                disabled={chosen.length === 0}
                onClick={() =>
                  void run('soap.apply', { programIds: chosen }).then((ok) => {
                    if (ok) setSelected(new Set());
                  })
                }
              >
                <Send size={15} aria-hidden /> Record {plural(chosen.length, 'application')} as sent
              </button>
            </div>
            <p className="muted small">Send them in ERAS first; here you record what went out. {left > 0 ? `${plural(left, 'application')} left.` : 'No applications left.'}</p>
          </>
        )}
        {overview.applications.length > 0 ? (
          <table className="soap-apps">
            <thead>
              <tr>
                <th scope="col">Program</th>
                <th scope="col">Status</th>
                <th scope="col">Round</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {overview.applications.map((a) => (
                <ApplicationRow key={a.id} app={a} defaultRound={defaultRound} onAccept={setAccepting} />
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      {accepting ? (
        <ConfirmDialog
          title="Accept this offer?"
          message={
            <>
              Accepting <strong>{accepting.label}</strong> is <strong>binding</strong>: every other application closes and you cannot apply or accept anything else in SOAP.
            </>
          }
          confirmLabel="Accept (binding)"
          onConfirm={() => {
            const id = accepting.id;
            setAccepting(null);
            void run('soap.decide', { applicationId: id, decision: 'accept' });
          }}
          onCancel={() => setAccepting(null)}
        />
      ) : null}
    </div>
  );
}
