// Seasons: the active Match season, starting the next one (a preview of what carries over
// and what stays, then undo until the first change) and past seasons, read-only.
import { useEffect, useRef } from 'react';
import { formatDate, formatDueDate } from '../../components/format';
import type { SeasonView } from '../../../shared/domain/season';
import { ScreenHeader } from '../../components/ScreenHeader';
import { LoadErrorBanner, NoticeBanner, useNoticeAction } from '../../components/Notice';
import { useSeasonsStore } from '../../stores/seasons-store';
import { useRoute } from '../../stores/route-store';
import { useWatch } from '../../stores/live';
import './seasons.css';

const day = (iso: string | null) => (iso ? formatDate(iso.slice(0, 10)) : '—');

export function SeasonsScreen() {
  const { overview, preview, view, loadError, load, loadPreview, closePreview, startNext, undoStart, openView, closeView } = useSeasonsStore();
  const { notice, setNotice, run } = useNoticeAction();
  const go = useRoute((s) => s.go);
  const viewRef = useRef<HTMLElement>(null);
  useWatch(useSeasonsStore);
  useEffect(() => {
    if (view) viewRef.current?.focus();
  }, [view]);

  if (!overview) {
    return (
      <div className="screen">
        <ScreenHeader title="Seasons" />
        {loadError ? <LoadErrorBanner message={loadError} onRetry={() => void load()} /> : <p className="muted">Loading…</p>}
      </div>
    );
  }
  const { active, seasons, undoable, undoBlockedBecause } = overview;
  const past = seasons.filter((s) => s.status === 'past');
  const next = active.matchYear + 1;
  return (
    <div className="screen seasons">
      <ScreenHeader title="Seasons" subtitle="Each Match season keeps its own applications, interviews, rank list and SOAP. Past seasons stay readable, read-only." />
      <NoticeBanner notice={notice} onDismiss={() => setNotice(null)} />

      <section className="card" aria-labelledby="active-season">
        <h2 id="active-season">{active.label} (active)</h2>
        <p>
          {active.carriedFrom ? `Started ${day(active.startedAt)} from the ${active.carriedFrom} Match: your profile, programs, letters and documents came along.` : 'Every screen shows and edits this season.'}
        </p>
        {active.carriedFrom !== null ? (
          undoable ? (
            <p>
              <button type="button" className="secondary" onClick={() => void run(() => undoStart(), `Undone: the ${active.carriedFrom} Match is the active season again.`)}>
                Undo starting the {active.label}
              </button>{' '}
              <span className="muted">Possible until you change something.</span>
            </p>
          ) : (
            <p className="muted">{undoBlockedBecause}</p>
          )
        ) : null}
      </section>

      <section className="card" aria-labelledby="next-season">
        <h2 id="next-season">Start the {next} Match season</h2>
        <p>Re-applying? Start a new season: what you keep comes along; this season’s applications, interviews and rank list stay here, read-only.</p>
        {!preview ? (
          <button type="button" className="secondary" onClick={() => void run(() => loadPreview())}>
            Preview what carries over
          </button>
        ) : (
          <div className="season-preview" role="region" aria-label="What carries over">
            {preview.warnings.map((w) => (
              <p key={w} className="banner warn">
                {w}
              </p>
            ))}
            <p>
              This season’s result: <strong>{preview.outcome.summary}</strong>
            </p>
            <div className="carry-columns">
              <div>
                <h3>Carries over to the {preview.to} Match</h3>
                <ul>
                  {preview.carries.map((c) => (
                    <li key={c.label}>
                      <strong>{c.label}</strong> ({c.count}){c.detail ? `: ${c.detail}` : ''}
                    </li>
                  ))}
                </ul>
              </div>
              <div>
                <h3>Stays in the {preview.from} Match (read-only)</h3>
                <ul>
                  {preview.stays.map((c) => (
                    <li key={c.label}>
                      <strong>{c.label}</strong> ({c.count}){c.detail ? `: ${c.detail}` : ''}
                    </li>
                  ))}
                </ul>
              </div>
            </div>
            <p className="actions-row">
              <button type="button" onClick={() => void run(() => startNext(preview.from), `The ${preview.to} Match season has started. You can undo it until you change something.`)}>
                Start the {preview.to} Match season
              </button>
              <button type="button" className="secondary" onClick={closePreview}>
                Cancel
              </button>
            </p>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="past-seasons">
        <h2 id="past-seasons">Past seasons</h2>
        {past.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <ul className="season-list">
            {past.map((s) => (
              <li key={s.matchYear}>
                <strong>{s.label}</strong> <span className="muted">ended {day(s.endedAt)}</span>: {s.outcome?.summary ?? 'No result recorded.'}{' '}
                <button type="button" className="secondary" onClick={() => void run(() => openView(s.matchYear))}>
                  View the {s.label}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      {view ? <PastSeason view={view} onClose={closeView} panelRef={viewRef} /> : null}
      <p>
        <button type="button" className="ghost" onClick={() => go('prelim')}>
          Open the prelim-year plan
        </button>
      </p>
    </div>
  );
}

function PastSeason({ view, onClose, panelRef }: { view: SeasonView; onClose: () => void; panelRef: React.RefObject<HTMLElement | null> }) {
  const title = `${view.season.label}${view.season.status === 'past' ? ' (read-only)' : ''}`;
  return (
    <section className="card season-view" aria-labelledby="season-view-title" tabIndex={-1} ref={panelRef}>
      <div className="season-view-head">
        <h2 id="season-view-title">{title}</h2>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <p>
        <strong>{view.outcome.summary}</strong> {view.outcome.applications} applications ({view.outcome.submitted} submitted), {view.outcome.interviews} interviews, {view.outcome.ranked} ranked
        {view.outcome.soapApplications ? `, ${view.outcome.soapApplications} SOAP applications` : ''}.
      </p>
      <table className="season-table">
        <caption>Applications</caption>
        <thead>
          <tr>
            <th scope="col">Program</th>
            <th scope="col">Status</th>
            <th scope="col">Since</th>
          </tr>
        </thead>
        <tbody>
          {view.applications.map((a) => (
            <tr key={a.programLabel}>
              <td>{a.programLabel}</td>
              <td>{a.status}</td>
              <td>{day(a.statusDate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.rankList.length ? (
        <>
          <h3>Rank list</h3>
          <ol className="season-rank">
            {view.rankList.map((r) => (
              <li key={r.rank}>{r.programLabel}</li>
            ))}
          </ol>
        </>
      ) : null}
      {view.soapApplications.length ? (
        <>
          <h3>SOAP</h3>
          <ul>
            {view.soapApplications.map((s) => (
              <li key={s.label}>
                {s.label}: {s.status}
                {s.offerRound ? ` (offer in round ${s.offerRound})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>Dates</h3>
      <ul className="season-dates">
        {view.calendar
          .filter((e) => ['eras-submit-opens', 'rol-deadline', 'match-week-status', 'match-day'].includes(e.id))
          .map((e) => (
            <li key={e.id}>
              {e.title}: {formatDueDate(e.date)}
              {e.estimated ? ' (est.)' : ''}
            </li>
          ))}
      </ul>
    </section>
  );
}
