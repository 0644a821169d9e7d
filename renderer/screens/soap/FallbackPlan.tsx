// The fallback plan: the user's ordered list of SOAP programs (drag, or keyboard: focus a
// handle, Space to pick up, arrows to move, Space to drop), with the engine's reasons, a
// paste-ready blurb per program, and the suggestions not yet in the plan.
import { useState } from 'react';
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type Announcements, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, arrayMove, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Check, ClipboardCopy, GripVertical, Plus, Trash2 } from 'lucide-react';
import type { SoapOverview, SoapPlanItem } from '../../../shared/api/soap-api';
import { PROGRAM_LABELS, programLabel } from '../../../shared/domain/program';
import { TierBadge } from '../programs/TierBadge';
import { useSoapStore } from '../../stores/soap-store';
import { plural } from '../../components/format';
import { listKeyboardCoordinates } from '../../components/list-keyboard-coordinates';

function CopyButton({ text, what }: { text: string; what: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="ghost"
      aria-label={copied ? `Copied: ${what}` : `Copy blurb: ${what}`}
      onClick={() => {
        void navigator.clipboard.writeText(text).then(
          () => {
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          },
          () => setCopied(false),
        );
      }}
    >
      {copied ? <Check size={15} aria-hidden /> : <ClipboardCopy size={15} aria-hidden />} {copied ? 'Copied' : 'Copy blurb'}
    </button>
  );
}

function OpenBadge({ open }: { open: boolean | null }) {
  if (open === null) return null;
  return open ? <span className="badge soap-open">On the unfilled list</span> : <span className="badge soap-closed">Not on the list</span>;
}

function PlanRow({ item, index, onRemove }: { item: SoapPlanItem; index: number; onRemove: () => void }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.program.id });
  const [showBlurb, setShowBlurb] = useState(false);
  const p = item.program;
  const name = programLabel(p);
  return (
    <li ref={setNodeRef} style={{ transform: CSS.Transform.toString(transform), transition }} className={`soap-plan-row${isDragging ? ' dragging' : ''}${item.open === false ? ' closed' : ''}`} data-program={p.id}>
      <button type="button" className="icon soap-handle" aria-label={`Move ${name} (position ${index + 1}); press Space, then the arrow keys`} {...attributes} {...listeners}>
        <GripVertical size={16} aria-hidden />
      </button>
      <span className="soap-pos num">{index + 1}</span>
      <div className="soap-plan-main">
        <div className="soap-plan-title">
          <strong>{p.institution.name}</strong>
          <span className={`badge track-${p.track}`}>{PROGRAM_LABELS.track[p.track]}</span>
          <TierBadge program={p} computed={item.tier} />
          <OpenBadge open={item.open} />
          {item.applicationId !== null ? <span className="badge soap-applied">Applied</span> : null}
          {p.tags.includes('SOAP unfilled list') ? <span className="badge">From the unfilled list</span> : null}
        </div>
        <div className="muted small">
          {[p.institution.city, p.institution.state].filter(Boolean).join(', ')}
          {p.nrmpCode ? ` · ${p.nrmpCode}` : ''} · {PROGRAM_LABELS.visa[p.institution.visaSponsorship]}
        </div>
        <p className="soap-summary">{item.tier.summary}</p>
        {item.problem ? <p className="soap-problem" role="note">{item.problem}</p> : null}
        <div className="row-buttons">
          <button type="button" className="ghost" aria-expanded={showBlurb} onClick={() => setShowBlurb((v) => !v)}>
            {showBlurb ? 'Hide blurb' : 'Show blurb'}
          </button>
          <CopyButton text={item.blurb} what={name} />
          <button type="button" className="ghost danger" aria-label={`Remove ${name} from the plan`} onClick={onRemove}>
            <Trash2 size={15} aria-hidden /> Remove
          </button>
        </div>
        {showBlurb ? <pre className="soap-blurb">{item.blurb}</pre> : null}
      </div>
    </li>
  );
}

