// Date computations for the season calendar, in the user's time zone (date-fns +
// @date-fns/tz). All-day items are calendar dates: "due 2 Sep" is due on 2 Sep wherever
// the user lives. Timed items (NRMP times) are instants: "9 pm ET on 3 Mar" is 4 Mar,
// 02:00 in London, and the days left are counted from the user's own calendar.
import { differenceInCalendarDays, format } from 'date-fns';
import { TZDate, tz as inZone, tzName } from '@date-fns/tz';
import { EASTERN } from '../domain/eastern-time';

export { daysLeftText } from './days-left';

function ymd(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`"${date}" is not a date like 2026-09-02.`);
  return [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
}

function hm(time: string): [number, number] {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m) throw new RangeError(`"${time}" is not a time like 21:00.`);
  return [Number(m[1]), Number(m[2])];
}

/** The instant of a wall-clock time in a zone (Eastern by default), e.g. 3 Mar 2027 21:00 ET -> 2027-03-04T02:00Z. */
export function instantOf(date: string, time: string, zone: string = EASTERN): Date {
  const [y, mo, d] = ymd(date);
  const [h, mi] = hm(time);
  return new Date(TZDate.tz(zone, y, mo, d, h, mi).getTime());
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone; with `now`, today's date there. */
export function localDateOf(instant: Date, zone: string): string {
  return format(new TZDate(instant.getTime(), zone), 'yyyy-MM-dd');
}

export interface DatedPoint {
  /** YYYY-MM-DD; for a timed item, the day in `timeZone`. */
  date: string;
  /** HH:mm in `timeZone`, or null for an all-day item. */
  time: string | null;
  /** Zone of `time` (ignored for all-day items). */
  timeZone: string | null;
}

/** The instant of a timed item, or null for an all-day one. */
export function instantOfPoint(p: DatedPoint): Date | null {
  return p.time === null ? null : instantOf(p.date, p.time, p.timeZone ?? EASTERN);
}

/** The user's calendar day an item falls on. */
export function userDateOf(p: DatedPoint, zone: string): string {
  const instant = instantOfPoint(p);
  return instant === null ? p.date : localDateOf(instant, zone);
}

/**
 * Calendar days from today to the item, both read in the user's zone: 0 = today, 1 = tomorrow,
 * negative = days ago. Counted on calendar days, so a daylight-saving change never makes a
 * day of 23 or 25 hours count as anything but one day.
 */
export function daysLeft(p: DatedPoint, now: Date, zone: string): number {
  const instant = instantOfPoint(p);
  const ctx = { in: inZone(zone) };
  if (instant !== null) return differenceInCalendarDays(instant, now, ctx);
  const [y, mo, d] = ymd(p.date);
  return differenceInCalendarDays(TZDate.tz(zone, y, mo, d, 12, 0), now, ctx);
}

/** True once the item is behind us: a timed item after its instant, an all-day item from the next day on. */
export function isPast(p: DatedPoint, now: Date, zone: string): boolean {
  const instant = instantOfPoint(p);
  return instant !== null ? instant.getTime() <= now.getTime() : daysLeft(p, now, zone) < 0;
}

/** "Wed 3 Mar 2027, 9:00 PM EST": an instant read in a zone, with the zone's short name. */
export function formatInstant(instant: Date, zone: string): string {
  return `${format(new TZDate(instant.getTime(), zone), 'EEE d MMM yyyy, h:mm a')} ${tzName(zone, instant, 'short')}`;
}

/** The same instant in Eastern time, e.g. "9:00 PM EST". */
export function easternTime(instant: Date): string {
  return `${format(new TZDate(instant.getTime(), EASTERN), 'h:mm a')} ${tzName(EASTERN, instant, 'short')}`;
}

/** "Wed 2 Sep 2026" for an all-day date. */
export function formatDay(date: string): string {
  const [y, mo, d] = ymd(date);
  return format(new Date(y, mo, d, 12), 'EEE d MMM yyyy');
}


/** A calendar date plus (or minus) whole days, YYYY-MM-DD in and out. */
export function plusDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
