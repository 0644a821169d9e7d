// The one clock of the main process: the instant now, the user's time zone (the calendar
// setting, else the computer's) and today's date in that zone. Every handler and repository
// takes "now" and "today" from here, so two screens never disagree about the day around
// midnight. Tests give a fixed `now`.
import { localDateOf } from '../shared/engine/calendar-dates';

export interface Clock {
  now(): Date;
  /** The user's IANA zone: their setting, or the computer's when they have not set one. */
  timeZone(): string;
  /** Today's date (YYYY-MM-DD) in the user's zone. */
  today(): string;
}

/** The computer's zone (the main process and the browser-mode host run on the user's machine). */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A clock over `now`, reading the user's zone setting ('' = the computer's zone) at each call. */
export function createClock(now: () => Date, zoneSetting: () => string): Clock {
  const timeZone = () => zoneSetting() || systemTimeZone();
  return { now, timeZone, today: () => localDateOf(now(), timeZone()) };
}

/** A clock stopped at `at` in `zone` (tests, one-off scripts). */
export function fixedClock(at: Date, zone = systemTimeZone()): Clock {
  return createClock(() => at, () => zone);
}
