export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

let todayZone: string | null = null;
let todayFormat: Intl.DateTimeFormat | null = null;

/** Set by the clock store: the zone the main process counts days in (null: this computer's). */
export function setTodayZone(zone: string | null): void {
  if (zone === todayZone) return;
  try {
    todayFormat = zone ? new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }) : null;
    todayZone = zone;
  } catch {
    // An unknown zone name: keep counting in this computer's zone.
    todayFormat = null;
    todayZone = null;
  }
}

/** Today (YYYY-MM-DD) in the user's zone: the one "today" of the renderer. */
export function localToday(now = new Date()): string {
  if (todayFormat) {
    const part = (type: Intl.DateTimeFormatPartTypes) => todayFormat!.formatToParts(now).find((p) => p.type === type)!.value;
    return `${part('year')}-${part('month')}-${part('day')}`;
  }
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** US dollars, e.g. "$1,250". */
export function money(n: number): string {
  return `$${n.toLocaleString('en-US')}`;
}
