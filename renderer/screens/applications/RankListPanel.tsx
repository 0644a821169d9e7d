// The rank order list: interviewed programs in order of preference, reordered by drag and
// drop (mouse or keyboard: Space to lift, Up/Down to move, Space to drop) or the arrow
// buttons. A marker shows where the 20 ranks included in NRMP registration end; 300 is the
// most the NRMP accepts. Nothing is stored until "Save order" (one transaction).
import { useMemo, useState, type CSSProperties } from 'react';
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type Announcements, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, arrayMove, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ArrowDown, ArrowUp, GripVertical, Plus, X } from 'lucide-react';
import { RANKABLE_STATUSES, RANK_LIST_INCLUDED, RANK_LIST_MAX, rankListCost, type RankList } from '../../../shared/domain/rank-list';
import type { ApplicationOverview } from '../../../shared/api/pipeline-api';
import { APPLICATION_STATUS_LABELS } from '../../../shared/domain/application';
import { useLeaveGuard } from '../../stores/route-store';
import { errorMessage } from '../../api/client';
import { useRankListStore } from '../../stores/rank-list-store';
import { useWatch } from '../../stores/live';
import { plural, money } from '../../components/format';
import { appName } from './pipeline-format';
import { localToday } from '../../components/format';
import { listKeyboardCoordinates } from '../../components/list-keyboard-coordinates';

interface Props {
  applications: ApplicationOverview[];
}

const feeText = (fee: number | null) => (fee === null ? '' : String(fee));

export function RankListPanel({ applications }: Props) {
  const { saved, loadError, save: saveList, setFee: saveFeeValue } = useRankListStore();
  useWatch(useRankListStore);
  const [order, setOrder] = useState<number[]>([]);
  const [fee, setFee] = useState('');
  // The saved list the edits started from. When the stored list changes (a save here or in
  // another window), the order and the fee follow it unless the user has changed them.
  const [base, setBase] = useState<RankList | null>(null);
  if (saved && saved !== base) {
    setBase(saved);
    if (base === null || order.join(',') === base.applicationIds.join(',')) setOrder(saved.applicationIds);
    if (base === null || fee === feeText(base.extraRankFee)) setFee(feeText(saved.extraRankFee));
  }
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const byId = useMemo(() => new Map(applications.map((a) => [a.id, a])), [applications]);

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: listKeyboardCoordinates }));
  const eligible = applications.filter((a) => RANKABLE_STATUSES.has(a.status) && !order.includes(a.id));
  const dirty = saved !== null && saved.applicationIds.join(',') !== order.join(',');
  useLeaveGuard(dirty, 'Your rank order has changes you have not saved. Leave this screen without saving them?');
  const full = order.length >= RANK_LIST_MAX;
  const feeValue = fee.trim() === '' ? null : Number(fee);
  const cost = rankListCost(order.length, feeValue !== null && Number.isFinite(feeValue) ? feeValue : null);
  const name = (id: number) => (byId.has(id) ? appName(byId.get(id)!) : `Application ${id}`);
  /** A ranked application whose status changed since (e.g. withdrawn) cannot be saved on the list. */
  const problemOf = (id: number): string | null => {
    const a = byId.get(id);
    if (!a) return 'This application no longer exists; take it off the list.';
    return RANKABLE_STATUSES.has(a.status) ? null : `${APPLICATION_STATUS_LABELS[a.status]}: only interviewed programs can be ranked; take it off the list.`;
  };

  const move = (from: number, to: number) => {
    if (to < 0 || to >= order.length) return;
    setOrder(arrayMove(order, from, to));
  };
  const add = (id: number) => {
    if (full) {
      setMessage({ kind: 'error', text: `The NRMP accepts at most ${RANK_LIST_MAX} programs on a rank order list. Remove one before adding another.` });
      return;
    }
    setOrder([...order, id]);
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    move(order.indexOf(Number(active.id)), order.indexOf(Number(over.id)));
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${name(Number(active.id))}, rank ${order.indexOf(Number(active.id)) + 1}. Use the up and down arrow keys to move it, Space to drop, Escape to cancel.`,
    onDragOver: ({ active, over }) => (over ? `${name(Number(active.id))} is at rank ${order.indexOf(Number(over.id)) + 1}.` : ''),
    onDragEnd: ({ active, over }) => (over ? `${name(Number(active.id))} dropped at rank ${order.indexOf(Number(over.id)) + 1}. Save the order to keep it.` : 'Dropped; nothing changed.'),
    onDragCancel: ({ active }) => `Moving ${name(Number(active.id))} was cancelled.`,
  };

  const save = async () => {
    setBusy(true);
    try {
      const r = await saveList(order, localToday());
      setOrder(r.rankList.applicationIds);
      setMessage({ kind: 'ok', text: `Rank order saved (${plural(order.length, 'program')}).${r.moves.length ? ` ${plural(r.moves.length, 'application')} changed status.` : ''}` });
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };
  const saveFee = async () => {
    try {
      await saveFeeValue(feeValue);
      setMessage({ kind: 'ok', text: 'Fee saved.' });
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) });
    }
  };

  if (saved === null) return <p className="muted">{loadError ?? 'Loading…'}</p>;
  return (
    <div className="rank-panel">
      <section className="rank-main" aria-labelledby="rol-heading">
        <div className="card-title-row">
          <h2 id="rol-heading">
            Rank order list <span className="muted num">({order.length} of {RANK_LIST_MAX})</span>
          </h2>
          <div className="row-buttons">
            {dirty ? (
              <button type="button" className="ghost" onClick={() => setOrder(saved.applicationIds)}>
                Undo changes
              </button>
            ) : null}
            <button type="button" className="primary" disabled={!dirty || busy} onClick={() => void save()}>
              Save order
            </button>
          </div>
        </div>
        <p className="muted">
          {dirty ? <strong className="warn">Unsaved changes. </strong> : null}
          Your first choice at the top. Drag a program, or focus its handle and press Space, then the up and down arrow keys, then Space again.
        </p>
        {message ? (
          <p className={`save-status ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        ) : null}
        {order.length === 0 ? (
          <div className="empty-state">
            <p>No program ranked yet. Programs you have interviewed with appear on the right; add them in the order you prefer.</p>
          </div>
        ) : (
          <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements }}>
            <SortableContext items={order} strategy={verticalListSortingStrategy}>
              <ol className="rank-list" aria-label="Rank order list">
                {order.map((id, i) => (
                  <RankRow key={id} id={id} index={i} name={name(id)} problem={problemOf(id)} last={i === order.length - 1} onMove={move} onRemove={() => setOrder(order.filter((x) => x !== id))} />
                ))}
              </ol>
            </SortableContext>
          </DndContext>
        )}
      </section>
      <aside className="rank-side">
        <section className="card" aria-labelledby="rank-fee-heading">
          <h3 id="rank-fee-heading">Fees</h3>
          <p>
            NRMP registration includes {RANK_LIST_INCLUDED} ranked programs; each one after that costs an extra fee.
            {cost.extraRanks > 0 ? ` You have ${plural(cost.extraRanks, 'extra rank')}${cost.extraCost !== null ? `: ${money(cost.extraCost)}` : ''}.` : ' You are within the included ranks.'}
          </p>
          <label className="field">
            <span>Fee per extra rank (USD)</span>
            <span className="fee-row">
              <input type="text" inputMode="decimal" className="num" value={fee} placeholder="not set" onChange={(e) => setFee(e.target.value)} />
              <button type="button" className="secondary" onClick={() => void saveFee()}>
                Save fee
              </button>
            </span>
          </label>
          <p className="hint">
            <span className="badge unconfirmed">Unconfirmed</span> The NRMP has not confirmed the amount for this season; check the NRMP site and enter it here.
          </p>
        </section>
        <section className="card" aria-labelledby="rank-eligible-heading">
          <h3 id="rank-eligible-heading">Interviewed, not ranked ({eligible.length})</h3>
          {eligible.length === 0 ? <p className="muted">Only programs you have interviewed with can be ranked. Mark an interview as done to see it here.</p> : null}
          <ul className="rank-eligible">
            {eligible.map((a) => (
              <li key={a.id}>
                <span>{appName(a)}</span>
                <button type="button" className="ghost" aria-label={`Add ${appName(a)} to the rank list`} onClick={() => add(a.id)} aria-disabled={full}>
                  <Plus size={16} aria-hidden /> Add
                </button>
              </li>
            ))}
          </ul>
        </section>
      </aside>
    </div>
  );
}

