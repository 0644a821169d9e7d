export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Today's date on this computer (YYYY-MM-DD), not UTC. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** US dollars, e.g. "$1,250". */
export function money(n: number): string {
  return `$${n.toLocaleString('en-US')}`;
}
