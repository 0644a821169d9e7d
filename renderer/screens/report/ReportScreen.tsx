// The advisor report: a printable summary for a mentor or advisor (sections the user picks,
// private fields only when chosen). Desktop: "Save as PDF" (Electron's printToPDF through the
// shell); browser mode: the browser's print dialog. One print stylesheet for both.
import { useState } from 'react';
import { REPORT_SECTIONS, REPORT_SECTION_LABELS, type AdvisorReport } from '../../../shared/engine/advisor-report';
import { ScreenHeader } from '../../components/ScreenHeader';
import { LoadErrorBanner } from '../../components/Notice';
import { formatDate, formatDatesIn, money } from '../../components/format';
import { canSavePdf, printOrSavePdf } from '../../api/print';
import { useReportStore } from '../../stores/report-store';
import { useWatch } from '../../stores/live';
import './report.css';

export function ReportScreen() {
  const { report, loadError, load, sections, includePrivate, setSection, setIncludePrivate } = useReportStore();
  const [message, setMessage] = useState<string | null>(null);
  useWatch(useReportStore);
  const desktop = canSavePdf();
  return (
    <div className="screen report-screen">
      <div className="no-print">
        <ScreenHeader
          title="Advisor report"
          subtitle="A printable summary to share with a mentor or advisor. Choose what goes in; private details stay out unless you add them."
          actions={
            <button
              type="button"
              disabled={!report || sections.length === 0}
              onClick={() => {
                setMessage(null);
                void printOrSavePdf(`prelim-tracker-report-${report?.preparedOn ?? ''}`).then(setMessage, (err: unknown) => setMessage(err instanceof Error ? err.message : String(err)));
              }}
            >
              {desktop ? 'Save as PDF…' : 'Print or save as PDF…'}
            </button>
          }
        />
        {message ? (
          <p className="banner ok" role="status">
            {message}
          </p>
        ) : null}
        <fieldset className="card report-options">
          <legend>Sections</legend>
          <div className="report-checks">
            {REPORT_SECTIONS.map((s) => (
              <label key={s} className="inline-check">
                <input type="checkbox" checked={sections.includes(s)} onChange={(e) => setSection(s, e.target.checked)} />
                {REPORT_SECTION_LABELS[s]}
              </label>
            ))}
          </div>
          <label className="inline-check">
            <input type="checkbox" checked={includePrivate} onChange={(e) => setIncludePrivate(e.target.checked)} />
            Include private details (name, email, AAMC ID, your notes, interview impressions)
          </label>
          {sections.length === 0 ? <p role="alert">Choose at least one section.</p> : null}
        </fieldset>
        {loadError ? <LoadErrorBanner message={loadError} onRetry={() => void load()} /> : null}
      </div>
      {report && sections.length ? <Report report={report} /> : <p className="muted no-print">{loadError ? '' : 'Loading…'}</p>}
    </div>
  );
}

