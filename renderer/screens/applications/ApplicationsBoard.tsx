// The board: one column per status with its count; drag a card (mouse or keyboard) to
// another column to move it there on a date. Keyboard: arrows move between cards, Space
// lifts a card, Left/Right then choose the column, Space drops (Escape cancels); Enter opens it.
import { useMemo, useState, type KeyboardEvent } from 'react';
import {
  DndContext, KeyboardSensor, PointerSensor, useDraggable, useDroppable, useSensor, useSensors, type Announcements, type DragEndEvent, type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import { APPLICATION_STATUSES, APPLICATION_STATUS_LABELS, type ApplicationStatus } from '../../../shared/domain/application';
import type { ApplicationOverview } from '../../../shared/api/pipeline-api';
import type { Program } from '../../../shared/domain/program';
import type { TierSummary } from '../../../shared/engine/types';
import { TierBadge } from '../programs/TierBadge';
import { StatusChangeDialog } from './StatusChange';
import { appName, excludedWarning, shortTrack } from './pipeline-format';
import { formatDate } from '../../components/format';
import { ExcludedNote } from './ExcludedNote';

interface Props {
  applications: ApplicationOverview[];
  programs: Map<number, Program>;
  tiers: Map<number, TierSummary>;
  onOpen: (a: ApplicationOverview) => void;
}

/** Left/Right jump a lifted card to the centre of the neighbouring column. */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context: { collisionRect, droppableRects, droppableContainers } }) => {
  if (event.code !== 'ArrowRight' && event.code !== 'ArrowLeft') return undefined;
  event.preventDefault();
  if (!collisionRect) return undefined;
  // Live rects from the DOM: dnd-kit measures droppables lazily, so right after a card is
  // lifted its map can still be incomplete.
  const columns = droppableContainers
    .getEnabled()
    .map((c) => c.node.current?.getBoundingClientRect() ?? droppableRects.get(c.id))
    .filter((r): r is NonNullable<typeof r> => r !== undefined && r !== null)
    .sort((a, b) => a.left - b.left);
  const centre = collisionRect.left + collisionRect.width / 2;
  const here = columns.findIndex((r) => centre >= r.left && centre < r.left + r.width);
  const target = columns[here === -1 ? 0 : here + (event.code === 'ArrowRight' ? 1 : -1)];
  if (!target) return undefined;
  return { x: target.left + (target.width - collisionRect.width) / 2, y: Math.max(collisionRect.top, target.top) };
};

