// Days left in words, without the date library of calendar-dates.ts (the Dashboard's agenda
// needs only this).

/** "in 3 days", "today", "tomorrow", "2 days ago". */
export function daysLeftText(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
