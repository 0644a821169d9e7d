import { lazy, Suspense, useState } from 'react';
import { ClipboardCheck, FlaskConical, GraduationCap, UserRound } from 'lucide-react';
import type { DashboardSummary } from '../../../shared/engine/dashboard';
import { PIPELINE_STATUSES, SENT_FILTER } from '../../../shared/domain/application-status';
import type { TierOutcome } from '../../../shared/engine/types';
import { errorMessage } from '../../api/client';
import { ScreenHeader } from '../../components/ScreenHeader';
import { openSection } from '../../stores/route-query';
import { useDashboardStore } from '../../stores/dashboard-store';
import { useProgramsStore } from '../../stores/programs-store';
import { useWatch } from '../../stores/live';
import { AgendaList } from '../deadlines/AgendaList';
import type { ThemeColors } from './theme-colors';
import { useInBrowser } from '../../components/in-browser';
import '../../styles/readiness.css';
import { money } from '../../components/format';
import { SeasonBudgetCard } from './SeasonBudgetCard';

// recharts (the largest library here) loads after the numbers are shown.
const HorizontalBars = lazy(() => import('./HorizontalBars'));

export function DashboardScreen() {
  const { summary, loadError: error } = useDashboardStore();
  useWatch(useDashboardStore);

  if (!summary) {
    return (
      <div className="screen">
        <ScreenHeader title="Dashboard" />
        {error ? <div className="banner error">{error}</div> : <p className="muted">Loading…</p>}
      </div>
    );
  }
  if (summary.firstRun) return <FirstRun />;

  return (
    <div className="screen dashboard">
      <ScreenHeader title="Dashboard" subtitle="Your season at a glance. Every number opens the list behind it." />
      {error ? <div className="banner error">{error}</div> : null}
      {/* Two columns, each a stack of cards, so a tall card (the deadlines with many overdue) leaves no gap
          beside it; the reading and keyboard order is each column top to bottom: what to do and when,
          then where the season stands. One column on a narrow window, in the same order. */}
      <div className="dash-grid">
        <div className="dash-col">
          <ReadinessCard summary={summary} />
          <section className="card" aria-labelledby="dash-deadlines">
            <div className="card-title-row">
              <h2 id="dash-deadlines">Next deadlines</h2>
              {summary.overdueCount > 0 ? (
                <button type="button" className="stat-link overdue" onClick={() => openSection('deadlines')}>
                  {summary.overdueCount} overdue
                </button>
              ) : null}
            </div>
            {summary.overdue.length > 0 ? (
              <>
                <h3 className="small-heading">Overdue</h3>
                <AgendaList entries={summary.overdue} empty="" compact />
                <h3 className="small-heading">Next 30 days</h3>
              </>
            ) : null}
            <AgendaList entries={summary.nextDeadlines} empty="Nothing due in the next 30 days." compact />
            <button type="button" className="ghost self-start" onClick={() => openSection('deadlines')}>
              All deadlines
            </button>
          </section>
          <section className="card" aria-labelledby="dash-interviews">
            <h2 id="dash-interviews">Interviews</h2>
            <div className="stat-row">
              <Stat label="Invited" value={summary.interviews.invited} onOpen={() => openSection('applications', { tab: 'table', reached: 'interview_invited' })} />
              <Stat label="Scheduled" value={summary.interviews.scheduled} onOpen={() => openSection('applications', { tab: 'table', reached: 'interview_scheduled' })} />
              <Stat label="Interviewed" value={summary.interviews.interviewed} onOpen={() => openSection('applications', { tab: 'table', reached: 'interviewed' })} />
            </div>
            <p className="muted small">Applications that reached each step (a ranked program was interviewed).</p>
            <button type="button" className="link self-start small" onClick={() => openSection('deadlines', { kind: 'interview' })}>
              {summary.interviews.upcoming === 0 ? 'No interview dates in the next 30 days' : `${summary.interviews.upcoming} interview date${summary.interviews.upcoming === 1 ? '' : 's'} in the next 30 days`}
            </button>
          </section>
        </div>
        <div className="dash-col">
          <FunnelCard summary={summary} />
          <TiersCard summary={summary} />
          <LettersCard summary={summary} />
          <section className="card" aria-labelledby="dash-cost">
            <h2 id="dash-cost">ERAS cost so far</h2>
            <button type="button" className="big-stat" onClick={() => openSection('applications', { status: SENT_FILTER })}>
              <span className="sr-only">ERAS fees so far: </span>
              <span className="num">{money(summary.erasCostSoFar.total)}</span>
              <small>{summary.submittedCount} submitted</small>
              <span className="sr-only"> applications</span>
            </button>
            <p className="muted small">
              Your whole list ({summary.onListCount} programs) would cost{' '}
              <button type="button" className="link" onClick={() => openSection('programs', { onList: 'yes' })}>
                {money(summary.erasCostOfList.total)}
              </button>
              . {summary.erasCostSoFar.unconfirmed ? 'Fees for the 2027 Match are not confirmed yet.' : ''}
            </p>
          </section>
          <SeasonBudgetCard />
        </div>
      </div>
    </div>
  );
}

