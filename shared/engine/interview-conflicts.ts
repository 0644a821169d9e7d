// Interview times across time zones and the conflicts between them. Each interview keeps
// the wall-clock time and IANA zone the program gave; comparisons use absolute instants.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { localToInstant } from '../domain/interview';
import { localDateOf } from './calendar-dates';

/** Two interviews on the same day (in the user's zone) with less than this between them are "too close". */
export const INTERVIEW_MIN_GAP_MINUTES = 120;

export interface TimedInterview {
  id: number;
  localStart: string | null;
  timeZone: string | null;
  durationMinutes: number;
}

export interface InterviewConflict {
  /** The earlier interview first. */
  ids: [number, number];
  kind: 'overlap' | 'too_close';
  /** Minutes of overlap (overlap) or of gap between them (too_close). */
  minutes: number;
  /** Ends a sentence that starts with the two programs: "A and B overlap by 1 h." */
  text: string;
}

export interface InterviewSpan {
  id: number;
  start: Date;
  end: Date;
}

/** Start and end instants of the scheduled interviews (unscheduled or impossible times are left out). */
export function interviewSpans(interviews: readonly TimedInterview[]): InterviewSpan[] {
  const spans: InterviewSpan[] = [];
  for (const i of interviews) {
    if (i.localStart === null || i.timeZone === null) continue;
    const start = localToInstant(i.localStart, i.timeZone);
    if (start) spans.push({ id: i.id, start, end: new Date(start.getTime() + i.durationMinutes * 60_000) });
  }
  return spans.sort((a, b) => a.start.getTime() - b.start.getTime() || a.id - b.id);
}

/** "Tue 3 Nov 2026, 09:00 CST": an instant as the clock shows it in a zone. */
export function formatInZone(instant: Date, zone: string, withYear = true): string {
  const d = new TZDate(instant.getTime(), zone);
  const abbr = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }).formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? zone;
  return `${format(d, withYear ? 'EEE d MMM yyyy, HH:mm' : 'EEE d MMM, HH:mm')} ${abbr}`;
}

function minutesBetween(a: Date, b: Date): number {
  return Math.round((b.getTime() - a.getTime()) / 60_000);
}

/**
 * Pairs of interviews that overlap (their spans intersect, durations included) or that
 * fall on the same day in the user's zone with less than INTERVIEW_MIN_GAP_MINUTES between
 * the end of one and the start of the next.
 */
export function detectInterviewConflicts(interviews: readonly TimedInterview[], userZone: string): InterviewConflict[] {
  const spans = interviewSpans(interviews);
  const out: InterviewConflict[] = [];
  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      const a = spans[i]!;
      const b = spans[j]!;
      const gap = minutesBetween(a.end, b.start);
      // Sorted by start: every later interview starts even further from this one's end.
      if (gap >= INTERVIEW_MIN_GAP_MINUTES) break;
      if (gap < 0) {
        const overlap = minutesBetween(b.start, a.end < b.end ? a.end : b.end);
        out.push({ ids: [a.id, b.id], kind: 'overlap', minutes: overlap, text: `overlap by ${formatMinutes(overlap)}.` });
      } else if (gap < INTERVIEW_MIN_GAP_MINUTES && localDateOf(a.start, userZone) === localDateOf(b.start, userZone)) {
        out.push({ ids: [a.id, b.id], kind: 'too_close', minutes: gap, text: `are only ${formatMinutes(gap)} apart on the same day (leave at least ${formatMinutes(INTERVIEW_MIN_GAP_MINUTES)}).` });
      }
    }
  }
  return out;
}

export function formatMinutes(m: number): string {
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${rest} min`;
  return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
}
