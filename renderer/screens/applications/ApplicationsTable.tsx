// The table: sort by any column, filter by status (the search box is shared with the
// board), select many and change their status together on a date with a note.
// Keyboard: Up/Down move between rows, Enter opens one, Space ticks it.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type RowSelectionState, type SortingState,
} from '@tanstack/react-table';
import { ariaSort, cellContent, SortHeaderLabel } from '../../components/table';
import { FUNNEL_STAGES, reachedAtLeast, type FunnelStage } from '../../../shared/engine/dashboard';
import { REACHED_PREFIX } from './pipeline-format';
import { APPLICATION_STATUSES, APPLICATION_STATUS_LABELS, SENT_FILTER, wasSubmitted } from '../../../shared/domain/application';
import type { ApplicationOverview } from '../../../shared/api/pipeline-api';
import { compareNames, type Program } from '../../../shared/domain/program';
import type { TierSummary } from '../../../shared/engine/types';
import { formatDate, plural } from '../../components/format';
import { TierBadge } from '../programs/TierBadge';
import { StatusChangeForm } from './StatusChange';
import { appName, excludedWarning, shortTrack } from './pipeline-format';
import { ExcludedNote } from './ExcludedNote';

interface Props {
  applications: ApplicationOverview[];
  programs: Map<number, Program>;
  tiers: Map<number, TierSummary>;
  onOpen: (a: ApplicationOverview) => void;
  /** Status filter to start with (e.g. from a dashboard link). */
  initialStatus?: string | null;
}

const TIER_ORDER = ['tier1', 'tier2', 'tier3', 'long_shot', 'excluded'];

/** The table's status filter: "" all, "sent" every submitted one, "reached:<stage>" that stage or later (the funnel's count), else the current status. */
export function matchesStatusFilter(a: ApplicationOverview, filter: string): boolean {
  if (filter === '') return true;
  if (filter === SENT_FILTER) return wasSubmitted(a);
  if (filter.startsWith(REACHED_PREFIX)) return reachedAtLeast(a.reached, filter.slice(REACHED_PREFIX.length) as FunnelStage);
  return a.status === filter;
}

