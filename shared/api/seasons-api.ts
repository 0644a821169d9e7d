import { method, noInput } from './define';
import { ALL_DOMAINS } from './domains';
import { seasonRefSchema, startNextSeasonSchema, type NextSeasonPreview, type SeasonsOverview, type SeasonView } from '../domain/season';

export const seasonsApi = {
  /** The active season, every season with its outcome, and whether starting this one can be undone. */
  'seasons.overview': method<SeasonsOverview>()(noInput),
  /** What "Start the next season" would carry over and what stays in the current season. Writes nothing. */
  'seasons.preview': method<NextSeasonPreview>()(noInput),
  /** Ends the active season (kept read-only with its outcome) and starts the next one. */
  'seasons.startNext': method<SeasonsOverview>()(startNextSeasonSchema, { writes: ALL_DOMAINS }),
  /** Undoes "Start the next season" while nothing changed since. */
  'seasons.undoStart': method<SeasonsOverview>()(noInput, { writes: ALL_DOMAINS }),
  /** A season read-only: past seasons from their archive, the active one from the live data. */
  'seasons.view': method<SeasonView>()(seasonRefSchema),
};
