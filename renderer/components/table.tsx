// Parts the sortable tables share (TanStack Table headers).
import { flexRender, type Header, type SortDirection } from '@tanstack/react-table';
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
