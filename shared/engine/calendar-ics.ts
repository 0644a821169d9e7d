// Every dated item as an iCalendar file (the `ics` library writes it). Timed items are
// written as their UTC instant (9 pm ET on 3 Mar 2027 = 20270304T020000Z), so any calendar
// shows them at the right local time; all-day items are dates (VALUE=DATE) that stay on
// their day in every zone. UIDs are stable (the item's key). SEQUENCE must grow whenever an
// event's content changes (a calendar ignores a re-import whose SEQUENCE is not higher), also
// for items without a change date (grouped checklist items) or whose date goes back (a reset
// correction): the caller keeps the last exported content per UID (icsEventContent) and
// passes the sequences in; icsNextSequence says how a changed event's sequence grows.
import { createEvents, type EventAttributes } from 'ics';
import { instantOfPoint } from './calendar-dates';
import { DATED_KIND_LABELS, type DatedItem } from './agenda';

export const ICS_UID_DOMAIN = 'prelim-tracker.local';
const SEQUENCE_EPOCH = Date.UTC(2026, 0, 1);

export function icsUid(item: Pick<DatedItem, 'key'>): string {
  return `${item.key.replace(/[^A-Za-z0-9:._-]/g, '-')}@${ICS_UID_DOMAIN}`;
}

/** Minutes since 2026-01-01 of the last change: a later change always has a higher sequence. */
export function icsSequence(updatedAt: string | null): number {
  if (updatedAt === null) return 0;
  const ms = Date.parse(updatedAt);
  return Number.isNaN(ms) ? 0 : Math.max(0, Math.floor((ms - SEQUENCE_EPOCH) / 60_000));
}

/**
 * The sequence of an event that is new or changed since its last export: higher than the
 * previous one, and never below the item's change time (icsSequence), which is what exports
 * made before sequences were recorded used.
 */
export function icsNextSequence(previous: number | null, updatedAt: string | null): number {
  const floor = icsSequence(updatedAt);
  return previous === null ? floor : Math.max(previous + 1, floor);
}

function dateArray(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function toEvent(item: DatedItem, sequences?: ReadonlyMap<string, number>): EventAttributes {
  const instant = instantOfPoint(item);
  const description = [
    `${DATED_KIND_LABELS[item.kind]}${item.estimated ? ' (estimated date: check the source)' : ''}`,
    item.detail,
    item.time !== null ? `Time: ${item.time} ${item.timeZone === 'America/New_York' ? 'Eastern time' : (item.timeZone ?? '')}` : '',
    `Source: ${item.source}`,
  ]
    .filter((s) => s !== '')
    .join('\n');
  const common = {
    uid: icsUid(item),
    sequence: sequences?.get(icsUid(item)) ?? icsSequence(item.updatedAt),
    title: `${item.estimated ? '[est.] ' : ''}${item.title}`,
    description,
    categories: [DATED_KIND_LABELS[item.kind]],
    status: item.estimated ? ('TENTATIVE' as const) : ('CONFIRMED' as const),
    busyStatus: 'FREE' as const,
  };
  if (instant === null) {
    // All-day: DTSTART;VALUE=DATE and an exclusive DTEND the next day.
    const [y, m, d] = dateArray(item.date);
    const next = new Date(Date.UTC(y, m - 1, d + 1));
    return { ...common, start: [y, m, d], end: [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()] };
  }
  return { ...common, start: instant.getTime(), startInputType: 'utc', startOutputType: 'utc', duration: { minutes: item.kind === 'interview' ? 60 : 30 } };
}

/** Everything the export writes for the item except its SEQUENCE, as one string: a different string is a changed event. */
export function icsEventContent(item: DatedItem): string {
  const { sequence: _sequence, ...content } = toEvent(item);
  return JSON.stringify(content);
}

/**
 * The .ics text for the items (done items included, so the calendar keeps them), with the
 * given SEQUENCE per UID (by default the item's change time). Throws if the library refuses an item.
 */
export function calendarIcs(items: readonly DatedItem[], sequences?: ReadonlyMap<string, number>): string {
  const { error, value } = createEvents(items.map((i) => toEvent(i, sequences)), { productId: 'prelim-tracker/calendar', calName: 'Prelim Tracker' });
  if (error || value === null) throw new Error(`The calendar file could not be written: ${error?.message ?? 'unknown error'}`);
  return value;
}