function RankRow({ id, index, name, problem, last, onMove, onRemove }: { id: number; index: number; name: string; problem: string | null; last: boolean; onMove: (from: number, to: number) => void; onRemove: () => void }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  const style: CSSProperties = { transform: CSS.Transform.toString(transform), transition };
  return (
    <>
      <li ref={setNodeRef} style={style} className={`rank-row${isDragging ? ' dragging' : ''}${index >= RANK_LIST_INCLUDED ? ' extra' : ''}`} data-application-id={id}>
        <button type="button" className="icon handle" ref={setActivatorNodeRef} {...attributes} {...listeners} aria-label={`Move ${name}, rank ${index + 1}`}>
          <GripVertical size={16} aria-hidden />
        </button>
        <span className="rank-pos num">{index + 1}</span>
        <span className="rank-name">
          {name}
          {problem ? <small className="block error">{problem}</small> : null}
        </span>
        <button type="button" className="icon" aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => onMove(index, index - 1)}>
          <ArrowUp size={16} aria-hidden />
        </button>
        <button type="button" className="icon" aria-label={`Move ${name} down`} disabled={last} onClick={() => onMove(index, index + 1)}>
          <ArrowDown size={16} aria-hidden />
        </button>
        <button type="button" className="icon danger" aria-label={`Remove ${name} from the rank list`} onClick={onRemove}>
          <X size={16} aria-hidden />
        </button>
      </li>
      {index === RANK_LIST_INCLUDED - 1 && !last ? (
        <li className="rank-marker" role="separator" aria-label={`The ${RANK_LIST_INCLUDED} ranks included in registration end here; each rank below costs an extra fee`}>
          <span>Included in registration above · each rank below costs an extra fee</span>
        </li>
      ) : null}
    </>
  );
}
