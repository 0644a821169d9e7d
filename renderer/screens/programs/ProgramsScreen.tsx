import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { ArrowDownUp, FlaskConical, Plus, Search } from 'lucide-react';
import { PROGRAM_LABELS, programLabel } from '../../../shared/domain/program-labels';
import type { Program } from '../../../shared/domain/program';
import { TIER_OUTCOMES } from '../../../shared/engine/types';
import { ScreenHeader } from '../../components/ScreenHeader';
import { ConfirmDialog } from '../../components/Modal';
import { errorMessage } from '../../api/client';
import { useProgramsStore } from '../../stores/programs-store';
import { useProfileStore } from '../../stores/profile-store';
import { useTiersStore } from '../../stores/tiers-store';
import { useSettingsStore } from '../../stores/settings-store';
import { useWatch } from '../../stores/live';
import { useRoute } from '../../stores/route-store';
import { ProgramsTable } from './ProgramsTable';
import { Tabs } from '../../components/Tabs';
import { ProgramFiltersBar } from './ProgramFiltersBar';
import { FlagBadges, TierBadge } from './TierBadge';
import { applyFilters, effectiveTier, filtersFromQuery, namedFromQuery, NO_FILTERS, type NamedPrograms, type ProgramFilters } from './program-filters';
import { hashQuery } from '../../stores/route-query';
import { plural } from '../../components/format';
import { NoticeBanner, type Notice } from '../../components/Notice';
import { localToday } from '../../components/format';

type View = 'programs' | 'health' | 'whatif';

// What the first rows do not need loads after them (the editor's forms and schemas, the
// program's detail, list health and what-if with their engines): asked for once the rows are
// drawn and the browser is idle, so it is usually here before it is opened.
const loadEditor = () => import('./ProgramEditor');
const loadDetail = () => import('./ProgramDetail');
const loadHealth = () => import('./ListHealthPanel');
const loadWhatIf = () => import('./WhatIfPanel');
const ProgramEditor = lazy(() => loadEditor().then((m) => ({ default: m.ProgramEditor })));
const ProgramDetail = lazy(() => loadDetail().then((m) => ({ default: m.ProgramDetail })));
const ListHealthPanel = lazy(() => loadHealth().then((m) => ({ default: m.ListHealthPanel })));
const WhatIfPanel = lazy(() => loadWhatIf().then((m) => ({ default: m.WhatIfPanel })));

