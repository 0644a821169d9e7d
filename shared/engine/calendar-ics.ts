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

/** An interview blocks the time (BUSY); reminders, deadlines and reference dates do not. */
function blocksTime(item: DatedItem): boolean {
  return item.kind === 'interview';
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
    busyStatus: blocksTime(item) ? ('BUSY' as const) : ('FREE' as const),
    transp: blocksTime(item) ? ('OPAQUE' as const) : ('TRANSPARENT' as const),
    ...(item.link ? (/^https:\/\//i.test(item.link) ? { url: item.link, location: item.link } : { location: item.link }) : {}),
  };
  if (instant === null) {
    // All-day: DTSTART;VALUE=DATE and an exclusive DTEND the next day.
    const [y, m, d] = dateArray(item.date);
    const next = new Date(Date.UTC(y, m - 1, d + 1));
    return { ...common, start: [y, m, d], end: [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()] };
  }
  return { ...common, start: instant.getTime(), startInputType: 'utc', startOutputType: 'utc', duration: { minutes: item.durationMinutes ?? 30 } };
}

/** Everything the export writes for the item except its SEQUENCE, as one string: a different string is a changed event. */
export function icsEventContent(item: DatedItem): string {
  const { sequence: _sequence, ...content } = toEvent(item);
  return JSON.stringify(content);
}

/** What the export remembers of an event it wrote, to cancel it once it disappears. */
export interface ExportedEvent {
  uid: string;
  /** The sequence it was last exported with. */
  sequence: number;
  title: string;
  /** ISO UTC instant of a timed event, or YYYY-MM-DD of an all-day one. */
  start: string;
}

/**
 * Events exported before whose item is gone (an interview deleted, a deadline removed): each
 * goes out once more as STATUS:CANCELLED with a higher SEQUENCE, so calendars remove it
 * (RFC 5545 §3.8.1.11) instead of keeping a stale event.
 */
export function cancelledIcsEvents(gone: readonly ExportedEvent[]): EventAttributes[] {
  return gone.map((g) => {
    const base = { uid: g.uid, sequence: g.sequence + 1, title: g.title, status: 'CANCELLED' as const, busyStatus: 'FREE' as const, transp: 'TRANSPARENT' as const };
    if (/^\d{4}-\d{2}-\d{2}$/.test(g.start)) {
      const [y, m, d] = dateArray(g.start);
      const next = new Date(Date.UTC(y, m - 1, d + 1));
      return { ...base, start: [y, m, d], end: [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()] };
    }
    return { ...base, start: Date.parse(g.start), startInputType: 'utc', startOutputType: 'utc', duration: { minutes: 30 } };
  });
}

/** The start the export writes for an item (for ExportedEvent.start). */
export function icsStart(item: DatedItem): string {
  return instantOfPoint(item)?.toISOString() ?? item.date;
}

/**
 * Folds content lines at 75 octets (RFC 5545 §3.1), counting UTF-8 bytes and never splitting a
 * character; continuation lines start with one space. The ics library folds by characters,
 * which lets a line of accented or CJK text run past 75 octets, so its output is unfolded and
 * folded again here.
 */
export function foldIcsLines(text: string): string {
  const encoder = new TextEncoder();
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  return unfolded
    .split('\r\n')
    .map((line) => {
      if (encoder.encode(line).length <= 75) return line;
      const parts: string[] = [];
      let current = '';
      let bytes = 0;
      let limit = 75;
      for (const ch of line) {
        const size = encoder.encode(ch).length;
        if (bytes + size > limit) {
          parts.push(current);
          current = '';
          bytes = 0;
          limit = 74; // the leading space takes one octet
        }
        current += ch;
        bytes += size;
      }
      parts.push(current);
      return parts.join('\r\n ');
    })
    .join('\r\n');
}

/**
 * The .ics text for the items (done items included, so the calendar keeps them), with the
 * given SEQUENCE per UID (by default the item's change time) and the cancelled events of
 * items that disappeared. Timed events are UTC instants, so no VTIMEZONE is needed. Throws
 * if the library refuses an item.
 */
export function calendarIcs(items: readonly DatedItem[], sequences?: ReadonlyMap<string, number>, cancelled: readonly EventAttributes[] = []): string {
  const events = [...items.map((i) => toEvent(i, sequences)), ...cancelled];
  if (events.length === 0) return foldIcsLines(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:prelim-tracker/calendar', 'METHOD:PUBLISH', 'X-WR-CALNAME:Prelim Tracker', 'END:VCALENDAR', ''].join('\r\n'));
  const { error, value } = createEvents(events, { productId: 'prelim-tracker/calendar', calName: 'Prelim Tracker' });
  if (error || value === null) throw new Error(`The calendar file could not be written: ${error?.message ?? 'unknown error'}`);
  return foldIcsLines(value);
}