export function ApplicationsBoard({ applications, programs, tiers, onOpen }: Props) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates, keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] } }),
  );
  const [pending, setPending] = useState<{ app: ApplicationOverview; status: ApplicationStatus } | null>(null);
  const byStatus = useMemo(() => {
    const m = new Map<ApplicationStatus, ApplicationOverview[]>(APPLICATION_STATUSES.map((s) => [s, []]));
    for (const a of applications) m.get(a.status)!.push(a);
    return m;
  }, [applications]);
  const byId = useMemo(() => new Map(applications.map((a) => [a.id, a])), [applications]);

  const label = (id: string | number) => {
    const a = byId.get(Number(id));
    return a ? appName(a) : 'the application';
  };
  const column = (id: string | number | undefined) => (id === undefined ? '' : APPLICATION_STATUS_LABELS[id as ApplicationStatus] ?? String(id));
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${label(active.id)}. Use the left and right arrow keys to choose a status column, Space to drop, Escape to cancel.`,
    onDragOver: ({ active, over }) => (over ? `${label(active.id)} is over ${column(over.id)}.` : `${label(active.id)} is not over a column.`),
    onDragEnd: ({ active, over }) => (over ? `Dropped ${label(active.id)} on ${column(over.id)}; confirm the date of the change.` : `Dropped ${label(active.id)}; nothing changed.`),
    onDragCancel: ({ active }) => `Moving ${label(active.id)} was cancelled; nothing changed.`,
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const app = byId.get(Number(active.id));
    if (!app || !over || over.id === app.status) return;
    setPending({ app, status: over.id as ApplicationStatus });
  };

  return (
    <>
      <DndContext sensors={sensors} onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions: { draggable: 'To move an application, press Space, then the left or right arrow keys to choose a status, and Space again to drop it. Press Enter to open it.' } }}>
        <nav className="board-summary" aria-label="Jump to a status column">
          {APPLICATION_STATUSES.map((s) => (
            <button
              key={s}
              type="button"
              className={`ghost${byStatus.get(s)!.length === 0 ? ' empty' : ''}`}
              onClick={() => {
                const col = document.querySelector<HTMLElement>(`.board-column[data-status="${s}"]`);
                col?.scrollIntoView({ block: 'nearest', inline: 'start' });
                col?.querySelector<HTMLElement>('.board-card')?.focus({ preventScroll: true });
              }}
            >
              {APPLICATION_STATUS_LABELS[s]} <span className="count">{byStatus.get(s)!.length}</span>
            </button>
          ))}
        </nav>
        <div className="board" role="list" aria-label="Applications by status">
          {APPLICATION_STATUSES.map((s) => (
            <BoardColumn key={s} status={s} apps={byStatus.get(s)!} programs={programs} tiers={tiers} onOpen={onOpen} />
          ))}
        </div>
      </DndContext>
      {pending ? <StatusChangeDialog ids={[pending.app.id]} names={[appName(pending.app)]} status={pending.status} onClose={() => setPending(null)} /> : null}
    </>
  );
}

/** Up/Down: the card above or below; Left/Right: the first card of the nearest column with cards. */
function neighbourCard(card: HTMLElement, key: string): HTMLElement | null {
  // Each card sits in its own list item.
  if (key === 'ArrowDown') return card.parentElement?.nextElementSibling?.querySelector<HTMLElement>('.board-card') ?? null;
  if (key === 'ArrowUp') return card.parentElement?.previousElementSibling?.querySelector<HTMLElement>('.board-card') ?? null;
  let column = card.closest('.board-column');
  const step = key === 'ArrowRight' ? 'nextElementSibling' : key === 'ArrowLeft' ? 'previousElementSibling' : null;
  if (!step) return null;
  while ((column = column?.[step] ?? null)) {
    const first = column.querySelector<HTMLElement>('.board-card');
    if (first) return first;
  }
  return null;
}

function BoardColumn({ status, apps, programs, tiers, onOpen }: { status: ApplicationStatus; apps: ApplicationOverview[]; programs: Map<number, Program>; tiers: Map<number, TierSummary>; onOpen: (a: ApplicationOverview) => void }) {
  const { setNodeRef, isOver } = useDroppable({ id: status });
  const headingId = `board-col-${status}`;
  return (
    <section ref={setNodeRef} className={`board-column status-${status}${isOver ? ' over' : ''}`} role="listitem" aria-labelledby={headingId} data-status={status}>
      <header>
        <h2 id={headingId}>{APPLICATION_STATUS_LABELS[status]}</h2>
        <span className="count" aria-label={`${apps.length} applications`}>
          {apps.length}
        </span>
      </header>
      <ul className="board-cards">
        {apps.map((a) => (
          <BoardCard key={a.id} app={a} program={programs.get(a.programId)} tier={tiers.get(a.programId)} onOpen={onOpen} />
        ))}
      </ul>
    </section>
  );
}

function BoardCard({ app, program, tier, onOpen }: { app: ApplicationOverview; program: Program | undefined; tier: TierSummary | undefined; onOpen: (a: ApplicationOverview) => void }) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: app.id });
  const excluded = excludedWarning(program, tier);
  const style = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined;
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!isDragging && e.key === 'Enter') {
      e.preventDefault();
      onOpen(app);
      return;
    }
    if (!isDragging && e.key.startsWith('Arrow')) {
      const target = neighbourCard(e.currentTarget, e.key);
      if (target) {
        e.preventDefault();
        target.focus();
      }
      return;
    }
    listeners?.onKeyDown?.(e);
  };
  // The list item holds the draggable card (a button for assistive technology); the card's name
  // is its visible text, with the status after it.
  return (
    <li className="board-card-item">
      <div
        ref={setNodeRef}
        style={style}
        className={`board-card${isDragging ? ' dragging' : ''}`}
        data-application-id={app.id}
        {...attributes}
        {...listeners}
        onKeyDown={onKeyDown}
        onClick={() => onOpen(app)}
      >
        <strong className="card-name">{app.program.institutionName}</strong>
        <span className="card-meta">
          <span className={`badge track-${app.program.track}`}>{shortTrack(app)}</span>
          {program && tier ? <TierBadge program={program} computed={tier} /> : null}
          {app.rank !== null ? <span className="badge rank">#{app.rank}</span> : null}
          {app.program.isSample ? <span className="badge sample">Sample</span> : null}
        </span>
        <small className="muted">
          {[app.program.city, app.program.state].filter(Boolean).join(', ')}
          {app.program.city || app.program.state ? ' · ' : ''}since {formatDate(app.statusDate)}
        </small>
        <ExcludedNote text={excluded} />
        <span className="sr-only">. {APPLICATION_STATUS_LABELS[app.status]}</span>
      </div>
    </li>
  );
}