export function ApplicationsTable({ applications, programs, tiers, onOpen, initialStatus }: Props) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [statusFilter, setStatusFilter] = useState<string>(initialStatus ?? '');
  const [notice, setNotice] = useState<string | null>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);

  const data = useMemo(() => applications.filter((a) => matchesStatusFilter(a, statusFilter)), [applications, statusFilter]);
  const columns = useMemo<ColumnDef<ApplicationOverview>[]>(
    () => [
      {
        id: 'select',
        enableSorting: false,
        header: ({ table }) => (
          <input type="checkbox" aria-label="Select all shown" checked={table.getIsAllRowsSelected()} ref={(el) => { if (el) el.indeterminate = table.getIsSomeRowsSelected(); }} onChange={table.getToggleAllRowsSelectedHandler()} />
        ),
        cell: ({ row }) => <input type="checkbox" aria-label={`Select ${appName(row.original)}`} checked={row.getIsSelected()} onChange={row.getToggleSelectedHandler()} onClick={(e) => e.stopPropagation()} tabIndex={-1} />,
      },
      {
        id: 'program',
        header: 'Program',
        accessorFn: (a) => a.program.institutionName,
        sortingFn: (a, b) => compareNames(a.original.program.institutionName, b.original.program.institutionName) || a.original.program.track.localeCompare(b.original.program.track),
        cell: ({ row }) => (
          <span className="inst">
            <strong>
              {row.original.program.institutionName} <span className={`badge track-${row.original.program.track}`}>{shortTrack(row.original)}</span>
            </strong>
            <small className="muted">{[row.original.program.city, row.original.program.state].filter(Boolean).join(', ') || '—'}</small>
            <ExcludedNote text={excludedWarning(programs.get(row.original.programId), tiers.get(row.original.programId))} />
          </span>
        ),
      },
      {
        id: 'tier',
        header: 'Tier',
        accessorFn: (a) => {
          const p = programs.get(a.programId);
          const t = p?.override?.outcome ?? tiers.get(a.programId)?.outcome;
          return t === undefined ? 99 : TIER_ORDER.indexOf(t);
        },
        cell: ({ row }) => {
          const p = programs.get(row.original.programId);
          const t = tiers.get(row.original.programId);
          return p && t ? <TierBadge program={p} computed={t} /> : <span className="muted">—</span>;
        },
      },
      {
        id: 'status',
        header: 'Status',
        accessorFn: (a) => APPLICATION_STATUSES.indexOf(a.status),
        cell: ({ row }) => <span className={`badge status status-${row.original.status}`}>{APPLICATION_STATUS_LABELS[row.original.status]}</span>,
      },
      { id: 'since', header: 'Since', accessorFn: (a) => a.statusDate, cell: ({ row }) => <span className="num">{formatDate(row.original.statusDate)}</span> },
      { id: 'submitted', header: 'Submitted', accessorFn: (a) => a.submittedOn ?? '', cell: ({ row }) => (row.original.submittedOn ? <span className="num">{formatDate(row.original.submittedOn)}</span> : <span className="muted">—</span>) },
      { id: 'interviews', header: 'Interviews', accessorFn: (a) => a.interviewCount, cell: ({ getValue }) => <span className="num">{(getValue() as number) || '—'}</span> },
      { id: 'rank', header: 'Rank', accessorFn: (a) => a.rank ?? 999, cell: ({ row }) => (row.original.rank === null ? <span className="muted">—</span> : <span className="num">#{row.original.rank}</span>) },
    ],
    [programs, tiers],
  );

  const table = useReactTable({
    data,
    columns,
    state: { sorting, rowSelection: selection },
    getRowId: (a) => String(a.id),
    enableRowSelection: true,
    onSortingChange: setSorting,
    onRowSelectionChange: setSelection,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const rows = table.getRowModel().rows;
  const visibleIds = new Set(data.map((a) => a.id));
  const selectedIds = Object.keys(selection).filter((k) => selection[k]).map(Number).filter((id) => visibleIds.has(id));

  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    const focusRow = (i: number) => bodyRef.current?.querySelectorAll<HTMLTableRowElement>('tr')[i]?.focus();
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusRow(Math.min(rows.length - 1, index + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      focusRow(Math.max(0, index - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      onOpen(rows[index]!.original);
    } else if (e.key === ' ') {
      e.preventDefault();
      rows[index]!.toggleSelected();
    }
  };

  return (
    <div className="apps-table-wrap">
      <div className="toolbar">
        <label className="inline-select">
          <span>Status</span>
          <select aria-label="Filter by status" value={statusFilter} onChange={(e) => setStatusFilter(e.target.value)}>
            <option value="">All statuses</option>
            <option value={SENT_FILTER}>Submitted, at any stage since ({applications.filter(wasSubmitted).length})</option>
            {FUNNEL_STAGES.filter((s) => s !== 'considering' && s !== 'submitted').map((s) => (
              <option key={`reached-${s}`} value={`${REACHED_PREFIX}${s}`}>
                Reached {APPLICATION_STATUS_LABELS[s]} or later ({applications.filter((a) => matchesStatusFilter(a, `${REACHED_PREFIX}${s}`)).length})
              </option>
            ))}
            {APPLICATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {APPLICATION_STATUS_LABELS[s]} ({applications.filter((a) => a.status === s).length})
              </option>
            ))}
          </select>
        </label>
        {notice ? (
          <span className="save-status ok" role="status">
            {notice}
          </span>
        ) : null}
      </div>
      {selectedIds.length > 0 ? (
        <div className="bulk-bar" role="region" aria-label="Change the selected applications">
          <strong>{plural(selectedIds.length, 'application')} selected</strong>
          <StatusChangeForm
            key={selectedIds.join(',')}
            ids={selectedIds}
            submitLabel="Change status"
            compact
            onDone={(s) => {
              setNotice(`Moved ${plural(selectedIds.length, 'application')} to ${APPLICATION_STATUS_LABELS[s]}.`);
              setSelection({});
            }}
          />
          <button type="button" className="ghost" onClick={() => setSelection({})}>
            Clear selection
          </button>
        </div>
      ) : null}
      <table className="apps-table">
        <thead>
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id}>
              {hg.headers.map((h) => (
                <th key={h.id} className={`col-${h.column.id}`} aria-sort={ariaSort(h.column.getIsSorted())}>
                  <SortHeaderLabel header={h} />
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody ref={bodyRef}>
          {rows.map((row, i) => (
            <tr key={row.id} tabIndex={0} data-application-id={row.original.id} className={row.getIsSelected() ? 'selected' : undefined} aria-selected={row.getIsSelected()} onKeyDown={(e) => onRowKey(e, i)} onClick={(e) => {
              if (!(e.target as HTMLElement).closest('input, button')) onOpen(row.original);
            }}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={`col-${cell.column.id}`}>
                  {cellContent(cell)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="empty-line muted">No application matches.</p> : null}
      <p className="muted table-foot">{rows.length === applications.length ? plural(applications.length, 'application') : `${rows.length} of ${plural(applications.length, 'application')}`}</p>
    </div>
  );
}
