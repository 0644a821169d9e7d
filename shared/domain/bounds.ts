// Bounds every API input shares: one date schema (a real calendar day within the years the
// app can work with) and one way of trimming text (whitespace and control characters).
import { z } from 'zod';

/** The earliest year any date may have (the oldest graduation year the profile accepts). */
export const MIN_DATE_YEAR = 1960;
/**
 * The latest year any date may have. Seasons are planned a few years ahead at most; a date
 * like 9999-12-31 would push reminders, the agenda and .ics past what dates can represent.
 */
export const MAX_DATE_YEAR = 2100; // the last Match year a season can have (engine/season-projection LAST_MATCH_YEAR)

/** Whether s is YYYY-MM-DD, a real calendar day. */
export function isRealIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** Whether a year is within the years a date may have. */
export function isDateYearInBounds(year: number): boolean {
  return year >= MIN_DATE_YEAR && year <= MAX_DATE_YEAR;
}

/** YYYY-MM-DD: a real calendar day from MIN_DATE_YEAR to MAX_DATE_YEAR. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-08-15.')
  .refine(isRealIsoDate, 'This is not a real calendar date.')
  .refine((s) => isDateYearInBounds(Number(s.slice(0, 4))), `Use a date from ${MIN_DATE_YEAR} to ${MAX_DATE_YEAR}.`);

// C0 and C1 control characters (NUL included), DEL, and whitespace: matching them is the point.
// eslint-disable-next-line no-control-regex
const EDGE = /^[\s\u0000-\u001f\u007f-\u009f]+|[\s\u0000-\u001f\u007f-\u009f]+$/g;

/**
 * Trims whitespace and control characters from both ends. Used instead of zod's .trim() so a
 * text of only control characters (e.g. NUL) is empty and "enter a name" applies to it.
 */
export function trimText(s: string): string {
  return s.replace(EDGE, '');
}