function Stat({ label, value, onOpen }: { label: string; value: number; onOpen: () => void }) {
  return (
    <button type="button" className="stat" onClick={onOpen}>
      <span className="num">{value}</span>
      <small>{label}</small>
    </button>
  );
}

function ReadinessCard({ summary }: { summary: DashboardSummary }) {
  const r = summary.readiness;
  return (
    <section className="card" aria-labelledby="dash-readiness">
      <div className="card-title-row">
        <h2 id="dash-readiness">ERAS readiness</h2>
        <button type="button" className="stat-link" onClick={() => openSection('readiness')} aria-label={`Readiness ${r.percent}%: open the checklist`}>
          <span className="num">{r.percent}%</span>
        </button>
      </div>
      <div className="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={r.percent} aria-label="Readiness">
        <div className="progress-fill" style={{ width: `${r.percent}%` }} />
      </div>
      <p className="counts">
        {r.done} of {r.applicable} done ·{' '}
        <button type="button" className="link state-blocking" onClick={() => openSection('readiness', { show: 'blocking', scope: 'eras' })}>
          {r.blocking} blocking
        </button>{' '}
        ·{' '}
        <button type="button" className="link" onClick={() => openSection('readiness', { show: 'open', scope: 'eras' })}>
          {r.needsAction} need action
        </button>
      </p>
      {summary.soapNotApplicable ? (
        <p className="muted small" data-soap="not-applicable">
          SOAP:{' '}
          <button type="button" className="link" onClick={() => openSection('readiness', { scope: 'soap' })}>
            does not apply
          </button>
          , you matched. {summary.soapNotApplicable.next}
        </p>
      ) : summary.soapReadiness ? (
        <p className="muted small">
          SOAP plan, counted apart:{' '}
          <button type="button" className="link" onClick={() => openSection('readiness', { scope: 'soap' })}>
            {summary.soapReadiness.done} of {summary.soapReadiness.applicable} done
          </button>
        </p>
      ) : null}
      {summary.blockingTitles.length > 0 ? (
        <ul className="blocking-list">
          {summary.blockingTitles.slice(0, 4).map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The list behind a funnel bar: the applications that reached that stage or a later one (the bar's own count). */
function openFunnelStage(key: string) {
  openSection('applications', key === 'submitted' ? { tab: 'table', status: SENT_FILTER } : { tab: 'table', reached: key });
}

function FunnelCard({ summary }: { summary: DashboardSummary }) {
  const charts = useInBrowser();
  const reached = summary.applicationsReached;
  const now = summary.applicationsByStatus.filter((s) => PIPELINE_STATUSES.includes(s.key) || s.count > 0);
  return (
    <section className="card" aria-labelledby="dash-funnel">
      <div className="card-title-row">
        <h2 id="dash-funnel">Applications funnel</h2>
        <button type="button" className="stat-link" onClick={() => openSection('applications')}>
          {summary.applicationCount} in all
        </button>
      </div>
      {summary.applicationCount === 0 ? (
        summary.onListCount > 0 ? (
          <p className="muted empty-line">
            <button type="button" className="link" onClick={() => openSection('programs', { onList: 'yes' })}>
              {summary.onListCount} {summary.onListCount === 1 ? 'program' : 'programs'} on your list
            </button>
            , no application started yet: start one from the program (Programs screen) or with Add applications.
          </p>
        ) : (
          <p className="muted empty-line">
            No programs on your list yet. Mark programs to apply to on the{' '}
            <button type="button" className="link" onClick={() => openSection('programs')}>
              Programs
            </button>{' '}
            screen.
          </p>
        )
      ) : (
        <>
          <p className="muted small">How many reached each stage or a later one (rejected and withdrawn applications count for the stages they reached).</p>
          <div className="chart" style={{ height: reached.length * 26 + 20 }}>
            {charts ? (
              <Suspense fallback={null}>
                <HorizontalBars data={reached} name="Reached" labelWidth={150} onPick={openFunnelStage} />
              </Suspense>
            ) : null}
          </div>
        </>
      )}
      {summary.applicationCount > 0 ? <p className="muted small">Now at each status (opens that list):</p> : null}
      <ul className="chart-keys shown" aria-label="Open a list">
        {now.map((s) => (
          <li key={s.key}>
            <button type="button" onClick={() => openSection('applications', { status: s.key })}>
              {s.label}: {s.count}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function tierColor(key: TierOutcome, c: ThemeColors): string {
  // The same colours as the tier badges on the Programs screen.
  return key === 'excluded' ? c.danger : key === 'long_shot' ? c.warn : key === 'tier1' ? c.tier1 : key === 'tier2' ? c.ok : c.tier3;
}

function TiersCard({ summary }: { summary: DashboardSummary }) {
  const charts = useInBrowser();
  const data = summary.programsByTier;
  return (
    <section className="card" aria-labelledby="dash-tiers">
      <div className="card-title-row">
        <h2 id="dash-tiers">Programs by tier</h2>
        <button type="button" className="stat-link" onClick={() => openSection('programs')}>
          {summary.programCount} programs · {summary.onListCount} on your list
        </button>
      </div>
      {summary.programCount === 0 ? (
        <p className="muted empty-line">No programs yet.</p>
      ) : (
        <div className="chart" style={{ height: data.length * 28 + 20 }}>
          {charts ? (
            <Suspense fallback={null}>
              <HorizontalBars data={data} name="Programs" labelWidth={170} colorOf={(key, colors) => tierColor(key as TierOutcome, colors)} onPick={(key) => openSection('programs', { tier: key })} />
            </Suspense>
          ) : null}
        </div>
      )}
      <ul className="chart-keys" aria-label="Open a list">
        {data.map((t) => (
          <li key={t.key}>
            <button type="button" onClick={() => openSection('programs', { tier: t.key })}>
              {t.label}: {t.count}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function LettersCard({ summary }: { summary: DashboardSummary }) {
  return (
    <section className="card" aria-labelledby="dash-letters">
      <div className="card-title-row">
        <h2 id="dash-letters">Letters</h2>
        <button type="button" className="stat-link" onClick={() => openSection('letters')}>
          {summary.letterCount} in all
        </button>
      </div>
      {summary.letterCount === 0 ? (
        <p className="muted empty-line">No letters yet: you need at least 3 strong letters, 2 of them from US surgeons.</p>
      ) : (
        <div className="stat-row wrap">
          {summary.lettersByStage.map((s) => (
            <Stat key={s.key} label={s.label} value={s.count} onOpen={() => openSection('letters', { stage: s.key })} />
          ))}
        </div>
      )}
    </section>
  );
}

function FirstRun() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const loadSample = async () => {
    setBusy(true);
    setError(null);
    try {
      await useProgramsStore.getState().loadSample();
      openSection('programs');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="screen dashboard">
      <ScreenHeader title="Dashboard" />
      <div className="first-run-intro">
        <h2>Welcome to Prelim Tracker</h2>
        <p className="muted">Your 2027 Match season in one place, on this computer only. Three ways to start:</p>
      </div>
      <div className="first-run">
        <button type="button" className="first-run-card" onClick={() => openSection('profile')}>
          <UserRound size={28} aria-hidden />
          <strong>Start with your profile</strong>
          <span>Scores, attempts, ECFMG, OET, visa and USCE: everything the tiers and the readiness checklist need.</span>
        </button>
        <button type="button" className="first-run-card" onClick={() => openSection('programs')}>
          <GraduationCap size={28} aria-hidden />
          <strong>Add or import programs</strong>
          <span>The programs you are considering, with their visa policy, score cutoffs and unfilled history.</span>
        </button>
        <button type="button" className="first-run-card" onClick={() => void loadSample()} disabled={busy}>
          <FlaskConical size={28} aria-hidden />
          <strong>{busy ? 'Adding sample data…' : 'Explore with sample data'}</strong>
          <span>Fictional programs, clearly marked and removable in one step.</span>
        </button>
      </div>
      {error ? <div className="banner error">{error}</div> : null}
      <p className="muted first-run-note">
        <ClipboardCheck size={16} aria-hidden /> Then check your{' '}
        <button type="button" className="link" onClick={() => openSection('readiness')}>
          ERAS readiness
        </button>{' '}
        and the{' '}
        <button type="button" className="link" onClick={() => openSection('deadlines')}>
          season's deadlines
        </button>
        .
      </p>
    </div>
  );
}