function loadTheRestWhenIdle(): () => void {
  const load = () => void Promise.all([loadEditor(), loadDetail(), loadHealth(), loadWhatIf()]).catch(() => undefined); // opening one shows the failure
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(load, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(load, 200);
  return () => clearTimeout(id);
}

export function ProgramsScreen() {
  const { programs, loaded, loadError, deleteProgram, setOnList, loadSample, removeSample } = useProgramsStore();
  const { byProgram: tiers, data: tierData } = useTiersStore();
  const savedProfile = useProfileStore((s) => s.saved);
  const { settings, save: saveSettings } = useSettingsStore();
  useWatch(useProgramsStore, useTiersStore, useProfileStore, useSettingsStore);
  const [filter, setFilter] = useState('');
  const [filters, setFilters] = useState<ProgramFilters>(() => filtersFromQuery(hashQuery()));
  // Programs named by a readiness item or a list-health warning: the table shows exactly those.
  const [named, setNamed] = useState<NamedPrograms | null>(() => namedFromQuery(hashQuery()));
  const [view, setView] = useState<View>('programs');
  const [editing, setEditing] = useState<Program[] | null>(null);
  const [deleting, setDeleting] = useState<Program | null>(null);
  const [detailId, setDetailId] = useState<number | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const feesCombineTracks = settings?.feesCombineTracks ?? false;
  const hasRows = programs.length > 0;
  useEffect(() => (hasRows ? loadTheRestWhenIdle() : undefined), [hasRows]);

  const onEdit = useCallback((p: Program) => setEditing(useProgramsStore.getState().programs.filter((x) => x.institutionId === p.institutionId)), []);
  const onDelete = useCallback((p: Program) => setDeleting(p), []);
  const closeEditor = useCallback(() => setEditing(null), []);

  const toggleOnList = useCallback(
    async (p: Program) => {
      try {
        await setOnList([p.id], !p.onList);
      } catch (err) {
        setNotice({ kind: 'error', text: errorMessage(err) });
      }
    },
    [setOnList],
  );

  const tierColumns = useMemo<ColumnDef<Program>[]>(
    () => [
      {
        id: 'onList',
        header: 'List',
        accessorFn: (p) => (p.onList ? 1 : 0),
        cell: ({ row }) => (
          <input type="checkbox" aria-label={`On my list: ${row.original.institution.name} ${PROGRAM_LABELS.track[row.original.track]}`} checked={row.original.onList} onChange={() => void toggleOnList(row.original)} onClick={(e) => e.stopPropagation()} />
        ),
        size: 36,
      },
      {
        id: 'tier',
        header: 'Tier',
        accessorFn: (p) => {
          const t = effectiveTier(p, tiers.get(p.id));
          return t === undefined ? 99 : TIER_OUTCOMES.indexOf(t) === 0 ? 98 : [3, 2, 4, 1, 0][TIER_OUTCOMES.indexOf(t)]!;
        },
        cell: ({ row }) => <TierBadge program={row.original} computed={tiers.get(row.original.id)} />,
        size: 90,
      },
      { id: 'fit', header: 'Fit', accessorFn: (p) => tiers.get(p.id)?.fitScore ?? -1, cell: ({ getValue }) => <span className="num">{(getValue() as number) < 0 ? '—' : String(getValue())}</span>, size: 36 },
      { id: 'flags', header: 'Flags', enableSorting: false, cell: ({ row }) => <FlagBadges computed={tiers.get(row.original.id)} />, size: 70 },
    ],
    [tiers, toggleOnList],
  );

  const confirmDelete = async () => {
    if (!deleting) return;
    const what = programLabel(deleting);
    try {
      await deleteProgram(deleting.id);
      setNotice({ kind: 'ok', text: `Deleted ${what}.` });
    } catch (err) {
      setNotice({ kind: 'error', text: `${what} was not deleted: ${errorMessage(err)}` });
    }
    setDeleting(null);
  };

  const sampleAction = async (kind: 'load' | 'remove') => {
    try {
      if (kind === 'load') {
        const added = await loadSample(60);
        setNotice({ kind: 'ok', text: `Added ${added} fictional sample programs. They are marked “Sample” and can be removed in one step.` });
      } else {
        const removed = await removeSample();
        setNotice({ kind: 'ok', text: `Removed ${plural(removed, 'sample program')}.` });
      }
    } catch (err) {
      setNotice({ kind: 'error', text: errorMessage(err) });
    }
  };

  const filtered = useMemo(() => {
    const shown = applyFilters(programs, filters, tiers);
    if (!named) return shown;
    const ids = new Set(named.ids);
    return shown.filter((p) => ids.has(p.id));
  }, [programs, filters, tiers, named]);
  const showNamed = useCallback((ids: number[], why: string) => {
    setNamed({ ids, why });
    setFilters(NO_FILTERS);
    setFilter('');
    setView('programs');
  }, []);
  const states = useMemo(() => [...new Set(programs.map((p) => p.institution.state).filter(Boolean))], [programs]);
  // Counted once per list, not on every keystroke.
  const { hasSample, institutions, onListCount } = useMemo(
    () => ({ hasSample: programs.some((p) => p.institution.isSample), institutions: new Set(programs.map((p) => p.institutionId)).size, onListCount: programs.filter((p) => p.onList).length }),
    [programs],
  );
  const onOpen = useCallback((p: Program) => setDetailId(p.id), []);
  const detail = detailId === null ? null : programs.find((p) => p.id === detailId) ?? null;
  const profile = savedProfile?.profile ?? null;
  // The geographic preference the tiers took in, so What-if's "before" is the list's tiers.
  const geoDivisions = tierData?.geoDivisions;
  const season = useMemo(() => ({ geoDivisions: geoDivisions ?? [] }), [geoDivisions]);
  const panelLoading = <p className="muted">Loading…</p>;

  return (
    <div className="screen programs">
      <ScreenHeader
        title="Programs"
        subtitle={loaded ? `${plural(programs.length, 'program')} at ${plural(institutions, 'institution')} · ${onListCount} on your list` : 'Loading…'}
        actions={
          <>
            {hasSample ? (
              <button type="button" className="secondary" onClick={() => void sampleAction('remove')}>
                Remove sample data
              </button>
            ) : null}
            <button type="button" className="secondary" onClick={() => useRoute.getState().go('data')}>
              <ArrowDownUp size={16} aria-hidden /> Import / export
            </button>
            <button type="button" className="primary" onClick={() => setEditing([])}>
              <Plus size={16} aria-hidden /> Add program
            </button>
          </>
        }
      />
      {loadError ? (
        <div className="banner error" role="alert">
          {loadError}
        </div>
      ) : null}
      {tierData && !tierData.profileSaved && programs.length > 0 ? (
        <div className="banner">Tiers assume an empty profile until you save yours on the Profile screen.</div>
      ) : null}
      <NoticeBanner notice={notice} onDismiss={() => setNotice(null)} role="status" />
      {loaded && programs.length === 0 && !loadError ? (
        <div className="empty-state">
          <h2>No programs yet</h2>
          <p>Add the general-surgery programs you are considering: each institution once, with its preliminary and categorical tracks.</p>
          <div className="row-buttons">
            <button type="button" className="primary" onClick={() => setEditing([])}>
              <Plus size={16} aria-hidden /> Add your first program
            </button>
            <button type="button" className="secondary" onClick={() => void sampleAction('load')}>
              <FlaskConical size={16} aria-hidden /> Explore with sample data
            </button>
          </div>
          <p className="muted">Sample data is fictional: invented hospitals in real states, removable in one step.</p>
        </div>
      ) : (
        <>
          <Tabs
            label="Programs views"
            tabs={[
              ['programs', 'All programs'],
              ['health', `List health (${onListCount})`],
              ['whatif', 'What if…'],
            ]}
            value={view}
            onChange={setView}
          />
          {view === 'programs' ? (
            <>
              <div className="toolbar">
                <label className="search">
                  <Search size={16} aria-hidden />
                  <input type="search" placeholder="Filter by name, city, state, NRMP code, tag…" aria-label="Filter programs" value={filter} onChange={(e) => setFilter(e.target.value)} />
                </label>
                <ProgramFiltersBar filters={filters} onChange={setFilters} states={states} />
              </div>
              {named ? (
                <div className="banner named-programs" role="status">
                  <span>
                    Showing the {plural(named.ids.length, 'program')} {named.why ? `named by “${named.why}”` : 'you opened'}
                    {filtered.length !== named.ids.length ? ` (${filtered.length} shown with the filters above)` : ''}.
                  </span>{' '}
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      setNamed(null);
                      if (typeof location !== 'undefined' && location.hash.includes('?')) history.replaceState(null, '', '#/programs');
                    }}
                  >
                    Show all programs
                  </button>
                </div>
              ) : null}
              <ProgramsTable programs={filtered} filter={filter} onEdit={onEdit} onDelete={onDelete} onOpen={onOpen} extraColumns={tierColumns} />
            </>
          ) : view === 'health' ? (
            <Suspense fallback={panelLoading}>
              <ListHealthPanel
                onShowPrograms={showNamed}
                onShowFilter={(f) => {
                  setNamed(null);
                  setFilters({ ...NO_FILTERS, ...f });
                  setFilter('');
                  setView('programs');
                }}
                programs={programs}
                tiers={tiers}
                profile={profile}
                feesCombineTracks={feesCombineTracks}
                onFeesCombineTracks={(v) => void saveSettings({ feesCombineTracks: v }).catch((err: unknown) => setNotice({ kind: 'error', text: errorMessage(err) }))}
              />
            </Suspense>
          ) : (
            <Suspense fallback={panelLoading}>
              <WhatIfPanel programs={programs} profile={profile} today={tierData?.today ?? localToday()} season={season} />
            </Suspense>
          )}
        </>
      )}
      <Suspense fallback={null}>
        {editing ? <ProgramEditor programs={editing} onClose={closeEditor} /> : null}
        {detail ? <ProgramDetail program={detail} computed={tiers.get(detail.id)} onClose={() => setDetailId(null)} /> : null}
      </Suspense>
      {deleting ? (
        <ConfirmDialog
          title="Delete program?"
          message={
            <>
              Delete the <strong>{PROGRAM_LABELS.track[deleting.track].toLowerCase()}</strong> track of <strong>{deleting.institution.name}</strong>
              {deleting.nrmpCode ? ` (${deleting.nrmpCode})` : ''}? {programs.filter((p) => p.institutionId === deleting.institutionId).length === 1 ? 'It is the only track, so the institution goes too.' : 'The other track stays.'} This cannot be undone.
            </>
          }
          confirmLabel="Delete"
          onConfirm={() => void confirmDelete()}
          onCancel={() => setDeleting(null)}
        />
      ) : null}
    </div>
  );
}