export function FallbackPlan({ overview }: { overview: SoapOverview }) {
  const run = useSoapStore((s) => s.run);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: listKeyboardCoordinates }));
  const [order, setOrder] = useState<number[] | null>(null);
  const serverOrder = overview.plan.map((i) => i.program.id);
  const ids = order && order.length === serverOrder.length && order.every((id) => serverOrder.includes(id)) ? order : serverOrder;
  const byId = new Map(overview.plan.map((i) => [i.program.id, i]));
  const full = overview.plan.length >= overview.max;
  const room = overview.max - overview.plan.length;

  // Screen-reader announcements in the user's words (program names and positions, not ids).
  const nameOf = (id: string | number) => byId.get(Number(id))?.program.institution.name ?? 'Program';
  const at = (id: string | number) => `position ${ids.indexOf(Number(id)) + 1} of ${ids.length}`;
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}, ${at(active.id)}.`,
    onDragOver: ({ active, over }) => (over ? `${nameOf(active.id)} is over ${at(over.id)}.` : `${nameOf(active.id)} is no longer over the plan.`),
    onDragEnd: ({ active, over }) => (over ? `${nameOf(active.id)} dropped at ${at(over.id)}.` : `${nameOf(active.id)} dropped; the order is unchanged.`),
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled; it stays where it was.`,
  };

  const onDragEnd = (e: DragEndEvent) => {
    if (!e.over || e.active.id === e.over.id) return;
    const next = arrayMove(ids, ids.indexOf(Number(e.active.id)), ids.indexOf(Number(e.over.id)));
    setOrder(next);
    void run('soap.planReorder', { programIds: next }).then(() => setOrder(null));
  };

  return (
    <div className="soap-columns">
      <section className="card" aria-labelledby="soap-plan-title">
        <div className="card-title-row">
          <h2 id="soap-plan-title">Your fallback plan</h2>
          <span className={`badge${full ? ' soap-full' : ''}`} aria-live="polite">
            {overview.plan.length} of {overview.max}
          </span>
        </div>
        <p className="muted">
          The programs you would send SOAP applications to, in order. SOAP allows at most {overview.max} applications, so the plan holds at most {overview.max}. Drag a row by its handle, or focus the handle and use Space and the arrow keys.
        </p>
        {full ? <p className="soap-problem" role="status">Your plan has {overview.max} programs, the most SOAP lets you apply to. Remove one before adding another.</p> : null}
        {overview.plan.length === 0 ? (
          <p className="empty-line muted">No programs yet. Add suggestions from the right, best first.</p>
        ) : (
          <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions: { draggable: 'To move a program, press Space or Enter, use the arrow keys, then press Space or Enter again to drop it, or Escape to cancel.' } }}>
            <SortableContext items={ids} strategy={verticalListSortingStrategy}>
              <ol className="soap-plan" aria-label="Fallback plan">
                {ids.map((id, i) => {
                  const item = byId.get(id);
                  return item ? <PlanRow key={id} item={item} index={i} onRemove={() => void run('soap.planRemove', { programId: id })} /> : null;
                })}
              </ol>
            </SortableContext>
          </DndContext>
        )}
      </section>

      <section className="card" aria-labelledby="soap-suggest-title">
        <div className="card-title-row">
          <h2 id="soap-suggest-title">Suggestions</h2>
          <span className="muted small">{plural(overview.candidates.length, 'program')}</span>
        </div>
        <p className="muted">{overview.allowed.tracks.length === 0 ? overview.allowed.why : 'Preliminary programs that sponsor your visa, are flexible on your scores and went unfilled in recent Matches, best first. Reasons come from the tier engine.'}</p>
        {overview.candidates.length === 0 ? <p className="empty-line muted">No more suggestions.</p> : null}
        {room > 1 && overview.candidates.length > 1 ? (
          <button type="button" className="secondary" onClick={() => void run('soap.planAdd', { programIds: overview.candidates.slice(0, room).map((c) => c.program.id) })}>
            <Plus size={15} aria-hidden /> Add the top {Math.min(room, overview.candidates.length)}
          </button>
        ) : null}
        <ul className="soap-candidates">
          {overview.candidates.map(({ candidate, program: p }) => (
            <li key={p.id}>
              <div className="soap-plan-title">
                <strong>{p.institution.name}</strong>
                <span className={`badge tier tier-${candidate.outcome}`} title={candidate.tierLabel}>
                  {candidate.tierLabel.split(' –')[0]}
                </span>
                {candidate.open === true ? <span className="badge soap-open">On the unfilled list</span> : null}
              </div>
              <ul className="soap-reasons">
                {candidate.reasons.slice(0, 4).map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
              <button type="button" className="secondary" disabled={full} onClick={() => void run('soap.planAdd', { programIds: [p.id] })} aria-label={`Add to plan: ${p.institution.name}`}>
                <Plus size={15} aria-hidden /> Add to plan
              </button>
            </li>
          ))}
        </ul>
        {overview.leftOut.length > 0 ? (
          <details className="soap-leftout">
            <summary>Why other preliminary programs are not suggested, and what to check</summary>
            <ul>
              {overview.leftOut.map((l) => (
                <li key={l.why}>
                  {plural(l.count, 'program')}: {l.why}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
    </div>
  );
}
