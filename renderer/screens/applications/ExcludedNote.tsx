import { AlertTriangle } from 'lucide-react';

/** A calm one-line note on a board card or table row: "Excluded: <first reason>" (full text as tooltip). */
export function ExcludedNote({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <small className="excluded-note" title={text}>
      <AlertTriangle size={12} aria-hidden />
      <span>{text}</span>
    </small>
  );
}
