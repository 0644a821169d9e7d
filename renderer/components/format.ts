// How the app writes numbers, money and dates for the user. Every date shown goes through the
// helpers below: one format, in the user's own locale (the browser's or the desktop app's
// language), with the weekday where a deadline is shown. Date inputs (type="date") keep the
// browser's own format. tests/renderer/date-format.test.ts keeps other date printing out of
// the screens.

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

let todayZone: string | null = null;
/** The formatter counting days in todayZone: made on first use (a page's first zoned Intl format loads ICU's zone data, ~20 ms). */
let todayFormat: Intl.DateTimeFormat | null = null;

/** Set by the clock store: the zone the main process counts days in (null: this computer's). */
export function setTodayZone(zone: string | null): void {
  if (zone === todayZone) return;
  todayZone = zone;
  todayFormat = null;
}

/** The formatter for todayZone, made when first needed; null for this computer's zone or an unknown zone name (then this computer's zone is kept). */
function todayFormatter(): Intl.DateTimeFormat | null {
  if (todayZone && !todayFormat) {
    try {
      todayFormat = new Intl.DateTimeFormat('en-US', { timeZone: todayZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      todayZone = null;
    }
  }
  return todayFormat;
}

/** Today (YYYY-MM-DD) in the user's zone: the one "today" of the renderer. */
export function localToday(now = new Date()): string {
  const zoned = todayFormatter();
  if (zoned) {
    const part = (type: Intl.DateTimeFormatPartTypes) => zoned.formatToParts(now).find((p) => p.type === type)!.value;
    return `${part('year')}-${part('month')}-${part('day')}`;
  }
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

let dollars: Intl.NumberFormat | null = null;

/** US dollars, e.g. "$1,250" (as `n.toLocaleString('en-US')` writes the number). */
export function money(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) {
    // Whole dollars (nearly every amount) are grouped here: a page's first Intl number format
    // costs ~13 ms (ICU's number data), which the Dashboard's first render paid.
    const sign = n < 0 || Object.is(n, -0) ? '-' : '';
    return `$${sign}${String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',')}`;
  }
  dollars ??= new Intl.NumberFormat('en-US');
  return `$${dollars.format(n)}`;
}

/** While the browser-mode host draws the first screen: the locale the browser asked for (Accept-Language). */
let drawingLocale: string | undefined;

/** Runs `draw` with the user's locale taken to be `locale` (the host drawing a page; renderer/first-screen-server.tsx). */
export function inLocale<T>(locale: string | undefined, draw: () => T): T {
  drawingLocale = locale;
  try {
    return draw();
  } finally {
    drawingLocale = undefined;
  }
}

/** The user's locale: the language the browser (or the desktop app) runs in. */
export function userLocale(): string | undefined {
  if (drawingLocale) return drawingLocale;
  return typeof navigator !== 'undefined' && navigator.language ? navigator.language : undefined;
}

/** The user's zone, e.g. "Europe/Berlin": the one days are counted in (calendar settings, else this computer's). */
export function userTimeZone(): string {
  todayFormatter(); // drops an unknown zone name
  return todayZone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}

const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = userLocale();
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formats.set(key, f);
  }
  return f;
}

const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/** A calendar date (YYYY-MM-DD) as a Date at noon that day, or null when it is not one. */
function calendarDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.slice(0, 10));
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
  // 2026-13-45 is not a day (Date would roll it over into 2027).
  return d.getMonth() === Number(m[2]) - 1 && d.getDate() === Number(m[3]) ? d : null;
}

function instant(value: string | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A calendar date (YYYY-MM-DD), e.g. "Nov 29, 2026" (en-US) or "29 Nov 2026" (en-GB). Anything else is shown as it is. */
export function formatDate(iso: string): string {
  const d = calendarDate(iso);
  return d ? formatter(DAY).format(d) : iso;
}

/**
 * A sentence from the engine (which knows no locale) with its dates (YYYY-MM-DD) written the
 * user's way: "Asked on 2026-08-01" -> "Asked on Aug 1, 2026".
 */
export function formatDatesIn(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => formatDate(iso));
}

/** A date something is due, with its weekday: "Sun, Nov 29, 2026". */
export function formatDueDate(iso: string): string {
  const d = calendarDate(iso);
  return d ? formatter({ weekday: 'short', ...DAY }).format(d) : iso;
}

/** An instant (ISO time stamp) as date and time on this computer: "Nov 29, 2026, 3:04 PM". */
export function formatDateTime(value: string | Date, { seconds = false }: { seconds?: boolean } = {}): string {
  const d = instant(value);
  return d ? formatter({ ...DAY, ...TIME, ...(seconds ? { second: '2-digit' } : {}) }).format(d) : String(value);
}

/** The time of an instant on this computer: "3:04 PM". */
export function formatTime(value: string | Date): string {
  const d = instant(value);
  return d ? formatter(TIME).format(d) : String(value);
}

/**
 * An instant as the clock shows it in a time zone, with the weekday and the zone's short name:
 * "Tue, Nov 3, 2026, 9:00 AM CST". `withYear: false` leaves the year out (tables of this season).
 */
export function formatInZone(value: Date, zone: string, { withYear = true }: { withYear?: boolean } = {}): string {
  return formatter({ weekday: 'short', day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}), ...TIME, timeZone: zone, timeZoneName: 'short' }).format(value);
}

/** Only the time of an instant in a zone, with the zone's short name: "9:00 PM EST". */
export function formatTimeInZone(value: Date, zone: string): string {
  return formatter({ ...TIME, timeZone: zone, timeZoneName: 'short' }).format(value);
}
