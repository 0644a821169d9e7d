// The programs table: sortable columns, a text filter, virtualised rows (smooth with
// thousands of programs), and an institution's tracks kept next to each other.
import { memo, useMemo, useRef, useState } from 'react';
import {
  getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Pencil, Trash2 } from 'lucide-react';
import { ariaSort, cellContent, SortHeaderLabel } from '../../components/table';
import { compareNames, PROGRAM_LABELS } from '../../../shared/domain/program-labels';
import type { Program } from '../../../shared/domain/program';
import { plural } from '../../components/format';
import { RowSearch } from './row-search';
import './programs.css';

// Tall enough for an institution name on two lines above its city.
const ROW_HEIGHT = 60;
/** Short table labels (the full label is the cell's tooltip and in the details). */
const SETTING_SHORT: Record<Program['institution']['setting'], string> = { community: 'Community', community_university_affiliated: 'Affiliated community', university: 'University', top_academic: 'Top academic', unknown: 'Unknown' };
const VISA_SHORT: Record<Program['institution']['visaSponsorship'], string> = { j1: 'J-1 only', h1b: 'H-1B only', both: 'J-1 + H-1B', none: 'No visa', unknown: 'Unknown' };

export interface ProgramsTableProps {
  programs: Program[];
  filter: string;
  onEdit: (program: Program) => void;
  onDelete: (program: Program) => void;
  /** Opens the program's details (the institution's name is its button; a click anywhere on the row too). */
  onOpen?: (program: Program) => void;
  /** Extra columns added by later features (e.g. tiers); appended after the built-in ones. */
  extraColumns?: ColumnDef<Program>[];
}

function searchText(p: Program): string {
  const i = p.institution;
  return [i.name, i.city, i.state, p.nrmpCode, p.erasProgramId, PROGRAM_LABELS.track[p.track], PROGRAM_LABELS.setting[i.setting], PROGRAM_LABELS.visa[i.visaSponsorship], ...p.tags]
    .join(' ')
    .toLowerCase();
}

/**
 * Memoised: it renders again only when its list, filter or columns change. A keystroke in the
 * filter renders it at once (in the same frame as the typed letter): the search is one pass
 * over at most the rows the previous filter kept (RowSearch), and only the visible rows are
 * drawn, so the cost of a keystroke does not grow with the list beyond that pass.
 */