/** One group of readiness items (title and why), left out when empty. */
function ReadinessItems({ title, items }: { title: string; items: readonly { title: string; why: string }[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul>
        {items.map((i) => (
          <li key={i.title}>
            <strong>{i.title}</strong>: {formatDatesIn(i.why)}
          </li>
        ))}
      </ul>
    </>
  );
}

function Report({ report }: { report: AdvisorReport }) {
  return (
    <article className="report" aria-labelledby="report-title">
      <header className="report-head">
        <h2 id="report-title">{report.title}</h2>
        <p>
          {report.season} · prepared {formatDate(report.preparedOn)} with Prelim Tracker{report.includePrivate ? '' : ' · private details left out'}
        </p>
      </header>
      {report.profile ? (
        <section aria-labelledby="r-profile">
          <h3 id="r-profile">{REPORT_SECTION_LABELS.profile}</h3>
          <dl className="report-dl">
            {report.profile.map((l) => (
              <div key={l.label}>
                <dt>{l.label}</dt>
                <dd>{l.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      {report.list ? (
        <section aria-labelledby="r-list">
          <h3 id="r-list">{REPORT_SECTION_LABELS.list}</h3>
          {report.list.length === 0 ? (
            <p>No programs on the list yet.</p>
          ) : (
            <table className="report-table">
              <thead>
                <tr>
                  <th scope="col">Program</th>
                  <th scope="col">Tier</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {report.list.map((r) => (
                  <tr key={r.program}>
                    <td>{r.program}</td>
                    <td>
                      {r.tier}
                      {r.overridden ? <div className="report-small">{r.overridden}</div> : null}
                    </td>
                    <td>
                      {r.summary}
                      {r.reasons.length ? (
                        <ul className="report-reasons">
                          {r.reasons.map((x) => (
                            <li key={x}>{x}</li>
                          ))}
                        </ul>
                      ) : null}
                      {r.notes ? <div className="report-small">Notes: {r.notes}</div> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
      {report.listHealth ? (
        <section aria-labelledby="r-health">
          <h3 id="r-health">{REPORT_SECTION_LABELS.listHealth}</h3>
          <dl className="report-dl">
            {report.listHealth.counts.map((c) => (
              <div key={c.label}>
                <dt>{c.label}</dt>
                <dd>{c.value}</dd>
              </div>
            ))}
          </dl>
          <ul>
            {report.listHealth.findings.map((f) => (
              <li key={f.text}>
                <strong>{f.severity === 'ok' ? 'OK' : f.severity[0]!.toUpperCase() + f.severity.slice(1)}:</strong> {f.text}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {report.readiness ? (
        <section aria-labelledby="r-readiness">
          <h3 id="r-readiness">{REPORT_SECTION_LABELS.readiness}</h3>
          <p>
            {report.readiness.done} of {report.readiness.total} items done; {report.readiness.blocking.length} blocking.
          </p>
          <ReadinessItems title="Blocking" items={report.readiness.blocking} />
          <ReadinessItems title="Needs action" items={report.readiness.needsAction} />
        </section>
      ) : null}
      {report.letters ? (
        <section aria-labelledby="r-letters">
          <h3 id="r-letters">{REPORT_SECTION_LABELS.letters}</h3>
          {report.letters.length === 0 ? (
            <p>No letters yet.</p>
          ) : (
            <table className="report-table">
              <thead>
                <tr>
                  <th scope="col">Writer</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Assigned to</th>
                </tr>
              </thead>
              <tbody>
                {report.letters.map((l, i) => (
                  <tr key={`${l.writer}-${i}`}>
                    <td>
                      {l.writer}
                      {l.notes ? <div className="report-small">{l.notes}</div> : null}
                    </td>
                    <td>{l.stage}</td>
                    <td>{l.programs} programs</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
      {report.budget ? (
        <section aria-labelledby="r-budget">
          <h3 id="r-budget">{REPORT_SECTION_LABELS.budget}</h3>
          <table className="report-table">
            <tbody>
              {report.budget.map((b) => (
                <tr key={b.label}>
                  <th scope="row">{b.label}</th>
                  <td className="num">{money(b.amount)}</td>
                  <td className="report-small">{b.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {report.interviews ? (
        <section aria-labelledby="r-interviews">
          <h3 id="r-interviews">{REPORT_SECTION_LABELS.interviews}</h3>
          {report.interviews.length === 0 ? (
            <p>No interviews yet.</p>
          ) : (
            <ul>
              {report.interviews.map((i, n) => (
                <li key={`${i.program}-${n}`}>
                  <strong>{i.program}</strong>: {i.status}
                  {i.when ? `, ${formatDatesIn(i.when)}` : ''}
                  {i.impressions ? ` · ${i.impressions}` : ''}
                </li>
              ))}
            </ul>
          )}
          {report.rankList && report.rankList.length ? (
            <>
              <h4>Rank list</h4>
              <ol>
                {report.rankList.map((r) => (
                  <li key={r.rank}>{r.program}</li>
                ))}
              </ol>
            </>
          ) : null}
        </section>
      ) : null}
    </article>
  );
}
