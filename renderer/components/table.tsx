// Parts the sortable tables share (TanStack Table headers).
import { flexRender, type Cell, type Header, type SortDirection } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { ArrowDown, ArrowUp } from 'lucide-react';

/** The aria-sort value of a column sorted this way. */
export function ariaSort(sorted: false | SortDirection): 'ascending' | 'descending' | undefined {
  return sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined;
}

/** A header's content: a button that toggles sorting (with the direction's arrow) when the column sorts, else its label. */
export function SortHeaderLabel<T>({ header }: { header: Header<T, unknown> }) {
  const sorted = header.column.getIsSorted();
  if (!header.column.getCanSort()) return <>{flexRender(header.column.columnDef.header, header.getContext())}</>;
  return (
    <button type="button" className="sort" onClick={header.column.getToggleSortingHandler()}>
      {flexRender(header.column.columnDef.header, header.getContext())}
      {sorted === 'asc' ? <ArrowUp size={14} aria-hidden /> : sorted === 'desc' ? <ArrowDown size={14} aria-hidden /> : null}
    </button>
  );
}

/**
 * A cell's content. flexRender would render a cell function as a component of its own, so a
 * column list made again (e.g. new tiers after a reload) would be a new component type for
 * every cell: each visible cell remounted, and a focused button or checkbox in it lost the
 * focus. Called as a plain function instead (cell functions use no hooks), what it returns
 * keeps its place.
 */
export function cellContent<T>(cell: Cell<T, unknown>): ReactNode {
  const render = cell.column.columnDef.cell;
  return typeof render === 'function' ? (render(cell.getContext()) as ReactNode) : (render ?? null);
}