export const ProgramsTable = memo(function ProgramsTable({ programs, filter, onEdit, onDelete, onOpen, extraColumns = [] }: ProgramsTableProps) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const columns = useMemo<ColumnDef<Program>[]>(
    () => [
      {
        id: 'institution',
        header: 'Institution',
        accessorFn: (p) => p.institution.name,
        sortingFn: (a, b) => compareNames(a.original.institution.name, b.original.institution.name),
        cell: ({ row }) => <InstitutionCell program={row.original} onOpen={onOpen} />,
        size: 0, // takes the width the fixed columns leave (see template)
      },
      ...extraColumns,
      { id: 'track', header: 'Track', accessorFn: (p) => p.track, cell: ({ row }) => <span className={`badge track-${row.original.track}`}>{row.original.track === 'preliminary' ? 'Prelim' : 'Categ.'}</span>, size: 60 },
      { id: 'nrmpCode', header: () => <abbr title="NRMP code">NRMP</abbr>, accessorFn: (p) => p.nrmpCode, cell: ({ getValue }) => <code>{(getValue() as string) || '—'}</code>, size: 82 },
      {
        id: 'setting',
        header: 'Setting',
        accessorFn: (p) => PROGRAM_LABELS.setting[p.institution.setting],
        cell: ({ row }) => <span className="wrap-2" title={PROGRAM_LABELS.setting[row.original.institution.setting]}>{SETTING_SHORT[row.original.institution.setting]}</span>,
        size: 92,
      },
      { id: 'visa', header: 'Visa', accessorFn: (p) => PROGRAM_LABELS.visa[p.institution.visaSponsorship], cell: ({ row }) => <VisaBadge program={row.original} />, size: 86 },
      {
        id: 'minStep2ck',
        header: 'CK min',
        accessorFn: (p) => p.minStep2ck ?? -1,
        cell: ({ row }) => (row.original.minStep2ck === null ? <span className="muted">—</span> : <span className="num">{row.original.minStep2ck}{row.original.minStep2ckKind === 'preference' ? <small className="muted"> pref.</small> : null}</span>),
        size: 64,
      },
      { id: 'imgShare', header: 'IMG %', accessorFn: (p) => p.institution.imgSharePct ?? -1, cell: ({ row }) => (row.original.institution.imgSharePct === null ? <span className="muted">—</span> : <span className="num">{row.original.institution.imgSharePct}%</span>), size: 46 },
      {
        id: 'actions',
        header: () => <span className="sr-only">Actions</span>,
        enableSorting: false,
        cell: ({ row }) => (
          <span className="row-actions">
            <button type="button" className="icon" aria-label={`Edit ${row.original.institution.name} ${PROGRAM_LABELS.track[row.original.track]}`} onClick={() => onEdit(row.original)}>
              <Pencil size={16} aria-hidden />
            </button>
            <button type="button" className="icon danger" aria-label={`Delete ${row.original.institution.name} ${PROGRAM_LABELS.track[row.original.track]}`} onClick={() => onDelete(row.original)}>
              <Trash2 size={16} aria-hidden />
            </button>
          </span>
        ),
        size: 60,
      },
    ],
    [extraColumns, onEdit, onDelete, onOpen],
  );

  const table = useReactTable({
    data: programs,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    sortDescFirst: false,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (p) => String(p.id),
  });

  // The search text of each program is built once per list. Tracks are grouped by institution
  // once per sorting (each group where its first track sorted), and the filter then keeps the
  // matching rows of that order, so a keystroke never sorts or groups again.
  const texts = useMemo(() => new Map(programs.map((p) => [p, searchText(p)])), [programs]);
  const sorted = table.getRowModel().rows;
  const search = useMemo(() => new RowSearch(groupByInstitution(sorted), (r) => texts.get(r.original) ?? searchText(r.original), (r) => r.original.institutionId), [sorted, texts]);
  const { rows, groups: institutionCount } = search.match(filter);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12, initialRect: { width: 1200, height: 700 } });
  // Fixed widths for the short columns; the institution column takes the rest (never below 180px).
  const template = columns.map((c) => (c.id === 'institution' ? 'minmax(180px, 1fr)' : `${c.size ?? 100}px`)).join(' ');

  return (
    <div className="data-table programs-table" role="table" aria-label="Programs" aria-rowcount={rows.length + 1} data-filter={filter}>
      <div className="thead" role="rowgroup">
        {table.getHeaderGroups().map((hg) => (
          <div className="tr" role="row" key={hg.id} style={{ gridTemplateColumns: template }}>
            {hg.headers.map((h) => (
              <div key={h.id} role="columnheader" className="th" aria-sort={ariaSort(h.column.getIsSorted())}>
                <SortHeaderLabel header={h} />
              </div>
            ))}
          </div>
        ))}
      </div>
      <div className="tbody" role="rowgroup" ref={scrollRef}>
        {rows.length === 0 ? (
          <div className="empty-line muted">{programs.length === 0 ? 'No programs yet.' : `No program matches “${filter}”.`}</div>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((v) => {
              const row = rows[v.index]!;
              const sameAsPrevious = v.index > 0 && rows[v.index - 1]!.original.institutionId === row.original.institutionId;
              return (
                <div
                  key={row.id}
                  role="row"
                  data-program-id={row.original.id}
                  className={`tr${sameAsPrevious ? ' sibling' : ''}`}
                  aria-rowindex={v.index + 2}
                  style={{ gridTemplateColumns: template, transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
                  onClick={(e) => {
                    if (onOpen && !(e.target as HTMLElement).closest('button, input, a')) onOpen(row.original);
                  }}
                >
                  {row.getVisibleCells().map((cell) => (
                    <div role="cell" className={`td col-${cell.column.id}`} key={cell.id}>
                      {cell.column.id === 'institution' && sameAsPrevious ? <SiblingCell program={row.original} onOpen={onOpen} /> : cellContent(cell)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
      <div className="tfoot muted">
        {rows.length === programs.length ? plural(programs.length, 'program') : `${rows.length} of ${plural(programs.length, 'program')}`} · {plural(institutionCount, 'institution')}
      </div>
    </div>
  );
});

/** Keeps an institution's tracks together: each group sits where its first track sorted. */
export function groupByInstitution<T extends { original: { institutionId: number } }>(rows: readonly T[]): T[] {
  const groups = new Map<number, T[]>();
  for (const r of rows) {
    const g = groups.get(r.original.institutionId);
    if (g) g.push(r);
    else groups.set(r.original.institutionId, [r]);
  }
  return [...groups.values()].flat();
}

/** The institution's name, a button that opens the program's details (tier, reasons, override). */
function InstitutionCell({ program, onOpen }: { program: Program; onOpen: ((program: Program) => void) | undefined }) {
  const i = program.institution;
  const name = <strong title={i.name}>{i.name}</strong>;
  return (
    <span className="inst">
      {onOpen ? (
        <button type="button" className="inst-open" onClick={() => onOpen(program)}>
          {name}
          <span className="sr-only">, {PROGRAM_LABELS.track[program.track]}</span>
        </button>
      ) : (
        name
      )}
      <small className="muted">
        {[i.city, i.state].filter(Boolean).join(', ') || 'Location not set'}
        {i.isSample ? <span className="badge sample">Sample</span> : null}
      </small>
    </span>
  );
}

/** A second track of the institution above: its details open from here too. */
function SiblingCell({ program, onOpen }: { program: Program; onOpen: ((program: Program) => void) | undefined }) {
  const text = (
    <>
      ↳ same institution<span className="sr-only"> ({program.institution.name}, {PROGRAM_LABELS.track[program.track]})</span>
    </>
  );
  return onOpen ? (
    <button type="button" className="sibling-mark inst-open" onClick={() => onOpen(program)}>
      {text}
    </button>
  ) : (
    <span className="sibling-mark">{text}</span>
  );
}

function VisaBadge({ program }: { program: Program }) {
  const v = program.institution.visaSponsorship;
  return <span className={`badge visa-${v}`} title={PROGRAM_LABELS.visa[v]}>{VISA_SHORT[v]}</span>;
}

