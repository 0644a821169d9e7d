// The active season for handlers: its Match year and its reference dates (projected by the
// season rules, with the user's corrections for that season). Past seasons are read-only.
import { AppError } from '../errors';
import type { Repos } from '../db/repos';
import { resolveSeasonEvents, type ResolvedSeasonEvent } from '../../shared/domain/season-calendar';
import { projectSeasonEvents, seasonFirstDay, seasonLabel } from '../../shared/engine/season-projection';

export function createSeasonContext({ seasons, calendar }: Pick<Repos, 'seasons' | 'calendar'>) {
  const activeYear = () => seasons.active().matchYear;
  return {
    activeYear,
    /** A season's reference dates with its corrections (the active season by default). */
    events(matchYear: number = activeYear()): ResolvedSeasonEvent[] {
      return resolveSeasonEvents(calendar.corrections(matchYear), projectSeasonEvents(matchYear));
    },
    /**
     * Why a day cannot date a record of the active season (`what`, e.g. "an assignment"), or
     * null: not after today (it records what happened), not before the season's first day (the
     * previous Match Day, seasonFirstDay).
     */
    dayProblem(date: string, today: string, what: string): string | null {
      if (date > today) return `${date} is after today (${today}); ${what} records what has happened, so give today or an earlier day.`;
      return this.beforeSeasonProblem(date);
    },
    /** Why a day is before the active season's first day (the previous Match Day), or null. */
    beforeSeasonProblem(date: string): string | null {
      const year = activeYear();
      const first = seasonFirstDay(year);
      return date < first ? `${date} is before the ${seasonLabel(year)} season, which begins on ${first} (the ${year - 1} Match Day); give that day or a later one.` : null;
    },
    /** Refuses a write to a past season (read-only); returns the year to write. */
    writableYear(matchYear: number | undefined): number {
      const active = activeYear();
      if (matchYear === undefined || matchYear === active) return active;
      const s = seasons.get(matchYear);
      if (s && s.status === 'past') throw new AppError('conflict', `The ${seasonLabel(matchYear)} is a past season: it is read-only. Switch to the ${seasonLabel(active)} to make changes.`);
      // A later season's dates may be corrected ahead (e.g. during the prelim year).
      return matchYear;
    },
  };
}
