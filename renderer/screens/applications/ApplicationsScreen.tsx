// Applications: every application on a board (columns by status) or in a table, their
// interviews, the rank order list and the interview prep card.
import { useMemo, useState } from 'react';
import { Plus, Search } from 'lucide-react';
import { CLOSED_STATUSES } from '../../../shared/domain/application';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Tabs } from '../../components/Tabs';
import { plural } from '../../components/format';
import { usePipelineStore } from '../../stores/pipeline-store';
import { useProgramsStore } from '../../stores/programs-store';
import { useTiersStore } from '../../stores/tiers-store';
import { useWatch } from '../../stores/live';
import { ApplicationsBoard } from './ApplicationsBoard';
import { ApplicationsTable } from './ApplicationsTable';
import { ApplicationDetail } from './ApplicationDetail';
import { AddApplicationsDialog } from './AddApplicationsDialog';
import { InterviewsPanel } from './InterviewsPanel';
import { RankListPanel } from './RankListPanel';
import { PrepCardPanel } from './PrepCardPanel';
import { matchesSearch, statusFromHash, tabFromHash, type ApplicationView } from './pipeline-format';
import './applications.css';

type View = ApplicationView;

export function ApplicationsScreen() {
  const { applications, interviews, loaded, loadError } = usePipelineStore();
  const programs = useProgramsStore((s) => s.programs);
  const tiers = useTiersStore((s) => s.byProgram);
  useWatch(usePipelineStore, useProgramsStore, useTiersStore);
  // A link with a status ("#/applications?status=interview_invited") opens the table filtered by it.
  const [linkedStatus] = useState(statusFromHash);
  // "#/applications?tab=interviews" opens that view (the dashboard's Interviews card links it).
  const [view, setView] = useState<View>(() => (linkedStatus ? 'table' : (tabFromHash() ?? 'board')));
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const programsById = useMemo(() => new Map(programs.map((p) => [p.id, p])), [programs]);
  const shown = useMemo(() => applications.filter((a) => matchesSearch(a, query)), [applications, query]);
  const applied = useMemo(() => new Set(applications.map((a) => a.programId)), [applications]);
  const open = openId === null ? null : applications.find((a) => a.id === openId) ?? null;
  const openCount = applications.filter((a) => !CLOSED_STATUSES.has(a.status)).length;
  const upcoming = interviews.filter((i) => !i.completed && i.localStart !== null).length;

  return (
    <div className="screen applications">
      <ScreenHeader
        title="Applications"
        subtitle={loaded ? `${plural(applications.length, 'application')} · ${openCount} open · ${plural(upcoming, 'interview')} scheduled` : 'Loading…'}
        actions={
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            <Plus size={16} aria-hidden /> Add applications
          </button>
        }
      />
      {loadError ? (
        <div className="banner error" role="alert">
          {loadError}
        </div>
      ) : null}
      {notice ? (
        <div className="banner ok" role="status">
          {notice}
          <button type="button" className="ghost" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      <Tabs
        label="Applications views"
        tabs={[
          ['board', 'Board'],
          ['table', 'Table'],
          ['interviews', `Interviews (${interviews.length})`],
          ['rank', 'Rank list'],
          ['prep', 'Interview prep'],
        ]}
        value={view}
        onChange={setView}
      />
      {loaded && applications.length === 0 && (view === 'board' || view === 'table') ? (
        <div className="empty-state">
          <h2>No applications yet</h2>
          <p>Open an application for each program you apply to, then move it along as things happen: submitted, invited, interviewed, ranked.</p>
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            <Plus size={16} aria-hidden /> Add applications
          </button>
        </div>
      ) : view === 'board' || view === 'table' ? (
        <>
          <div className="toolbar">
            <label className="search">
              <Search size={16} aria-hidden />
              <input type="search" placeholder="Search by program, city, state, NRMP code, notes…" aria-label="Search applications" value={query} onChange={(e) => setQuery(e.target.value)} />
            </label>
            {query ? <span className="muted">{`${shown.length} of ${plural(applications.length, 'application')}`}</span> : null}
          </div>
          {view === 'board' ? (
            <ApplicationsBoard applications={shown} programs={programsById} tiers={tiers} onOpen={(a) => setOpenId(a.id)} />
          ) : (
            <ApplicationsTable applications={shown} programs={programsById} tiers={tiers} onOpen={(a) => setOpenId(a.id)} initialStatus={linkedStatus} />
          )}
        </>
      ) : view === 'interviews' ? (
        <InterviewsPanel applications={applications} interviews={interviews} />
      ) : view === 'rank' ? (
        <RankListPanel applications={applications} />
      ) : (
        <PrepCardPanel />
      )}
      {open ? (
        <ApplicationDetail application={open} program={programsById.get(open.programId)} tier={tiers.get(open.programId)} interviews={interviews.filter((i) => i.applicationId === open.id)} onClose={() => setOpenId(null)} />
      ) : null}
      {adding ? (
        <AddApplicationsDialog
          programs={programs}
          tiers={tiers}
          appliedProgramIds={applied}
          onClose={() => setAdding(false)}
          onCreated={(n) => {
            setAdding(false);
            setNotice(`Added ${plural(n, 'application')}.`);
          }}
        />
      ) : null}
    </div>
  );
}
